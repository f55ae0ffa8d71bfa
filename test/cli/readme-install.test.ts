import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGENT, readManifestJson } from '../helpers/agentpack.js';
import { isolatedEnv, ROOT, runCli } from '../helpers/cli.js';

/** The `agentpack …` lines of a README section, in order, without comments. */
function commandsOf(readme: string, heading: string): string[][] {
  const text = readFileSync(join(ROOT, readme), 'utf8');
  const start = text.indexOf(`\n${heading}\n`);
  const end = text.indexOf('\n## ', start + 1);
  return text
    .slice(start, end)
    .split('\n')
    .filter((line) => /^agentpack [a-z-]/.test(line))
    .map((line) => line.replace(/#.*$/, '').trim().split(/\s+/).slice(1));
}

describe('README "Installing agents" works as written', () => {
  const en = commandsOf('README.md', '## Installing agents');
  const ja = commandsOf('README.ja.md', '## エージェントのインストール');

  it('both READMEs give the same commands in the same order', () => {
    expect(en.length).toBeGreaterThanOrEqual(10);
    expect(ja).toEqual(en);
  });

  it('running every command in order, from a project, in a fresh home: each succeeds', { timeout: 120_000 }, async () => {
    const { env, home } = isolatedEnv();
    const project = join(home, 'code', 'app');
    mkdirSync(join(project, '.git'), { recursive: true });
    for (const args of en) {
      const r = await runCli(args, { env, cwd: project });
      expect(r.code, `agentpack ${args.join(' ')}\n${r.stderr}`).toBe(0);
    }
    expect(existsSync(join(home, '.claude', 'agents', `${AGENT}.md`))).toBe(false);
    expect(readManifestJson(join(project, '.claude', 'agents'))?.agents[AGENT]?.locale).toBe('en');
  });
});
