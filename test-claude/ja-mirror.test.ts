import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAgent } from '../src/core/agent/parse.js';
import { isolatedEnv, ROOT, runCli } from '../test/helpers/cli.js';
import { askClaude, claudeBin, fileAgents } from './helpers/ask-claude.js';

const TREE = join(ROOT, 'test', 'fixtures', 'catalogs', 'ja-mirror');

interface ExpectedAgent {
  path: string;
  name: string;
  locale: string;
  canonical: string | null;
}

/** The file each agent is installed from in Japanese: its Japanese variant, else its only (English) one. */
function japaneseSources(): Map<string, string> {
  const agents =
    (JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'catalogs', 'expected.json'), 'utf8')) as Record<string, { agents: ExpectedAgent[] }>)['ja-mirror']
      ?.agents ?? [];
  const out = new Map<string, string>();
  for (const a of agents) if (a.locale === 'ja' || !out.has(a.name)) out.set(a.name, a.path);
  return out;
}

/**
 * A Japanese repository's layout: `.claude/agents/<cat>/x.md` in English beside `.claude/ja/agents/<cat>/x.md`
 * (several with the language banner before the front-matter, which Claude Code skips as they stand), a
 * Japanese-only agent, and an `i18n/ja/` plugin that exists only in Japanese. Installed in Japanese with
 * `install --all --from`, the real Claude Code lists every agent once, with the description it shows for the
 * file it came from (the Japanese one where there is one). Negative control: an agent uninstalled again is gone.
 */
describe.skipIf(claudeBin === '')('a .claude/ja/agents mirror, as the real Claude Code sees it', () => {
  it('Claude Code lists every agent installed in Japanese, with the original file description', async () => {
    const { env, home } = isolatedEnv();
    const install = await runCli(['install', '--all', '--from', TREE, '--locale', 'ja', '--json'], { env, cwd: home });
    expect(install.code, install.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(home, '.claude', 'agents', '.agentpack.json'), 'utf8')) as { agents: Record<string, { locale: string }> };
    const sources = japaneseSources();
    const installed = Object.keys(manifest.agents).sort();
    expect(installed).toEqual([...sources.keys()].sort());
    // Every agent that has Japanese is installed in Japanese; the one English-only agent stays English.
    for (const [name, path] of sources) expect(manifest.agents[name]?.locale, name).toBe(path.includes('/ja/') ? 'ja' : 'en');

    const listed = await fileAgents(await askClaude({ home }));
    for (const [name, path] of sources) {
      const found = listed.filter((a) => a.name === name);
      expect(found, `Claude Code lists ${name} once`).toHaveLength(1);
      const original = parseAgent(readFileSync(join(TREE, path), 'utf8')).shownDescription;
      expect(found[0]?.description, `${name}: the description Claude Code shows for ${path}`).toBe(original);
    }
    expect(listed.map((a) => a.name).sort(), 'nothing else from a file').toEqual(installed);

    expect((await runCli(['uninstall', 'task-divider'], { env, cwd: home })).code).toBe(0);
    expect((await fileAgents(await askClaude({ home }))).map((a) => a.name)).not.toContain('task-divider');
  });
});

interface ExpectedTree {
  agents: (ExpectedAgent & { plugin?: string })[];
  conflicts: unknown[];
}

/**
 * Every layout of the fixture catalogs (plugin marketplace, locales/, <lang>/ at the root, <name>.<lang>.md,
 * i18n.source, banner links, a team folder in several languages), installed with `install --all --from` in
 * English and in Japanese: the real Claude Code lists each installed agent once, with the description it shows
 * for the file of the recorded locale. A tree's conflicts (the marketplace's `debugger`) are refused, not listed.
 */
describe.skipIf(claudeBin === '')('every catalog layout, as the real Claude Code sees it', () => {
  const trees = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'catalogs', 'expected.json'), 'utf8')) as Record<string, ExpectedTree>;
  for (const [tree, expected] of Object.entries(trees)) {
    if (tree === 'names' || tree === 'ja-mirror') continue; // their own tests above and in names-as-written.test.ts
    for (const locale of ['en', 'ja']) {
      it(`${tree}, --locale ${locale}`, async () => {
        const { env, home } = isolatedEnv();
        const install = await runCli(['install', '--all', '--from', join(ROOT, 'test', 'fixtures', 'catalogs', tree), '--locale', locale, '--json'], {
          env,
          cwd: home,
        });
        expect(install.code, install.stderr).toBe(expected.conflicts.length > 0 ? 1 : 0);
        const manifest = JSON.parse(readFileSync(join(home, '.claude', 'agents', '.agentpack.json'), 'utf8')) as { agents: Record<string, { locale: string }> };
        const installed = Object.keys(manifest.agents).sort();
        expect(installed.length, tree).toBeGreaterThan(0);
        const listed = await fileAgents(await askClaude({ home }));
        expect(listed.map((a) => a.name).sort(), 'every installed agent, and nothing else').toEqual(installed);
        for (const name of installed) {
          const recorded = manifest.agents[name]?.locale;
          const files = expected.agents.filter((a) => a.name === name && a.locale === recorded);
          expect(files.length, `${name} (${recorded}) is a file of ${tree}`).toBeGreaterThan(0);
          const shown = files.map((f) => parseAgent(readFileSync(join(ROOT, 'test', 'fixtures', 'catalogs', tree, f.path), 'utf8')).shownDescription);
          expect(shown, `${name}: the description Claude Code shows for the original`).toContain(listed.find((a) => a.name === name)?.description);
        }
      });
    }
  }
});
