import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../../scripts/generate-source-fixtures.js';
import { contentHash } from '../../src/core/hash.js';
import { BIN, isolatedEnv, runCli, tempDir, type CliResult } from '../helpers/cli.js';

/** The recorded origin without its `scan` snapshot (that one is checked in source-scan.test.ts). */
function originOf(source: object | undefined): object | undefined {
  if (source === undefined) return undefined;
  const { scan: _scan, ...rest } = source as { scan?: unknown };
  return rest;
}

/** Agents of the Japanese mirror tree; deploy-checker has no translation, log-summarizer's has another name. */
const JA_AGENTS = ['api-reviewer', 'backup-planner', 'deploy-checker', 'log-summarizer', 'release-notes', 'style-checker', 'summary-writer'];
const TRANSLATED = ['api-reviewer', 'backup-planner', 'release-notes', 'style-checker', 'summary-writer'];

interface Entry {
  locale: string;
  source?: { from: string; root: string; path: string };
}
const manifestOf = (dir: string): Record<string, Entry> =>
  (JSON.parse(readFileSync(join(dir, '.agentpack.json'), 'utf8')) as { agents: Record<string, Entry> }).agents;
const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );

/** A home, a work folder holding copies of the fixture trees, and the CLI run from the work folder. */
function setup(trees: string[]): { work: string; agents: string; env: Record<string, string>; cli: (args: string[]) => Promise<CliResult> } {
  const { env, home } = isolatedEnv();
  const work = tempDir('agentpack-sources-');
  for (const tree of trees) cpSync(join(FIXTURES_DIR, tree), join(work, tree), { recursive: true });
  return { work, env, agents: join(home, '.claude', 'agents'), cli: (args) => runCli(args, { env, cwd: work }) };
}

interface StatusJson {
  findings: { code: string; severity: string; file: string }[];
  scopes: { files: { agent: string; installed: (Record<string, unknown> & { source?: unknown }) | null }[] }[];
}

describe('a source folder after install: switch all and back, move it, point at it again with --from', () => {
  it('ja tree: byte-for-byte round trip; a vanished folder is reported by status/list/locale/update, never guessed; locale --from records the new folder', async () => {
    const { work, agents, cli } = setup(['ja-tree', 'team']);
    mkdirSync(agents, { recursive: true });
    writeFileSync(join(agents, 'mine.md'), "---\nname: mine\ndescription: Not agentpack's.\n---\nKeep me.\n");
    const installed = await cli(['install', '--all', '--from', 'ja-tree', '--locale', 'en']);
    expect(installed.code).toBe(0);
    const english = snapshot(agents);
    expect(Object.keys(english)).toEqual(['.agentpack.json', ...JA_AGENTS.map((a) => `${a}.md`), 'mine.md'].sort());
    expect(originOf(manifestOf(agents)['style-checker']?.source)).toEqual({
      from: 'ja-tree',
      root: join(work, 'ja-tree'),
      path: 'agents/review/style-checker.md',
    });

    // Switch all to ja: the five translations are written exactly as `show` renders them; the rest is reported in one line.
    const toJa = await cli(['locale', 'ja']);
    expect(toJa.code).toBe(0);
    expect(toJa.stdout).toContain(`2 agents have no Japanese version in ${join(work, 'ja-tree')}; they stay in English.`);
    for (const agent of TRANSLATED) expect(readFileSync(join(agents, `${agent}.md`), 'utf8').startsWith(`---\nname: ${agent}\n`), agent).toBe(true);
    const shown = await cli(['show', 'style-checker', '--from', 'ja-tree', '--locale', 'ja']);
    expect(readFileSync(join(agents, 'style-checker.md'), 'utf8')).toBe(shown.stdout);
    expect(readFileSync(join(agents, 'deploy-checker.md'), 'utf8')).toBe(english['deploy-checker.md']);

    // The folder moves: nothing is guessed from the package, every command names the path it looked for.
    renameSync(join(work, 'ja-tree'), join(work, 'moved'));
    const before = snapshot(agents);
    const [status, list, back, update] = await Promise.all([cli(['status', '--json']), cli(['list']), cli(['locale', 'en']), cli(['update'])]);
    expect(status.code).toBe(0);
    const gone = JSON.parse(status.stdout) as StatusJson;
    // One warning for the folder, however many agents came from it.
    expect(gone.findings.filter((f) => f.code === 'SOURCE_NOT_FOUND').map((f) => [f.severity, f.file])).toEqual([['warning', join(work, 'ja-tree')]]);
    expect(gone.findings.map((f) => f.code)).not.toContain('INSTALLED_OUTDATED');
    expect(gone.scopes[0]?.files.find((f) => f.agent === 'style-checker')?.installed).toEqual({
      locale: 'ja',
      state: 'ok',
      origin: { translationStatus: 'untracked', translationWasCurrent: false, updateDue: false },
      source: { from: 'ja-tree', path: 'agents/review/style-checker.md', problem: { code: 'SOURCE_NOT_FOUND', path: join(work, 'ja-tree') } },
    });
    expect(list.stdout).toMatch(/^style-checker +ja +ja ok, translation was not current +- +ja-tree: agents\/review\/style-checker\.md \(folder gone\) *$/m);
    expect(list.stderr).toBe(
      `  warning SOURCE_NOT_FOUND 7 agents were installed from ${join(work, 'ja-tree')}, which no longer exists (recorded as --from ja-tree); nothing can be compared with their source.\n` +
        '    hint: Point agentpack at where the folder is now: agentpack update --from <new folder>\n',
    );
    for (const out of [back, update]) {
      expect(out.code).toBe(1);
      expect(out.stderr).toContain('error SOURCE_NOT_FOUND');
      expect(out.stderr).toContain(`error SOURCE_NOT_FOUND: 7 agents were installed from ${join(work, 'ja-tree')}, which no longer exists.`);
      expect(out.stderr).toContain('agentpack update --from <new folder> (was --from ja-tree)');
    }
    expect(snapshot(agents)).toEqual(before);

    // --from the folder's new place: switched back byte-for-byte, the new folder recorded, status quiet again.
    const moved = await cli(['locale', 'en', '--from', 'moved']);
    expect(moved.code).toBe(0);
    expect(snapshot(agents)).toEqual({ ...english, '.agentpack.json': snapshot(agents)['.agentpack.json'] });
    expect(originOf(manifestOf(agents)['style-checker']?.source)).toEqual({ from: 'moved', root: join(work, 'moved'), path: 'agents/review/style-checker.md' });
    const quiet = JSON.parse((await cli(['status', '--json'])).stdout) as StatusJson;
    expect(quiet.findings.map((f) => f.code)).not.toContain('SOURCE_NOT_FOUND');
    expect(quiet.scopes[0]?.files.find((f) => f.agent === 'api-reviewer')?.installed?.source).toEqual({ from: 'moved', path: 'agents/review/api-reviewer.md' });

    // A folder that does not hold the installed agents: refused with the command that shows what it holds.
    const [none, missing] = await Promise.all([cli(['update', '--from', 'team']), cli(['locale', 'ja', 'style-checker', '--from', 'team'])]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('error SOURCE_NOTHING_INSTALLED: team defines none of the agents installed from a folder');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      'error SOURCE_AGENT_MISSING: team does not define style-checker.\nhint: See the agents it defines: agentpack list --from team\n',
    );

    // Uninstall all: only the user's own file is left, byte for byte.
    expect((await cli(['uninstall', ...JA_AGENTS])).code).toBe(0);
    expect(snapshot(agents)).toEqual({ 'mine.md': english['mine.md'] });
  });

  it('a moved file is SOURCE_FILE_MOVED with its path; update --from the folder records the new path; package agents keep their origin', async () => {
    const { work, agents, cli } = setup(['team']);
    writeFileSync(join(work, 'team', 'ml.md'), '---\nname: ml-engineer\ndescription: Ours.\n---\nBody.\n');
    expect((await cli(['install', 'pr-describer', 'standup-notes', '--from', 'team'])).code).toBe(0);
    expect((await cli(['install', 'ml-engineer', '--locale', 'en'])).code).toBe(0);
    mkdirSync(join(work, 'team', 'writing'));
    renameSync(join(work, 'team', 'pr-describer.md'), join(work, 'team', 'writing', 'pr.md'));
    const [status, list, update] = await Promise.all([cli(['status']), cli(['list', '--json']), cli(['update'])]);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(
      `warning SOURCE_FILE_MOVED pr-describer was installed from ${join(work, 'team', 'pr-describer.md')}, which no longer defines it`,
    );
    expect(status.stdout).toContain('standup-notes.md  standup-notes  loads  agentpack: en, ok, from team: standup-notes.md');
    expect(status.stdout).toContain('ml-engineer.md  ml-engineer  loads  agentpack: en, ok, from package');
    expect(status.stdout).not.toContain('SOURCE_FILE_MOVED standup-notes');
    const json = JSON.parse(list.stdout) as {
      agents: { name: string; installed: { user: { source?: unknown; sourceProblem?: string } | null } }[];
      sourceProblems: unknown[];
    };
    expect(json.agents.map((a) => [a.name, a.installed.user?.source ?? null, a.installed.user?.sourceProblem ?? null])).toEqual([
      ['ml-engineer', null, null],
      ['pr-describer', { from: 'team', path: 'pr-describer.md' }, 'SOURCE_FILE_MOVED'],
      ['standup-notes', { from: 'team', path: 'standup-notes.md' }, null],
    ]);
    expect(json.sourceProblems).toEqual([{ scope: 'user', agent: 'pr-describer', code: 'SOURCE_FILE_MOVED', path: join(work, 'team', 'pr-describer.md') }]);
    expect(update.code).toBe(1);
    expect(update.stderr).toContain('error SOURCE_FILE_MOVED: pr-describer');
    const repointed = await cli(['update', 'pr-describer', '--from', 'team']);
    expect(repointed.code).toBe(0);
    expect(originOf(manifestOf(agents)['pr-describer']?.source)).toEqual({ from: 'team', root: join(work, 'team'), path: 'writing/pr.md' });
    // One name, one origin: the package's ml-engineer is not turned into the folder's without --force.
    const before = readFileSync(join(agents, 'ml-engineer.md'), 'utf8');
    const other = await cli(['update', 'ml-engineer', '--from', 'team']);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('CONFLICT');
    expect(other.stderr).toContain('agentpack update ml-engineer --from team --force');
    expect(readFileSync(join(agents, 'ml-engineer.md'), 'utf8')).toBe(before);
    expect(manifestOf(agents)['ml-engineer']?.source).toBeUndefined();
  });
});

describe('install --all --from refusals', () => {
  it('--json lists each conflict with every path and the command for each, exits 1; the rest is installed', async () => {
    const { env, home } = isolatedEnv();
    const r = await runCli(['install', '--all', '--from', 'plugin-tree', '--json'], { env, cwd: FIXTURES_DIR });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { ok: boolean; refused: unknown[]; actions: { action: string }[] };
    expect(out.ok).toBe(false);
    expect(out.refused).toEqual([
      {
        code: 'AGENT_AMBIGUOUS',
        agent: 'test-writer',
        locale: 'en',
        paths: ['plugins/backend/agents/test-writer.md', 'plugins/testing/agents/test-writer.md'],
        // Each file is in its own plugin: chosen as <plugin>:<name>, told apart by description, model and tools.
        commands: ['agentpack install backend:test-writer --from plugin-tree', 'agentpack install testing:test-writer --from plugin-tree'],
        candidates: [
          {
            path: 'plugins/backend/agents/test-writer.md',
            locale: 'en',
            plugin: 'backend',
            select: 'backend:test-writer',
            description: 'Writes integration tests for HTTP endpoints.',
            model: 'sonnet',
            tools: ['Read', 'Grep', 'Glob'],
          },
          {
            path: 'plugins/testing/agents/test-writer.md',
            locale: 'en',
            plugin: 'testing',
            select: 'testing:test-writer',
            description: 'Writes unit tests for new code.',
            model: null,
            tools: ['Read', 'Grep', 'Glob'],
          },
        ],
      },
    ]);
    expect(out.actions.filter((a) => a.action === 'create')).toHaveLength(26);
    expect(existsSync(join(home, '.claude', 'agents', 'test-writer.md'))).toBe(false);
  });

  it('names from the hostile corpus (device names, separators, dots) install under safe slugs inside the folder; ":" is refused with AGENT_NAME_NOT_PORTABLE', async () => {
    const { env, home } = isolatedEnv();
    const src = tempDir('agentpack-hostile-src-');
    for (const file of ['name-con.md', 'name-slash.md', 'name-dotdot-bashrc.md', 'name-backslash.md', 'name-upper-con.md'])
      cpSync(join(FIXTURES_DIR, '..', 'hostile', file), join(src, file));
    writeFileSync(join(src, 'colon.md'), '---\nname: team:helper\ndescription: A name with a colon.\n---\nBody.\n');
    writeFileSync(join(src, 'good.md'), '---\nname: good-agent\ndescription: Fine.\n---\nBody.\n');
    const all = await runCli(['install', '--all', '--from', src, '--json'], { env, cwd: src });
    expect(all.code).toBe(1);
    const out = JSON.parse(all.stdout) as { refused: { code: string; agent: string; paths: string[] }[] };
    expect(out.refused).toEqual([{ code: 'AGENT_NAME_NOT_PORTABLE', agent: 'team:helper', paths: ['colon.md'], commands: [] }]);
    const dir = join(home, '.claude', 'agents');
    const files = readdirSync(dir).sort();
    const hash = (name: string): string => contentHash(name).slice(7, 15);
    expect(files).toEqual(['.agentpack.json', 'a-b.md', 'bashrc.md', `con-${hash('con')}.md`, `con-${hash('CON')}.md`, 'evil.md', 'good-agent.md'].sort());
    expect(readdirSync(home).sort()).toEqual(['.claude', 'tmp']);
    const manifest = JSON.parse(readFileSync(join(dir, '.agentpack.json'), 'utf8')) as { agents: Record<string, { file?: string }> };
    expect(Object.keys(manifest.agents).sort()).toEqual(['../../.bashrc', '..\\..\\evil', 'CON', 'a/b', 'con', 'good-agent']);
    expect(manifest.agents['../../.bashrc']?.file).toBe('bashrc.md');
    expect(manifest.agents['good-agent']?.file).toBeUndefined();
    const one = await runCli(['install', 'team:helper', '--from', src], { env, cwd: src });
    expect(one.code).toBe(1);
    expect(one.stderr).toContain('error AGENT_NAME_NOT_PORTABLE: "team:helper" (colon.md)');
  });
});

/** Run the CLI under a pseudo-terminal (util-linux `script`), where stdout and stderr both reach the terminal. */
function inTerminal(args: string[], options: { env: Record<string, string>; cwd: string }): Promise<string> {
  const command = [process.execPath, BIN, ...args].map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', () => resolve(out));
  });
}

const hasScript = ['/usr/bin/script', '/bin/script'].some((p) => existsSync(p));

describe('progress while writing', () => {
  it.skipIf(!hasScript)('install and uninstall of 60 agents show "Applying changes: n/60 files…" on a terminal, then erased; never piped', async () => {
    const { env, home } = isolatedEnv();
    const src = tempDir('agentpack-progress-');
    for (let i = 0; i < 60; i++) writeFileSync(join(src, `agent-${i}.md`), `---\nname: agent-${i}\ndescription: Agent ${i}.\n---\nBody.\n`);
    const tty = await inTerminal(['install', '--all', '--from', src], { env, cwd: src });
    expect(tty).toContain('\rReading 60/60 files…');
    expect(tty).toContain('\rApplying changes: 1/60 files…');
    expect(tty).toContain(`\rApplying changes: 60/60 files…\r${' '.repeat('Applying changes: 60/60 files…'.length)}\r`);
    expect(readdirSync(join(home, '.claude', 'agents'))).toHaveLength(61);
    const names = Array.from({ length: 60 }, (_, i) => `agent-${i}`);
    const piped = await runCli(['uninstall', ...names], { env, cwd: src });
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe('');
    expect(piped.stdout).not.toContain('Applying changes');
    const ja = await inTerminal(['install', '--all', '--from', src, '--lang', 'ja'], { env, cwd: src });
    expect(ja).toContain('\r変更を適用しています: 60/60 ファイル…');
  });
});
