import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, ROOT, runCli } from '../helpers/cli.js';
import { fixtureRepo, gitEnv } from '../helpers/git.js';

// Translators' tools on catalogs as they are: Japanese-only agents, skeletons not yet translated, repositories.

const MIRROR = join(ROOT, 'test', 'fixtures', 'catalogs', 'ja-mirror');

function world() {
  const { env, home } = isolatedEnv();
  cpSync(MIRROR, join(home, 'jm'), { recursive: true });
  return { env, home, jm: join(home, 'jm'), run: (args: string[]) => runCli(args, { env, cwd: home }) };
}

describe('i18n on a catalog with Japanese-only agents, skeletons and repositories', () => {
  it('i18n new for a Japanese-only agent writes beside its place, not inside the ja folder; status names the same paths', async () => {
    const w = world();
    const tiers = [
      ['task-divider', 'ko', '.claude/ko/agents/ops/task-divider.md'],
      ['task-divider', 'en', '.claude/agents/ops/task-divider.md'],
      ['merge-coordinator', 'ko', 'i18n/ko/plugins/parallel-work/agents/merge-coordinator.md'],
    ] as const;
    for (const [agent, locale, path] of tiers) {
      const r = await w.run(['i18n', 'new', agent, '--locale', locale, '--from', 'jm']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`Created ${path}:`);
      expect(existsSync(join(w.jm, ...path.split('/')))).toBe(true);
    }
    const status = await w.run(['i18n', 'status', '--from', 'jm']);
    expect(status.stdout).toMatch(/progress-tracker +ko +missing +i18n\/ko\/plugins\/parallel-work\/agents\/progress-tracker\.md/);
    expect(status.stdout).toMatch(/merge-coordinator +en +missing +plugins\/parallel-work\/agents\/merge-coordinator\.md/);
    expect(status.stdout).not.toMatch(/\/(ko|en)\/(i18n\/)?ja\//);
  });

  it('a skeleton is never installed, nor shown in place of the source: install falls back with a note, show --locale still shows it', async () => {
    const w = world();
    expect((await w.run(['i18n', 'new', 'pr-summarizer', '--locale', 'zh-CN', '--from', 'jm'])).code).toBe(0);
    const r = await w.run(['install', 'pr-summarizer', '--locale', 'zh-CN', '--from', 'jm', '--dir', 'out']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'pr-summarizer: the zh-CN file i18n/zh-CN/plugins/review-kit/agents/pr-summarizer.md is a skeleton still marked [[translate]]; installed in its own language.',
    );
    expect(readFileSync(join(w.home, 'out', 'pr-summarizer.md'), 'utf8')).not.toContain('[[translate]]');
    const ja = await w.run(['install', 'pr-summarizer', '--locale', 'zh-CN', '--from', 'jm', '--dir', 'out-ja', '--lang', 'ja']);
    expect(ja.stderr).toContain('[[translate]] のマーカーが残る下書き（スケルトン）のため、元の言語でインストールしました。');
    // A Japanese-only agent with an English skeleton: shown in Japanese to an English user, the skeleton only when asked.
    expect((await w.run(['i18n', 'new', 'task-divider', '--locale', 'en', '--from', 'jm'])).code).toBe(0);
    const shown = await w.run(['show', 'task-divider', '--from', 'jm']);
    expect(shown.stdout).toContain('description: 大きな作業を');
    expect(shown.stdout).not.toContain('[[translate]]');
    expect((await w.run(['show', 'task-divider', '--from', 'jm', '--locale', 'en'])).stdout).toContain('[[translate]]');
    // Negative control: once translated (markers gone), the English file is installed as English.
    const file = join(w.jm, '.claude', 'agents', 'ops', 'task-divider.md');
    const translated = readFileSync(file, 'utf8').replaceAll('[[translate]] ', '');
    writeFileSync(file, translated);
    const en = await w.run(['install', 'task-divider', '--locale', 'en', '--from', 'jm', '--dir', 'out-en']);
    expect(en.stdout).toContain('Installed task-divider (en)');
  });

  it('the source language named: each command says so with an example that runs (en, ja)', async () => {
    const { env } = isolatedEnv();
    const diff = await runCli(['i18n', 'diff', 'ml-engineer', '--locale', 'en'], { env });
    expect(diff.code).toBe(2);
    expect(diff.stderr).toContain('error I18N_NOT_A_TRANSLATION: The en variant of "ml-engineer" is its source, not a translation.');
    expect(diff.stderr).toContain('hint: Name the language of a translation instead, e.g. agentpack i18n diff ml-engineer --locale ja');
    const created = await runCli(['i18n', 'new', 'ml-engineer', '--locale', 'en', '--lang', 'ja'], { env });
    expect(created.code).toBe(2);
    expect(created.stderr).toContain('エラー I18N_NOT_A_TRANSLATION: "ml-engineer" の en 版は原文で、翻訳ではありません。');
    expect(created.stderr).toContain('例: agentpack i18n new ml-engineer --locale zh-CN');
  });

  it('a repository: i18n new refuses to write into the cached copy; i18n status points its commands at a clone', async () => {
    const env = gitEnv().env;
    const repo = fixtureRepo({ fixture: 'ja-mirror', env });
    const created = await runCli(['i18n', 'new', 'pr-summarizer', '--locale', 'ko', '--from', repo.url], { env });
    expect(created.code).toBe(2);
    expect(created.stderr).toContain(`does not write into agentpack's cached copy of ${repo.url}: clone it (git clone ${repo.url})`);
    const status = await runCli(['i18n', 'status', '--from', repo.url], { env });
    expect(status.stdout).toContain(`hint: ${repo.url} is a git repository, and agentpack does not write into its cached copy`);
    expect(status.stdout).toContain("--from '<your-clone>'");
    expect(status.stdout).not.toContain(`i18n stamp a11y-checker --locale ja --from ${repo.url}`);
  });
});
