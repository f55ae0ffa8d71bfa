import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { allCommands, programFor } from '../helpers/in-process.js';

const read = (name: string): string => readFileSync(join(ROOT, name), 'utf8');

interface Outline {
  headings: { level: number; text: string }[];
  blocks: { lang: string; commands: string[] }[];
}

/**
 * Headings (outside code) and fenced code blocks. In shell and YAML blocks a trailing `# comment` is prose (it is
 * translated), so only the command part is compared; other blocks are compared whole.
 */
function outline(markdown: string): Outline {
  const out: Outline = { headings: [], blocks: [] };
  let fence: { marker: string; lang: string; lines: string[] } | undefined;
  for (const line of markdown.split('\n')) {
    const open = /^(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (fence) {
      if (line.startsWith(fence.marker)) {
        const shell = ['sh', 'bash', 'shell', 'console', '', 'yaml', 'yml'].includes(fence.lang);
        const commands = fence.lines.map((l) => (shell ? l.replace(/\s+#\s.*$/, '') : l).trimEnd()).filter((l) => l !== '');
        out.blocks.push({ lang: fence.lang, commands });
        fence = undefined;
      } else fence.lines.push(line);
      continue;
    }
    if (open) {
      fence = { marker: open[1] ?? '```', lang: open[2] ?? '', lines: [] };
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) out.headings.push({ level: heading[1]?.length ?? 0, text: heading[2] ?? '' });
  }
  expect(fence, 'an unclosed code fence').toBeUndefined();
  return out;
}

const english = outline(read('README.md'));
const japanese = outline(read('README.ja.md'));

describe('README.md and README.ja.md are parallel', () => {
  it('have the same sequence of heading levels', () => {
    expect(english.headings.length).toBeGreaterThanOrEqual(5);
    const pairs = english.headings.map(
      (h, i) => `${'#'.repeat(h.level)} ${h.text}  |  ${'#'.repeat(japanese.headings[i]?.level ?? 0)} ${japanese.headings[i]?.text ?? '(missing)'}`,
    );
    expect(
      japanese.headings.map((h) => h.level),
      `headings, English | Japanese:\n${pairs.join('\n')}`,
    ).toEqual(english.headings.map((h) => h.level));
  });

  it('have the same code blocks (commands), in the same order', () => {
    expect(english.blocks.length).toBeGreaterThanOrEqual(3);
    expect(japanese.blocks).toEqual(english.blocks);
  });

  it('the shell comments of the Japanese README are Japanese', () => {
    const ja = read('README.ja.md');
    const comments = [...ja.matchAll(/^\S.*?\s#\s(.+)$/gm)].map((m) => m[1] ?? '');
    expect(comments.length).toBeGreaterThan(0);
    for (const c of comments) expect(c).toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u);
  });

  it('link to each other at the top', () => {
    const top = (name: string): string => read(name).split('\n').slice(0, 5).join('\n');
    expect(top('README.md')).toContain('](README.ja.md)');
    expect(top('README.ja.md')).toContain('](README.md)');
  });

  it('every agentpack command they show exists', () => {
    const { program } = programFor('en');
    const names = new Set(allCommands(program).flatMap(({ command }) => [command.name(), ...command.aliases()]));
    names.add('help');
    const used = english.blocks.flatMap((b) => b.commands).flatMap((l) => [...l.matchAll(/\bagentpack\s+([a-z][\w-]*)/g)].map((m) => m[1] ?? ''));
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((c) => !names.has(c))).toEqual([]);
  });

  it('the outline compares code, not comments (negative control)', () => {
    const a = outline('# T\n\n```sh\nagentpack list   # available agents\n```\n');
    const b = outline('# T\n\n```sh\nagentpack list   # 利用できるエージェント\n```\n');
    const c = outline('# T\n\n```sh\nagentpack ls   # 利用できるエージェント\n```\n');
    expect(b).toEqual(a);
    expect(c.blocks).not.toEqual(a.blocks);
    expect(outline('# A\n## B\n').headings.map((h) => h.level)).toEqual([1, 2]);
    expect(outline('```md\n# not a heading\n```\n').headings).toEqual([]);
  });
});
