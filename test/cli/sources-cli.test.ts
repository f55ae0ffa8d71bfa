import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../../scripts/generate-source-fixtures.js';
import { isolatedEnv, runCli, tempDir, type CliResult } from '../helpers/cli.js';

/** The CLI run from test/fixtures/sources/, so `--from plugin-tree` is what a user in a clone would type. */
const cli = (args: string[], options: { lang?: string } = {}): Promise<CliResult> =>
  runCli(args, { cwd: FIXTURES_DIR, env: isolatedEnv(options.lang ? { LANG: options.lang } : {}).env });

interface ListJson {
  agents: { name: string; description: string; locales: string[]; files: Record<string, string> }[];
  from: string;
  root: string;
  duplicates: unknown[];
  conflicts: unknown[];
  diagnostics: { code: string; file: string; severity: string }[];
  unreadable: string[];
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
const TEST_WRITERS = ['plugins/backend/agents/test-writer.md', 'plugins/testing/agents/test-writer.md'];

describe('a plugin-style tree (30 agent files in 8 plugins)', () => {
  it('list --json: every unambiguous agent once, copies collapsed with alsoAt, the conflict with every path', async () => {
    const r = await cli(['list', '--from', 'plugin-tree', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as ListJson;
    expect(out.agents.map((a) => a.name)).toEqual(PLUGIN_AGENTS);
    // The package's list shape, with fields added (never renamed): a folder's agent also says its canonical locale and plugin.
    expect(Object.keys(out.agents[0] ?? {})).toEqual(['name', 'description', 'locales', 'files', 'canonical', 'plugin']);
    expect(out.agents.find((a) => a.name === 'code-reviewer')).toEqual({
      name: 'code-reviewer',
      description: 'Reviews a change for bugs, clarity and tests.',
      locales: ['en'],
      files: { en: 'plugins/backend/agents/code-reviewer.md' },
      canonical: 'en',
      plugin: 'backend',
    });
    expect(out.duplicates).toEqual([
      {
        name: 'code-reviewer',
        kept: 'plugins/backend/agents/code-reviewer.md',
        alsoAt: ['plugins/core-tools/agents/code-reviewer.md', 'plugins/frontend/agents/code-reviewer.md'],
      },
    ]);
    // Each conflict now also names its locale and, per file, what tells them apart.
    expect(out.conflicts).toEqual([
      {
        name: 'test-writer',
        locale: 'en',
        paths: TEST_WRITERS,
        candidates: [
          {
            path: TEST_WRITERS[0],
            locale: 'en',
            plugin: 'backend',
            select: 'backend:test-writer',
            description: 'Writes integration tests for HTTP endpoints.',
            model: 'sonnet',
            tools: ['Read', 'Grep', 'Glob'],
          },
          {
            path: TEST_WRITERS[1],
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
    expect(out.from).toBe('plugin-tree');
    expect(out.root).toBe(join(FIXTURES_DIR, 'plugin-tree'));
    // Commands (no name), skills (SKILL.md) and READMEs are not agents.
    expect(out.agents.map((a) => a.name)).not.toContain('style-guide');
    expect(out.unreadable).toEqual([]);
  });

  it('list (human): the table, then the copies and each conflict with the command that resolves it', async () => {
    const r = await cli(['list', '--from', 'plugin-tree']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^AGENT +LANGUAGES +PLUGIN +FILE +DESCRIPTION$/m);
    expect(r.stdout).toContain(
      'code-reviewer (en): plugins/backend/agents/code-reviewer.md, also found at plugins/core-tools/agents/code-reviewer.md, plugins/frontend/agents/code-reviewer.md',
    );
    expect(r.stdout).toContain(`test-writer (en): 2 different definitions: ${TEST_WRITERS.join(', ')}`);
    // Each file is in a plugin of its own: the hint installs one as <plugin>:<name> (it was `list … --pick <path>`).
    expect(r.stdout).toContain('    backend:test-writer: Writes integration tests for HTTP endpoints. (model: sonnet; tools: Read, Grep, Glob)\n');
    expect(r.stdout).toContain('    testing:test-writer: Writes unit tests for new code. (model: not set; tools: Read, Grep, Glob)\n');
    expect(r.stdout).toContain('hint: agentpack install backend:test-writer --from plugin-tree');
    expect(r.stdout).not.toMatch(/^test-writer /m);
  });

  it('show on the conflicting name refuses with AGENT_AMBIGUOUS naming every path; --pick resolves it', async () => {
    const [refused, json, backend, testing, fromCwd] = await Promise.all([
      cli(['show', 'test-writer', '--from', 'plugin-tree']),
      cli(['show', 'test-writer', '--from', 'plugin-tree', '--json']),
      ...TEST_WRITERS.map((p) => cli(['show', 'test-writer', '--from', 'plugin-tree', '--pick', p])),
      // A pick is also accepted as a path from the working directory.
      cli(['show', 'test-writer', '--from', 'plugin-tree', '--pick', `plugin-tree/${TEST_WRITERS[1]}`]),
    ]);
    expect(refused?.code).toBe(1);
    expect(refused?.stdout).toBe('');
    expect(refused?.stderr).toBe(
      `error AGENT_AMBIGUOUS: "test-writer" (en) is defined differently in 2 files: ${TEST_WRITERS.join(', ')}.\n` +
        '  backend:test-writer: Writes integration tests for HTTP endpoints. (model: sonnet; tools: Read, Grep, Glob)\n' +
        '  testing:test-writer: Writes unit tests for new code. (model: not set; tools: Read, Grep, Glob)\n' +
        'hint: Choose one of them, e.g.: agentpack show backend:test-writer --from plugin-tree\n',
    );
    expect(JSON.parse(json?.stdout ?? '')).toMatchObject({
      ok: false,
      error: { code: 'AGENT_AMBIGUOUS', details: { name: 'test-writer', paths: TEST_WRITERS } },
    });
    expect(backend?.code).toBe(0);
    expect(backend?.stdout).toContain('description: Writes integration tests for HTTP endpoints.\n');
    expect(testing?.stdout).toContain('description: Writes unit tests for new code.\n');
    expect(fromCwd?.stdout).toBe(testing?.stdout);
  });

  it('--pick that names no agent file of the source, or --pick without --from, is refused', async () => {
    const [unknown, alone] = await Promise.all([cli(['list', '--from', 'plugin-tree', '--pick', 'plugins/nope.md']), cli(['list', '--pick', 'x.md'])]);
    if (!unknown || !alone) throw new Error('two runs');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('error PICK_NOT_FOUND: --pick plugins/nope.md: no agent file of plugin-tree has this path.');
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('error USAGE: --pick chooses among the files of --from <path>; it needs --from.');
  });

  it('the same refusal in Japanese', async () => {
    const r = await cli(['show', 'test-writer', '--from', 'plugin-tree'], { lang: 'ja_JP.UTF-8' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`"test-writer"（en）は、2 個のファイルに異なる内容で定義されています: ${TEST_WRITERS.join(', ')}`);
    expect(r.stderr).toContain('  testing:test-writer: Writes unit tests for new code.（モデル: 指定なし、ツール: Read, Grep, Glob）\n');
    expect(r.stderr).toContain('いずれか 1 つを選んでください。例: agentpack show backend:test-writer --from plugin-tree');
  });

  it('validate --from: one NAME_CONFLICT on each file of the conflict; a warning, since each file is in its own plugin', async () => {
    // Claude Code keeps plugin agents apart (`backend:test-writer`, `testing:test-writer`): the catalog is valid,
    // only installing both into one folder would clash. It was an error (exit 1) before plugins were read.
    const r = await cli(['validate', '--from', 'plugin-tree', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      files: { path: string; diagnostics: { code: string; severity: string; hint: string }[] }[];
      summary: unknown;
    };
    expect(out.summary).toEqual({ files: 30, errors: 0, warnings: 2 });
    const conflicted = out.files.filter((f) => f.diagnostics.length > 0);
    expect(conflicted.map((f) => [f.path, f.diagnostics.map((d) => `${d.severity}:${d.code}`)])).toEqual(
      TEST_WRITERS.map((p) => [p, ['warning:NAME_CONFLICT']]),
    );
    expect(conflicted[1]?.diagnostics[0]?.hint).toBe(
      'Keep one definition per name, or choose this file: agentpack install testing:test-writer --from plugin-tree',
    );
    // Negative control: the same two files outside plugins are an error, chosen with --pick.
    const dir = tempDir('agentpack-flat-');
    for (const p of TEST_WRITERS) cpSync(join(FIXTURES_DIR, 'plugin-tree', p), join(dir, p.replace('plugins/', 'teams/')), { recursive: true });
    const flat = await runCli(['validate', '--from', dir, '--json'], { cwd: dir, env: isolatedEnv().env });
    expect(flat.code).toBe(1);
    const flatOut = JSON.parse(flat.stdout) as { files: { diagnostics: { code: string; severity: string; hint: string }[] }[] };
    expect(flatOut.files.flatMap((f) => f.diagnostics.map((d) => `${d.severity}:${d.code}`))).toEqual(['error:NAME_CONFLICT', 'error:NAME_CONFLICT']);
    expect(flatOut.files[1]?.diagnostics[0]?.hint).toContain(`--pick teams/testing/agents/test-writer.md`);
  });
});

describe('a Japanese mirror tree (i18n/ja/<same path>)', () => {
  it('list --json: the exact locale map of every agent', async () => {
    const r = await cli(['list', '--from', 'ja-tree', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as ListJson;
    const files = Object.fromEntries(out.agents.map((a) => [a.name, a.files]));
    const pair = (dir: string, name: string): Record<string, string> => ({ en: `agents/${dir}/${name}.md`, ja: `i18n/ja/agents/${dir}/${name}.md` });
    expect(files).toEqual({
      'api-reviewer': pair('review', 'api-reviewer'),
      'backup-planner': pair('ops', 'backup-planner'),
      'deploy-checker': { en: 'agents/ops/deploy-checker.md' },
      // No English source: a Japanese agent (it was an orphaned translation, left out of the list).
      'legacy-helper': { ja: 'i18n/ja/agents/ops/legacy-helper.md' },
      'log-summarizer': pair('ops', 'log-summarizer'),
      'release-notes': pair('writing', 'release-notes'),
      'style-checker': pair('review', 'style-checker'),
      'summary-writer': pair('writing', 'summary-writer'),
    });
    expect(out.agents.find((a) => a.name === 'style-checker')?.locales).toEqual(['en', 'ja']);
    expect(out.diagnostics.map((d) => [d.severity, d.code, d.file])).toEqual([['error', 'VARIANT_NAME_MISMATCH', 'i18n/ja/agents/ops/log-summarizer.md']]);
  });

  it('show --locale ja of a banner-first file: front-matter at byte 0, no banner', async () => {
    const source = readFileSync(join(FIXTURES_DIR, 'ja-tree/i18n/ja/agents/review/style-checker.md'), 'utf8');
    expect(source.startsWith('> **[English]')).toBe(true);
    const r = await cli(['show', 'style-checker', '--from', 'ja-tree', '--locale', 'ja']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      '---\nname: style-checker\ndescription: チームのスタイルガイドに沿っているかコードを確認します。\nmodel: sonnet\n---\n\nあなたは style-checker です。\n\n## 重点\n\n- 命名\n- 書式\n',
    );
    // The banner after the front-matter and the i18n block are gone too.
    const after = await cli(['show', 'release-notes', '--from', 'ja-tree', '--locale', 'ja']);
    expect(
      after.stdout.startsWith(
        '---\nname: release-notes\ndescription: 利用者向けのリリースノートを下書きします。\nmodel: sonnet\n---\n\nあなたは release-notes です。\n',
      ),
    ).toBe(true);
    expect(after.stdout).not.toContain('i18n');
    expect(after.stdout).not.toContain('> **');
  });

  it('i18n status --from: current, untracked, missing and invalid (name), at their paths; a Japanese-only agent has no row', async () => {
    const r = await cli(['i18n', 'status', '--from', 'ja-tree', '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { translations: { agent: string; status: string; path: string; problems: string[] }[] };
    expect(out.translations.map((t) => [t.agent, t.status, t.path, t.problems])).toEqual([
      ['api-reviewer', 'untracked', 'i18n/ja/agents/review/api-reviewer.md', []],
      ['backup-planner', 'untracked', 'i18n/ja/agents/ops/backup-planner.md', []],
      ['deploy-checker', 'missing', 'i18n/ja/agents/ops/deploy-checker.md', []],
      ['log-summarizer', 'invalid', 'i18n/ja/agents/ops/log-summarizer.md', ['VARIANT_NAME_MISMATCH']],
      ['release-notes', 'current', 'i18n/ja/agents/writing/release-notes.md', []],
      ['style-checker', 'untracked', 'i18n/ja/agents/review/style-checker.md', []],
      ['summary-writer', 'untracked', 'i18n/ja/agents/writing/summary-writer.md', []],
    ]);
    const human = await cli(['i18n', 'status', '--from', 'ja-tree']);
    expect(human.stdout).toContain('with agentpack i18n new deploy-checker --locale ja --from ja-tree');
    expect(human.stderr).toContain(
      'error VARIANT_NAME_MISMATCH This translation has name: log-summarizer-ja, but its source agents/ops/log-summarizer.md has name: log-summarizer.',
    );
  });

  it('a translation with another name does not render: AGENT_INVALID pointing at validate --from', async () => {
    const r = await cli(['show', 'log-summarizer', '--from', 'ja-tree', '--locale', 'ja']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error AGENT_INVALID: The agent "log-summarizer" (ja) does not load.\nhint: Run agentpack validate --from ja-tree to see why.');
    // Its English variant is fine.
    expect((await cli(['show', 'log-summarizer', '--from', 'ja-tree'])).code).toBe(0);
  });
});

describe('a flat team folder', () => {
  it('magenta: kept as written in the render, reported as a warning on stderr (and in --json)', async () => {
    const [r, jsonRun, other] = await Promise.all([
      cli(['show', 'onboarding-guide', '--from', 'team']),
      cli(['show', 'onboarding-guide', '--from', 'team', '--json']),
      cli(['show', 'pr-describer', '--from', 'team']),
    ]);
    if (!r || !jsonRun || !other) throw new Error('three runs');
    expect(r.code).toBe(0);
    expect(
      r.stdout.startsWith(
        '---\nname: onboarding-guide\ndescription: Answers questions from new team members.\ntools: Read, Grep, Glob\ncolor: magenta\n---\n\n',
      ),
    ).toBe(true);
    expect(r.stderr).toBe(
      'onboarding-guide.md\n  warning FIELD_INVALID:5 "color" has a value Claude Code does not accept (magenta); it will be ignored.\n    hint: Run agentpack schema to see the accepted values of color.\n',
    );
    const json = JSON.parse(jsonRun.stdout) as { path: string; warnings: { code: string; file: string }[] };
    expect(json.path).toBe('onboarding-guide.md');
    expect(json.warnings.map((w) => [w.code, w.file])).toEqual([['FIELD_INVALID', 'onboarding-guide.md']]);
    // Negative control: another agent of the folder prints nothing on stderr.
    expect(other.stderr).toBe('');
  });

  it('list --from a single file: that agent only', async () => {
    const [one, folder] = await Promise.all([cli(['list', '--from', 'team/pr-describer.md', '--json']), cli(['list', '--from', 'team', '--json'])]);
    const out = JSON.parse(one?.stdout ?? '') as ListJson;
    expect(out.agents.map((a) => [a.name, a.locales, a.files])).toEqual([['pr-describer', ['en'], { en: 'pr-describer.md' }]]);
    const all = JSON.parse(folder?.stdout ?? '') as ListJson;
    expect(all.agents.map((a) => a.name)).toEqual(['onboarding-guide', 'pairing-partner', 'pr-describer', 'standup-notes', 'ticket-triager']);
  });
});
