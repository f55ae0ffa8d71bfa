import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalHash } from '../../src/core/i18n/canonical-hash.js';
import { parseAgent } from '../../src/core/agent/parse.js';
import { tempDir } from './cli.js';

/** The name of generated agent `i`: `gen-agent-007`. */
export const genName = (i: number): string => `gen-agent-${String(i).padStart(3, '0')}`;

/**
 * A source folder of `count` agents, each in English (`agents/<name>.md`) and Japanese
 * (`locales/ja/agents/<name>.md`, with a current `i18n` block), for `install --all --from <folder>`.
 * Bodies are a few KB so a run spends real time writing; every file is distinct.
 */
export function generateSource(options: { count: number; dir?: string }): { dir: string; names: string[] } {
  const dir = options.dir ?? tempDir('agentpack-gen-source-');
  const names: string[] = [];
  for (let i = 0; i < options.count; i++) {
    const name = genName(i);
    names.push(name);
    const enRel = `agents/${name}.md`;
    const enBody = [
      `You are generated agent number ${i}.`,
      '',
      '## Focus',
      '',
      ...Array.from({ length: 40 }, (_, k) => `- English point ${k} of agent ${i}: read the files first, then answer briefly.`),
      '',
    ].join('\n');
    const en = `---\nname: ${name}\ndescription: Generated agent ${i} for crash and race tests.\ntools: Read, Grep\n---\n\n${enBody}`;
    const parsed = parseAgent(en);
    const hash = canonicalHash({ description: parsed.spec?.description ?? '', body: parsed.body });
    const jaBody = [
      `あなたは生成されたエージェント ${i} 番です。`,
      '',
      '## 重点',
      '',
      ...Array.from({ length: 40 }, (_, k) => `- エージェント ${i} の日本語の項目 ${k}：まずファイルを読み、簡潔に答えます。`),
      '',
    ].join('\n');
    const ja = `---\nname: ${name}\ndescription: クラッシュと競合のテスト用に生成したエージェント ${i} です。\ntools: Read, Grep\ni18n:\n  source: ../../../${enRel}\n  sourceHash: ${hash}\n---\n\n${jaBody}`;
    for (const [rel, text] of [
      [enRel, en],
      [`locales/ja/agents/${name}.md`, ja],
    ] as const) {
      mkdirSync(join(dir, rel, '..'), { recursive: true });
      writeFileSync(join(dir, rel), text);
    }
  }
  return { dir, names };
}
