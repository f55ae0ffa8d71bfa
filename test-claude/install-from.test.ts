import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../scripts/generate-source-fixtures.js';
import { parseAgent } from '../src/core/agent/parse.js';
import { isolatedEnv, runCli } from '../test/helpers/cli.js';
import { askClaude, claudeBin, fileAgents } from './helpers/ask-claude.js';
import { sameBytes } from './helpers/package-agent.js';

/**
 * Issue 9: the Japanese mirror tree, most of whose files start with a language banner before the
 * front-matter (Claude Code skips such files as they are), installed with `install --all --from … --locale ja`:
 * Claude Code lists every installed agent, each with the description of the file agentpack wrote.
 */
describe.skipIf(claudeBin === '')('install --from the banner-first Japanese tree, as the real Claude Code sees it', () => {
  it('Claude Code lists every installed agent with its Japanese description', async () => {
    const { env, home } = isolatedEnv();
    const r = await runCli(['install', '--all', '--from', 'ja-tree', '--locale', 'ja'], { env, cwd: FIXTURES_DIR });
    expect(r.code, r.stderr).toBe(0);
    const dir = join(home, '.claude', 'agents');
    const manifest = JSON.parse(readFileSync(join(dir, '.agentpack.json'), 'utf8')) as { agents: Record<string, { locale: string }> };
    const expected = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => ({ name: f.slice(0, -3), description: parseAgent(readFileSync(join(dir, f), 'utf8')).spec?.description ?? '' }));
    expect(expected.length).toBeGreaterThan(0);
    const jaCount = Object.values(manifest.agents).filter((e) => e.locale === 'ja').length;
    expect(jaCount, 'most agents are installed in Japanese').toBeGreaterThanOrEqual(expected.length - 2);
    const listed = await fileAgents(await askClaude({ home }));
    for (const { name, description } of expected) {
      const found = listed.filter((a) => a.name === name);
      expect(found, `Claude Code lists ${name} once`).toHaveLength(1);
      expect(sameBytes(found[0]?.description, description), `${name}: the installed description, byte for byte`).toBe(true);
      if (manifest.agents[name]?.locale === 'ja') expect(description, `${name} is Japanese`).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });
});
