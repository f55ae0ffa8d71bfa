import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAgent } from '../src/core/agent/parse.js';
import { isolatedEnv, runCli } from '../test/helpers/cli.js';
import { askClaude, claudeBin, fileAgents } from './helpers/ask-claude.js';
import { sameBytes } from './helpers/package-agent.js';

const NAMES = join(import.meta.dirname, '..', 'test', 'fixtures', 'catalogs', 'names');

/**
 * Names as Claude Code loads them (spaces, capitals, dots, underscores, Japanese, two names with one slug),
 * installed with `install --all --from` the names catalog into a temporary home: the real Claude Code lists
 * every installed agent once under its name as written, with the description of the file agentpack wrote.
 * Negative controls: the names agentpack refuses, and an agent uninstalled again, are not listed.
 */
describe.skipIf(claudeBin === '')('names as written, as the real Claude Code sees them', () => {
  it('Claude Code lists every installed agent under its name as written, and none that is not installed', async () => {
    const { env, home } = isolatedEnv();
    const dir = join(home, '.claude', 'agents');
    const install = await runCli(['install', '--all', '--from', NAMES, '--json'], { env, cwd: home });
    // Exit 1: the names Claude Code skips (and the 150-character one) are refused, the rest installed.
    expect(install.code, install.stderr).toBe(1);
    const refused = (JSON.parse(install.stdout) as { refused: { agent: string }[] }).refused.map((r) => r.agent);
    expect(refused).toHaveLength(3);
    const manifest = JSON.parse(readFileSync(join(dir, '.agentpack.json'), 'utf8')) as { agents: Record<string, { file?: string }> };
    const installed = Object.keys(manifest.agents).sort();
    expect(installed).toEqual(
      [
        'API v2 Designer',
        'Archivist',
        'Code Reviewer',
        'code-reviewer',
        'Data Pipeline Builder',
        'K8s.Deploy_Helper',
        'node.js-upgrader',
        'release_manager',
        'レビュー担当',
        'SQL_Optimizer',
        'Test Runner (CI)',
      ].sort(),
    );
    // The description each file carries, by the name it declares.
    const written = new Map(
      readdirSync(dir)
        .filter((f) => f.endsWith('.md'))
        .map((f) => {
          const spec = parseAgent(readFileSync(join(dir, f), 'utf8')).spec;
          return [spec?.name ?? '', spec?.description ?? ''] as const;
        }),
    );
    expect([...written.keys()].sort()).toEqual(installed);

    const listed = await fileAgents(await askClaude({ home }));
    for (const name of installed) {
      const found = listed.filter((a) => a.name === name);
      expect(found, `Claude Code lists ${name} once`).toHaveLength(1);
      expect(sameBytes(found[0]?.description, written.get(name) ?? ''), `${name}: the installed description, byte for byte`).toBe(true);
    }
    expect(listed.map((a) => a.name).sort(), 'nothing else from a file').toEqual(installed);
    for (const name of refused)
      expect(
        listed.some((a) => a.name === name),
        `${name} is not listed`,
      ).toBe(false);

    // agentpack's own probe says the same: every installed agent seen.
    const status = await runCli(['status', '--claude-bin', claudeBin, '--json'], { env, cwd: home, timeoutMs: 90_000 });
    expect(status.code, status.stderr).toBe(0);
    const seen = (JSON.parse(status.stdout) as { claude: { agents: { name: string; seen: boolean; descriptionMatches: boolean }[] } }).claude.agents;
    expect(seen.map((a) => a.name).sort()).toEqual(installed);
    expect(seen.every((a) => a.seen && a.descriptionMatches)).toBe(true);

    // Negative control: uninstalled again, an agent is no longer listed; renamed with --as, it is listed under the new name.
    expect((await runCli(['uninstall', 'Code Reviewer', 'レビュー担当'], { env, cwd: home })).code).toBe(0);
    expect((await runCli(['install', 'Code Reviewer', '--as', 'Peer Reviewer', '--from', NAMES], { env, cwd: home })).code).toBe(0);
    const after = (await fileAgents(await askClaude({ home }))).map((a) => a.name);
    expect(after).not.toContain('Code Reviewer');
    expect(after).not.toContain('レビュー担当');
    expect(after.filter((n) => n === 'Peer Reviewer')).toHaveLength(1);
    expect(after.filter((n) => n === 'code-reviewer')).toHaveLength(1);
  });
});
