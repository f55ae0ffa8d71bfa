import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInstallableName } from '../../src/core/agent/name.js';
import { isolatedEnv, ROOT, runCli, tempDir, type CliResult } from '../helpers/cli.js';

/**
 * The catalogs of test/fixtures/catalogs/ read through the built binary — `list --from`, `validate --from`,
 * `validate <folder>`, `show … --from`, `install … --from` — against expected.json: the agent files with their
 * name, locale, plugin and canonical variant, the files that are not agents, the conflicts and the duplicates.
 */

const CATALOGS = join(ROOT, 'test', 'fixtures', 'catalogs');

interface ExpectedAgent {
  path: string;
  name: string;
  locale: string;
  plugin?: string;
  canonical: string | null;
}
interface ExpectedTree {
  agents: ExpectedAgent[];
  notAgents: string[];
  conflicts: { name: string; plugin?: string; paths: string[] }[];
  duplicates: { name: string; paths: string[] }[];
  skipped: { path: string; name: string }[];
}
const EXPECTED = JSON.parse(readFileSync(join(CATALOGS, 'expected.json'), 'utf8')) as Record<string, ExpectedTree>;
const TREES = Object.keys(EXPECTED);

interface Candidate {
  path: string;
  locale: string;
  plugin?: string;
  select?: string;
  description: string;
  model: string | null;
  tools: string[] | null;
}
interface ListJson {
  agents: { name: string; locales: string[]; files: Record<string, string>; canonical: string; plugin?: string }[];
  conflicts: { name: string; locale: string; plugin?: string; paths: string[]; candidates: Candidate[] }[];
  duplicates: { name: string; locale?: string; kept: string; alsoAt: string[] }[];
  diagnostics: { severity: string; code: string; file: string }[];
  skipped: { path: string; name: string }[];
}
interface ValidateJson {
  files: { path: string; agent: string | null; locale?: string; isAgent: boolean; diagnostics: { severity: string; code: string; hint: string }[] }[];
  summary: { files: number; errors: number; warnings: number };
}
interface Manifest {
  agents: Record<string, { locale: string; source?: { path: string; picks?: string[] } }>;
}

const env = isolatedEnv().env;
const cli = (args: string[], cwd = CATALOGS): Promise<CliResult> => runCli(args, { cwd, env });
const json = <T>(r: CliResult): T => JSON.parse(r.stdout) as T;

/** Run `make` over `items`, `limit` at a time (the binary is spawned once per item). */
async function inBatches<T, R>(items: readonly T[], limit: number, make: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += limit) out.push(...(await Promise.all(items.slice(i, i + limit).map(make))));
  return out;
}

/** Every `*.md` file of a folder, relative, sorted. */
function markdownOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((p) => p.split('\\').join('/'))
    .filter((p) => p.endsWith('.md') && statSync(join(dir, p)).isFile())
    .sort();
}

const byPath = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
const sorted = (list: readonly string[]): string[] => [...list].sort();
/** How a user names an agent of a tree: `<plugin>:<name>` for a plugin's agent. */
const selectorOf = (a: { name: string; plugin?: string }): string => (a.plugin === undefined ? a.name : `${a.plugin}:${a.name}`);

describe('expected.json describes the trees on disk', () => {
  it.each(TREES)('%s: every *.md file is exactly once an agent, not an agent, or skipped', (tree) => {
    const e = EXPECTED[tree] as ExpectedTree;
    const listed = [...e.agents.map((a) => a.path), ...e.notAgents, ...e.skipped.map((s) => s.path)];
    expect(sorted(listed)).toEqual(markdownOf(join(CATALOGS, tree)));
    expect(e.agents.length).toBeGreaterThan(0);
  });
});

describe.each(TREES)('catalog %s', (tree) => {
  const e = EXPECTED[tree] as ExpectedTree;
  const conflicted = new Set(e.conflicts.map((c) => c.name));

  it('list --from: each agent file with its name, locale, plugin and canonical variant; conflicts, duplicates and skipped files', async () => {
    const r = await cli(['list', '--from', tree, '--json']);
    expect(r.code).toBe(0);
    const out = json<ListJson>(r);
    const seen: ExpectedAgent[] = [];
    for (const agent of out.agents) {
      for (const [locale, path] of Object.entries(agent.files)) {
        const canonical = locale === agent.canonical ? null : (agent.files[agent.canonical] ?? 'missing canonical');
        seen.push({ path, name: agent.name, locale, ...(agent.plugin === undefined ? {} : { plugin: agent.plugin }), canonical });
      }
    }
    for (const conflict of out.conflicts) {
      for (const c of conflict.candidates)
        seen.push({ path: c.path, name: conflict.name, locale: c.locale, ...(c.plugin ? { plugin: c.plugin } : {}), canonical: null });
    }
    // Identical copies are one agent: listed once, the other paths named under duplicates (plugins checked with --plugin below).
    const copies = new Set(out.duplicates.flatMap((d) => d.alsoAt));
    const expected = e.agents.filter((a) => !copies.has(a.path));
    expect(seen.sort(byPath)).toEqual([...expected].sort(byPath));
    expect(out.duplicates.map((d) => ({ name: d.name, paths: sorted([d.kept, ...d.alsoAt]) }))).toEqual(e.duplicates);
    expect(out.conflicts.map(({ name, plugin, paths }) => ({ name, ...(plugin ? { plugin } : {}), paths }))).toEqual(e.conflicts);
    expect(out.skipped).toEqual(e.skipped);
    // Not agents: no command, skill, README or document is listed anywhere.
    const everywhere = JSON.stringify(out);
    for (const path of e.notAgents) expect(everywhere, path).not.toContain(`"${path}"`);
  });

  it('list --from --plugin: each plugin’s agents, its conflicts and copies resolved by the choice', async () => {
    const plugins = sorted([...new Set(e.agents.flatMap((a) => (a.plugin ? [a.plugin] : [])))]);
    const runs = await inBatches(plugins, 4, (p) => cli(['list', '--from', tree, '--plugin', p, '--json']));
    plugins.forEach((plugin, i) => {
      const out = json<ListJson>(runs[i] as CliResult);
      const files = out.agents.flatMap((a) => Object.entries(a.files).map(([locale, path]) => ({ path, name: a.name, locale, plugin: a.plugin })));
      const mine = e.agents.filter((a) => a.plugin === plugin).map(({ path, name, locale }) => ({ path, name, locale, plugin }));
      expect(files.sort(byPath), plugin).toEqual(mine.sort(byPath));
      expect(out.conflicts, plugin).toEqual([]);
    });
    const unknown = await cli(['list', '--from', tree, '--plugin', 'no-such-plugin']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('error PLUGIN_UNKNOWN');
  });

  it('validate --from and validate <folder>: the same files are agents, each in its locale; skipped names are errors', async () => {
    const [from, folder] = await Promise.all([cli(['validate', '--from', tree, '--json']), cli(['validate', '.', '--json'], join(CATALOGS, tree))]);
    const agents = e.agents.map((a) => a.path);
    const skipped = e.skipped.map((s) => s.path);
    for (const r of [from, folder]) expect(r.code).toBe(skipped.length > 0 ? 1 : 0);
    const fromOut = json<ValidateJson>(from);
    expect(sorted(fromOut.files.map((f) => f.path))).toEqual(sorted([...agents, ...skipped]));
    const locales = Object.fromEntries(fromOut.files.map((f) => [f.path, f.locale]));
    expect(Object.fromEntries(e.agents.map((a) => [a.path, locales[a.path]]))).toEqual(Object.fromEntries(e.agents.map((a) => [a.path, a.locale])));
    const folderOut = json<ValidateJson>(folder);
    expect(sorted(folderOut.files.filter((f) => f.isAgent).map((f) => f.path))).toEqual(sorted([...agents, ...skipped]));
    expect(sorted(folderOut.files.filter((f) => !f.isAgent).map((f) => f.path))).toEqual(sorted(e.notAgents));
    for (const out of [fromOut, folderOut]) {
      for (const path of skipped)
        expect(
          out.files.find((f) => f.path === path)?.diagnostics.some((d) => d.severity === 'error'),
          path,
        ).toBe(true);
      // Only the names Claude Code skips are errors in these catalogs.
      expect(out.summary.errors).toBe(skipped.length);
    }
  });

  it('show --from: every agent file by name (or <plugin>:<name>) and locale', async () => {
    const runs = await inBatches(e.agents, 6, (a) => cli(['show', selectorOf(a), '--from', tree, '--locale', a.locale, '--json']));
    e.agents.forEach((a, i) => {
      const r = runs[i] as CliResult;
      expect(r.code, `${a.path}: ${r.stderr}`).toBe(0);
      const out = json<{ agent: string; locale: string; path: string; content: string }>(r);
      // A copy is shown from the plugin asked for: <plugin>:<name> picks that plugin's file.
      expect({ agent: out.agent, locale: out.locale, path: out.path }).toEqual({ agent: a.name, locale: a.locale, path: a.path });
      expect(out.content.startsWith('---\n')).toBe(true);
    });
    for (const name of conflicted) {
      const bare = await cli(['show', name, '--from', tree]);
      expect(bare.code).toBe(1);
      expect(bare.stderr).toContain('error AGENT_AMBIGUOUS');
    }
  });

  it('install --all --from: every installable agent once, in English where it has English, else in its own language', async () => {
    const dir = join(tempDir('agentpack-catalog-install-'), 'agents');
    const r = await cli(['install', '--all', '--from', tree, '--dir', dir, '--json']);
    const canonical = e.agents.filter((a) => a.canonical === null && !conflicted.has(a.name));
    const names = [...new Set(canonical.map((a) => a.name))];
    const installable = names.filter((n) => isInstallableName(n));
    const refusals = e.conflicts.length + (names.length - installable.length) + e.skipped.length;
    expect(r.code).toBe(refusals > 0 ? 1 : 0);
    const manifest = JSON.parse(readFileSync(join(dir, '.agentpack.json'), 'utf8')) as Manifest;
    expect(sorted(Object.keys(manifest.agents))).toEqual(sorted(installable));
    for (const name of installable) {
      const variants = e.agents.filter((a) => a.name === name);
      const own = variants.find((a) => a.canonical === null) as ExpectedAgent;
      const locale = variants.some((a) => a.locale === 'en') ? 'en' : own.locale;
      expect(manifest.agents[name]?.locale, name).toBe(locale);
      expect(
        e.duplicates.some((d) => d.paths.includes(manifest.agents[name]?.source?.path ?? '')) || manifest.agents[name]?.source?.path === own.path,
        name,
      ).toBe(true);
    }
    const refused = (json<{ refused?: { code: string; agent: string }[] }>(r).refused ?? []).map((x) => `${x.code}:${x.agent}`);
    expect(sorted(refused)).toEqual(
      sorted([
        ...e.conflicts.map((c) => `AGENT_AMBIGUOUS:${c.name}`),
        ...names.filter((n) => !isInstallableName(n)).map((n) => `AGENT_NAME_NOT_PORTABLE:${n}`),
        ...e.skipped.map((s) => `AGENT_NAME_NOT_PORTABLE:${s.name}`),
      ]),
    );
  });
});

describe('marketplace: plugin agents chosen as <plugin>:<name>', () => {
  const debuggers = [
    ['debugging-basics', 'haiku'],
    ['error-triage', 'sonnet'],
    ['incident-response', 'opus'],
  ] as const;

  it('a bare ambiguous name is refused with each candidate (plugin, description, model, tools) and the <plugin>:<name> command', async () => {
    const dir = join(tempDir('agentpack-debugger-'), 'agents');
    const [human, asJson] = await Promise.all([
      cli(['install', 'debugger', '--from', 'marketplace', '--dir', dir]),
      cli(['install', 'debugger', '--from', 'marketplace', '--dir', dir, '--json']),
    ]);
    expect(human.code).toBe(1);
    for (const [plugin, model] of debuggers) {
      expect(human.stderr).toContain(
        `  ${plugin}:debugger: Finds the root cause of a failing test or a crash and proposes the smallest fix. (model: ${model}; tools: Read, Grep, Glob, Bash)\n`,
      );
    }
    expect(human.stderr).toContain(`hint: Choose one of them, e.g.: agentpack install debugging-basics:debugger --dir ${dir} --from marketplace\n`);
    const details = json<{ error: { details: { candidates: Candidate[] } } }>(asJson).error.details;
    expect(details.candidates.map((c) => [c.select, c.plugin, c.model, c.tools])).toEqual(
      debuggers.map(([plugin, model]) => [`${plugin}:debugger`, plugin, model, ['Read', 'Grep', 'Glob', 'Bash']]),
    );
    expect(existsSync(dir)).toBe(false);
  });

  it.each(debuggers)('install %s:debugger writes that plugin’s file and records it as a pick', async (plugin, model) => {
    const dir = join(tempDir('agentpack-debugger-'), 'agents');
    const r = await cli(['install', `${plugin}:debugger`, '--from', 'marketplace', '--dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'debugger.md'), 'utf8')).toContain(`\nmodel: ${model}\n`);
    const path = `plugins/${plugin}/agents/debugger.md`;
    expect((JSON.parse(readFileSync(join(dir, '.agentpack.json'), 'utf8')) as Manifest).agents['debugger']?.source).toMatchObject({ path, picks: [path] });
    // The same as --pick: one pipeline, one manifest.
    const picked = join(tempDir('agentpack-debugger-'), 'agents');
    expect((await cli(['install', 'debugger', '--from', 'marketplace', '--dir', picked, '--pick', path])).code).toBe(0);
    expect(readFileSync(join(picked, '.agentpack.json'), 'utf8')).toBe(readFileSync(join(dir, '.agentpack.json'), 'utf8'));
  });

  it('install --plugin installs every agent of that plugin, even one found only through plugin.json; a wrong plugin is refused', async () => {
    const dir = join(tempDir('agentpack-plugin-'), 'agents');
    const r = await cli(['install', '--plugin', 'release-tools', '--from', 'marketplace', '--dir', dir]);
    expect(r.code).toBe(0);
    expect(sorted(readdirSync(dir))).toEqual(['.agentpack.json', 'changelog-writer.md', 'release-captain.md']);
    const [wrong, near, noFrom] = await Promise.all([
      cli(['install', 'no-such:debugger', '--from', 'marketplace', '--dir', dir]),
      cli(['install', 'error-triag:debugger', '--from', 'marketplace', '--dir', dir]),
      cli(['install', '--plugin', 'release-tools', '--dir', dir]),
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('error AGENT_UNKNOWN: No agent named "no-such:debugger".');
    expect(near.stderr).toContain('Did you mean "error-triage:debugger"?');
    expect(noFrom.code).toBe(2);
    expect(noFrom.stderr).toContain('--plugin chooses among the plugins of --from <path>; it needs --from.');
  });

  it('validate plugins/<p> and validate --from --plugin <p>: the same agents, commands and skills left out', async () => {
    const cwd = join(CATALOGS, 'marketplace');
    const [folder, from] = await Promise.all([
      cli(['validate', 'plugins/review-suite', '--json'], cwd),
      cli(['validate', '--from', '.', '--plugin', 'review-suite', '--json'], cwd),
    ]);
    expect([folder.code, from.code]).toEqual([0, 0]);
    const agents = (out: ValidateJson): string[] => out.files.filter((f) => f.isAgent).map((f) => f.path.replace(/^plugins\/review-suite\//, ''));
    expect(agents(json<ValidateJson>(folder))).toEqual(['agents/code-reviewer.md', 'agents/test-gap-finder.md']);
    expect(agents(json<ValidateJson>(from))).toEqual(['agents/code-reviewer.md', 'agents/test-gap-finder.md']);
    expect(json<ValidateJson>(folder).summary.errors).toBe(0);
    // Negative control: a command file named on its own is validated as an agent (the user said so), and fails.
    const alone = await cli(['validate', 'plugins/incident-response/commands/postmortem.md'], cwd);
    expect(alone.code).toBe(1);
    expect(alone.stderr + alone.stdout).toContain('NAME_MISSING');
  });

  it('a plugin manifest that is not JSON, or too large, is a warning; the catalog is still read', async () => {
    const copy = join(tempDir('agentpack-broken-manifest-'), 'm');
    cpSync(join(CATALOGS, 'marketplace'), copy, { recursive: true });
    writeFileSync(join(copy, 'plugins/release-tools/.claude-plugin/plugin.json'), '{ "name": "release-tools", "agents": [');
    writeFileSync(join(copy, '.claude-plugin/marketplace.json'), `${' '.repeat(1024 * 1024 + 1)}{}`);
    const [list, validate] = await Promise.all([cli(['list', '--from', copy, '--json']), cli(['validate', '--from', copy, '--json'])]);
    expect(list.code).toBe(0);
    const out = json<ListJson>(list);
    expect(out.diagnostics.map((d) => [d.severity, d.code, d.file])).toEqual([
      ['warning', 'PLUGIN_MANIFEST_INVALID', '.claude-plugin/marketplace.json'],
      ['warning', 'PLUGIN_MANIFEST_INVALID', 'plugins/release-tools/.claude-plugin/plugin.json'],
    ]);
    // release-captain is outside agents/ but declares a name: still an agent, still of its plugin folder.
    expect(out.agents.find((a) => a.name === 'release-captain')?.plugin).toBe('release-tools');
    expect(validate.code).toBe(0);
    const files = json<ValidateJson>(validate).files.filter((f) => f.path.endsWith('.json'));
    expect(files.map((f) => [f.path, f.diagnostics.map((d) => `${d.severity}:${d.code}`)])).toEqual([
      ['.claude-plugin/marketplace.json', ['warning:PLUGIN_MANIFEST_INVALID']],
      ['plugins/release-tools/.claude-plugin/plugin.json', ['warning:PLUGIN_MANIFEST_INVALID']],
    ]);
  });

  it('validate with no paths inside a catalog still checks the package’s agents', async () => {
    const [inside, elsewhere] = await Promise.all([cli(['validate', '--json'], join(CATALOGS, 'marketplace')), cli(['validate', '--json'], tempDir())]);
    expect(inside.code).toBe(0);
    expect(json<ValidateJson>(inside).files.map((f) => f.path)).toEqual(json<ValidateJson>(elsewhere).files.map((f) => f.path));
    expect(json<ValidateJson>(inside).files.map((f) => f.path)).toContain('agents/ml-engineer.md');
  });
});

describe('ja-mirror: Japanese-only agents and mirrors under .claude/ja/agents/', () => {
  it('a Japanese-only agent installs in Japanese; asked for in English it is refused, listing ja', async () => {
    const dir = join(tempDir('agentpack-ja-only-'), 'agents');
    const [ja, en, plugin] = await Promise.all([
      cli(['install', 'task-divider', '--from', 'ja-mirror', '--dir', dir]),
      cli(['install', 'task-divider', '--from', 'ja-mirror', '--dir', `${dir}-en`, '--locale', 'en']),
      cli(['install', 'parallel-work:merge-coordinator', '--from', 'ja-mirror', '--dir', `${dir}-plugin`]),
    ]);
    expect(ja.code, ja.stderr).toBe(0);
    expect(ja.stdout).toContain('Installed task-divider (ja)');
    expect(readFileSync(join(dir, 'task-divider.md'), 'utf8')).toMatch(/^---\nname: task-divider\ndescription: [^\n]*[\u3040-\u30ff]/);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('error LOCALE_UNAVAILABLE: "task-divider" has no en variant (available: ja).');
    expect(existsSync(`${dir}-en`)).toBe(false);
    expect(plugin.code, plugin.stderr).toBe(0);
    expect(readdirSync(`${dir}-plugin`).sort()).toEqual(['.agentpack.json', 'merge-coordinator.md']);
  });

  it('install --all --locale en installs the English agents and leaves the Japanese-only ones out without failing', async () => {
    const dir = join(tempDir('agentpack-all-en-'), 'agents');
    const r = await cli(['install', '--all', '--from', 'ja-mirror', '--dir', dir, '--locale', 'en', '--json']);
    expect(r.code).toBe(0);
    const out = json<{ ok: boolean; refused: { code: string; agent: string; available: string[] }[] }>(r);
    expect(out.ok).toBe(true);
    expect(out.refused.map((x) => [x.code, x.agent, x.available])).toEqual(
      ['merge-coordinator', 'progress-tracker', 'task-divider', 'work-splitter'].map((a) => ['LOCALE_UNAVAILABLE', a, ['ja']]),
    );
    const manifest = JSON.parse(readFileSync(join(dir, '.agentpack.json'), 'utf8')) as Manifest;
    expect(Object.values(manifest.agents).every((a) => a.locale === 'en')).toBe(true);
    expect(Object.keys(manifest.agents)).toHaveLength(8);
    // In Japanese: every agent, the one without a translation in English.
    const ja = join(tempDir('agentpack-all-ja-'), 'agents');
    expect((await cli(['install', '--all', '--from', 'ja-mirror', '--dir', ja, '--locale', 'ja'])).code).toBe(0);
    const locales = Object.fromEntries(
      Object.entries((JSON.parse(readFileSync(join(ja, '.agentpack.json'), 'utf8')) as Manifest).agents).map(([n, a]) => [n, a.locale]),
    );
    expect(Object.keys(locales)).toHaveLength(12);
    expect(Object.entries(locales).filter(([, l]) => l !== 'ja')).toEqual([['cache-tuner', 'en']]);
    // A dry run says what would happen; no file under .claude/ja/ is said to lack Japanese.
    const dryDir = join(tempDir(), 'agents');
    const dry = await cli(['install', '--all', '--from', 'ja-mirror', '--dir', dryDir, '--locale', 'ja', '--dry-run']);
    expect(dry.stderr).toBe('');
    expect(dry.stdout).toContain(
      `\nNo Japanese version, would be installed in its own language: cache-tuner\nWould install 12 agents into ${dryDir}; 0 would be skipped\n`,
    );
    // --verbose: the agent's own line, with the file it would be installed from.
    const verbose = await cli(['install', '--all', '--from', 'ja-mirror', '--dir', dryDir, '--locale', 'ja', '--dry-run', '--verbose']);
    expect(verbose.stderr).toBe(
      'cache-tuner has no ja translation in the folder; it would be installed in its own language (.claude/agents/backend/cache-tuner.md).\n',
    );
  });

  it('i18n status --from points at real paths: translations where they are, a missing one where its layout puts it', async () => {
    const r = await cli(['i18n', 'status', '--from', 'ja-mirror', '--json']);
    const rows = json<{ translations: { agent: string; status: string; path: string; source: string }[] }>(r).translations;
    expect(rows.length).toBe(8);
    for (const row of rows) {
      expect(existsSync(join(CATALOGS, 'ja-mirror', row.source)), row.source).toBe(true);
      expect(existsSync(join(CATALOGS, 'ja-mirror', row.path)), row.path).toBe(row.status !== 'missing');
      expect(row.path).not.toMatch(/^i18n\/ja\/\.claude\//);
    }
    expect(rows.filter((row) => row.status === 'missing').map((row) => [row.agent, row.path])).toEqual([
      ['cache-tuner', '.claude/ja/agents/backend/cache-tuner.md'],
    ]);
    // Japanese-only agents are not translations: no row, and a warning (not an error) in validate.
    expect(rows.map((row) => row.agent)).not.toContain('task-divider');
    const validate = json<ValidateJson>(await cli(['validate', '--from', 'ja-mirror', '--json']));
    const taskDivider = validate.files.find((f) => f.path === '.claude/ja/agents/ops/task-divider.md');
    expect(taskDivider?.diagnostics.map((d) => `${d.severity}:${d.code}`)).toEqual(['warning:ENGLISH_MISSING']);
  });
});

describe('a conflict is only what would put two files with one name into one folder in the language asked for', () => {
  /** Two plugins with the same English agent and different Japanese translations of it. */
  function twoTranslations(): string {
    const dir = tempDir('agentpack-ja-conflict-');
    const en = '---\nname: reviewer\ndescription: Reviews a change.\n---\n\nYou review changes.\n';
    const ja = (d: string): string => `---\nname: reviewer\ndescription: ${d}\n---\n\nあなたは変更をレビューします。\n`;
    for (const [plugin, description] of [
      ['alpha', '変更をレビューします。'],
      ['beta', '変更を確認します。'],
    ] as const) {
      mkdirSync(join(dir, 'plugins', plugin, 'agents'), { recursive: true });
      mkdirSync(join(dir, 'i18n/ja/plugins', plugin, 'agents'), { recursive: true });
      writeFileSync(join(dir, 'plugins', plugin, 'agents/reviewer.md'), en);
      writeFileSync(join(dir, 'i18n/ja/plugins', plugin, 'agents/reviewer.md'), ja(description));
    }
    return dir;
  }

  it('install --all --locale en is not refused and exits 0; --locale ja refuses the name; alpha:reviewer resolves it', async () => {
    const source = twoTranslations();
    // The agents folders are outside the source: an installed file there would be one more file of the catalog.
    const out = tempDir('agentpack-ja-conflict-out-');
    const [en, ja, picked] = await Promise.all([
      cli(['install', '--all', '--from', source, '--dir', join(out, 'out-en'), '--locale', 'en', '--json']),
      cli(['install', '--all', '--from', source, '--dir', join(out, 'out-ja'), '--locale', 'ja', '--json']),
      cli(['install', 'alpha:reviewer', '--from', source, '--dir', join(out, 'out-pick'), '--locale', 'ja']),
    ]);
    expect(en.code, en.stdout).toBe(0);
    expect(json<{ refused: unknown[] }>(en).refused).toEqual([]);
    expect(readFileSync(join(out, 'out-en', 'reviewer.md'), 'utf8')).toContain('description: Reviews a change.');
    expect(ja.code).toBe(1);
    expect(json<{ refused: { code: string; locale: string; commands: string[] }[] }>(ja).refused).toEqual([
      expect.objectContaining({ code: 'AGENT_AMBIGUOUS', locale: 'ja', commands: expect.arrayContaining([expect.stringContaining('install alpha:reviewer')]) }),
    ]);
    expect(existsSync(join(out, 'out-ja', 'reviewer.md'))).toBe(false);
    expect(picked.code, picked.stderr).toBe(0);
    expect(readFileSync(join(out, 'out-pick', 'reviewer.md'), 'utf8')).toContain('description: 変更をレビューします。');
  });
});
