import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../../scripts/generate-source-fixtures.js';
import { isolatedEnv, runCli, tempDir } from '../helpers/cli.js';

/** The recorded origin without its `scan` snapshot (that one is checked in source-scan.test.ts). */
function originOf(source: object | undefined): object | undefined {
  if (source === undefined) return undefined;
  const { scan: _scan, ...rest } = source as { scan?: unknown };
  return rest;
}

const PLUGIN_AGENTS = [
  'api-designer',
  'changelog-writer',
  'code-reviewer',
  'commit-message-helper',
  'config-auditor',
  'css-tidier',
  'data-cleaner',
  'dependency-checker',
  'diagram-sketcher',
  'docstring-writer',
  'error-explainer',
  'glossary-keeper',
  'incident-summarizer',
  'log-reader',
  'migration-planner',
  'naming-advisor',
  'performance-profiler',
  'query-optimizer',
  'release-checklist',
  'schema-designer',
  'secret-scanner',
  'shell-helper',
  'spec-reader',
  'sql-reviewer',
  'threat-modeler',
  'ui-copy-editor',
];
const JA_AGENTS = ['api-reviewer', 'backup-planner', 'deploy-checker', 'log-summarizer', 'release-notes', 'style-checker', 'summary-writer'];

interface Entry {
  locale: string;
  sha256: string;
  source?: Record<string, unknown>;
}
const manifestOf = (dir: string): { agents: Record<string, Entry> } =>
  JSON.parse(readFileSync(join(dir, '.agentpack.json'), 'utf8')) as { agents: Record<string, Entry> };
const mdFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort();
const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );

function setup(): { env: Record<string, string>; agents: string; cli: (args: string[], cwd?: string) => ReturnType<typeof runCli> } {
  const { env, home } = isolatedEnv();
  return { env, agents: join(home, '.claude', 'agents'), cli: (args, cwd = FIXTURES_DIR) => runCli(args, { env, cwd }) };
}

describe('install --from', () => {
  it('plugin tree: --all installs every unambiguous agent once, names the conflict with its <plugin>:<name> command, exits 1; --pick resolves it', async () => {
    const { agents, cli } = setup();
    const all = await cli(['install', '--all', '--from', 'plugin-tree']);
    expect(all.code).toBe(1);
    expect(all.stderr).toContain('plugins/backend/agents/test-writer.md, plugins/testing/agents/test-writer.md');
    // Each file is in a plugin of its own: the command chooses it as <plugin>:<name> (it was --pick <path>).
    expect(all.stderr).toContain('agentpack install backend:test-writer --from plugin-tree');
    expect(mdFiles(agents)).toEqual(PLUGIN_AGENTS.map((a) => `${a}.md`));
    const manifest = manifestOf(agents);
    expect(Object.keys(manifest.agents)).toEqual(PLUGIN_AGENTS);
    expect(originOf(manifest.agents['api-designer']?.source)).toEqual({
      from: 'plugin-tree',
      root: join(FIXTURES_DIR, 'plugin-tree'),
      path: 'plugins/backend/agents/api-designer.md',
    });
    // Negative control: the ambiguous name alone is refused until --pick chooses.
    const refused = await cli(['install', 'test-writer', '--from', 'plugin-tree']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('AGENT_AMBIGUOUS');
    expect(existsSync(join(agents, 'test-writer.md'))).toBe(false);
    const pick = 'plugins/testing/agents/test-writer.md';
    const [picked, shown] = await Promise.all([
      cli(['install', 'test-writer', '--from', 'plugin-tree', '--pick', pick]),
      cli(['show', 'test-writer', '--from', 'plugin-tree', '--pick', pick]),
    ]);
    expect(picked.code).toBe(0);
    expect(readFileSync(join(agents, 'test-writer.md'), 'utf8')).toBe(shown.stdout);
    expect(originOf(manifestOf(agents).agents['test-writer']?.source)).toEqual({
      from: 'plugin-tree',
      root: join(FIXTURES_DIR, 'plugin-tree'),
      path: pick,
      picks: [pick],
    });
    const status = JSON.parse((await cli(['status', '--json'])).stdout) as { scopes: { files: { agent: string; installed: { source?: unknown } | null }[] }[] };
    const file = status.scopes[0]?.files.find((f) => f.agent === 'test-writer');
    expect(file?.installed?.source).toEqual({ from: 'plugin-tree', path: pick });
  });

  it('ja tree --locale ja: banner-first files come out front-matter first; the missing translation is reported; switch and back is byte-identical; uninstall leaves nothing', async () => {
    const { agents, cli } = setup();
    const first = await cli(['install', '--all', '--from', 'ja-tree', '--locale', 'ja']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      `No Japanese version (2), installed in their own language: deploy-checker, log-summarizer\nInstalled 8 agents into ${agents}; 0 skipped; the source has 1 problem — agentpack validate --from ja-tree\n`,
    );
    // legacy-helper exists only in Japanese: a Japanese agent, installed too (it was an orphaned translation, left out).
    const everyAgent = [...JA_AGENTS, 'legacy-helper'].sort();
    expect(mdFiles(agents)).toEqual(everyAgent.map((a) => `${a}.md`));
    const installed = snapshot(agents);
    const ja = Object.entries(manifestOf(agents).agents)
      .filter(([, e]) => e.locale === 'ja')
      .map(([a]) => a);
    expect(ja).toEqual(['api-reviewer', 'backup-planner', 'legacy-helper', 'release-notes', 'style-checker', 'summary-writer']);
    for (const agent of ja) {
      const text = installed[`${agent}.md`] ?? '';
      expect(text.startsWith(`---\nname: ${agent}\n`), agent).toBe(true);
      expect(text).not.toContain('**日本語**');
    }
    const shown = await cli(['show', 'style-checker', '--from', 'ja-tree', '--locale', 'ja']);
    expect(installed['style-checker.md']).toBe(shown.stdout);
    // legacy-helper has no English: the switch names the agents that have both (what `locale` then says of a
    // Japanese-only agent belongs to `locale`, not to reading the folder).
    expect((await cli(['locale', 'en', ...JA_AGENTS])).code).toBe(0);
    expect(snapshot(agents)['style-checker.md']).not.toBe(installed['style-checker.md']);
    await cli(['locale', 'ja', ...JA_AGENTS]);
    expect(snapshot(agents)).toEqual(installed);
    const removed = await cli(['uninstall', ...everyAgent]);
    expect(removed.code).toBe(0);
    expect(readdirSync(agents)).toEqual([]);
  });

  it('team folder: installed as written, magenta kept and warned; a moved folder is reported with --from <new folder>', async () => {
    const { agents, cli } = setup();
    const work = tempDir('agentpack-team-');
    cpSync(join(FIXTURES_DIR, 'team'), join(work, 'team'), { recursive: true });
    const r = await cli(['install', '--all', '--from', 'team'], work);
    expect(r.code).toBe(0);
    // Five agents: the warning about the folder's file is counted in the summary, and shown with --verbose.
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      `Created the folder ${agents}. If Claude Code is running, restart it so that it notices the new folder.\nInstalled 5 agents into ${agents}; 0 skipped; the source has 1 warning — agentpack validate --from team\n`,
    );
    const verbose = await cli(['install', '--all', '--from', 'team', '--dry-run', '-v'], work);
    expect(verbose.stderr).toContain('onboarding-guide.md\n  warning FIELD_INVALID:5 "color" has a value Claude Code does not accept (magenta)');
    expect(readFileSync(join(agents, 'onboarding-guide.md'), 'utf8')).toContain('color: magenta');
    expect(originOf(manifestOf(agents).agents['onboarding-guide']?.source)).toEqual({ from: 'team', root: join(work, 'team'), path: 'onboarding-guide.md' });
    expect((await cli(['update'], work)).code).toBe(0);
    renameSync(join(work, 'team'), join(work, 'moved'));
    const before = snapshot(agents);
    const [locale, update] = await Promise.all([cli(['locale', 'ja'], work), cli(['update'], work)]);
    for (const out of [locale, update]) {
      expect(out.code).toBe(1);
      expect(out.stderr).toContain('SOURCE_NOT_FOUND');
      expect(out.stderr).toContain(join(work, 'team'));
      expect(out.stderr).toContain('agentpack update --from <new folder>');
    }
    expect(snapshot(agents)).toEqual(before);
  });

  it('one name, one origin: a package agent is not replaced from a folder without --force', async () => {
    const { agents, cli } = setup();
    const work = tempDir('agentpack-same-');
    mkdirSync(join(work, 'mine'));
    writeFileSync(join(work, 'mine', 'ml.md'), '---\nname: ml-engineer\ndescription: Mine.\n---\nBody.\n');
    expect((await cli(['install', 'ml-engineer', '--locale', 'en'], work)).code).toBe(0);
    const refused = await cli(['install', 'ml-engineer', '--from', 'mine'], work);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('CONFLICT');
    expect(manifestOf(agents).agents['ml-engineer']?.source).toBeUndefined();
    expect((await cli(['install', 'ml-engineer', '--from', 'mine', '--force'], work)).code).toBe(0);
    expect(readFileSync(join(agents, 'ml-engineer.md'), 'utf8')).toBe((await cli(['show', 'ml-engineer', '--from', 'mine'], work)).stdout);
    expect(readFileSync(join(agents, 'ml-engineer.md'), 'utf8')).toContain('description: Mine.');
    expect(originOf(manifestOf(agents).agents['ml-engineer']?.source)).toEqual({ from: 'mine', root: join(work, 'mine'), path: 'ml.md' });
  });

  it('installs 1,000 agents from a generated folder', async () => {
    const { agents, cli } = setup();
    const dir = tempDir('agentpack-big-');
    for (let i = 0; i < 1000; i++) {
      const folder = join(dir, 'plugins', `p${i % 40}`, 'agents');
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, `agent-${i}.md`), `---\nname: agent-${i}\ndescription: Agent number ${i}.\n---\n\nYou help with one thing.\n`);
    }
    const r = await cli(['install', '--all', '--from', dir, '--json']);
    expect(r.code).toBe(0);
    expect(mdFiles(agents)).toHaveLength(1000);
    expect(Object.keys(manifestOf(agents).agents)).toHaveLength(1000);
  }, 120_000);
});
