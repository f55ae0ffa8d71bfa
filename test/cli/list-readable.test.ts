import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { BIN, isolatedEnv, ROOT, runCli, tempDir } from '../helpers/cli.js';

/** `list` that reads: one line per agent, the first sentence of its description, cut to the terminal or kept under 250 columns in a pipe. */
const CATALOGS = join(ROOT, 'test', 'fixtures', 'catalogs');
const MARKETPLACE = join(CATALOGS, 'marketplace');
const JA_MIRROR = join(CATALOGS, 'ja-mirror');
const PIPE_WIDTH = 250;

const hasScript = ['/usr/bin/script', '/bin/script'].some((p) => existsSync(p));

/** What a terminal of `columns` shows: each line as its last `\r` leaves it (a progress line is erased). */
function onTerminal(args: string[], options: { columns: number; env: Record<string, string>; cwd?: string }): string[] {
  const command = [process.execPath, BIN, ...args].map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('script', ['-qec', `stty cols ${options.columns} rows 50; ${command}`, '/dev/null'], {
    env: options.env,
    cwd: options.cwd ?? options.env['HOME'],
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((l) => l.slice(l.lastIndexOf('\r') + 1).trimEnd())
    .filter((l) => l !== '');
}

/** The table of a `list` output: header, rule and rows, up to the first blank line or note (the stderr line before it skipped). */
function tableOf(lines: string[]): { header: string; rule: string; rows: string[] } {
  const start = Math.max(
    0,
    lines.findIndex((_l, i) => /^-+$/.test(lines[i + 1] ?? '')),
  );
  const rest = lines.slice(start);
  const end = rest.findIndex((l, i) => i > 1 && (l === '' || /^\S.*:$/.test(l)));
  const [header = '', rule = '', ...rows] = end === -1 ? rest : rest.slice(0, end);
  return { header, rule, rows };
}

/** Every line fits `width` columns, none holds a literal `\n`, and the rule is no wider than the widest line. */
function expectReadable(lines: string[], width: number): void {
  for (const line of lines) {
    expect(stringWidth(line), line).toBeLessThanOrEqual(width);
    expect(line).not.toContain('\\n');
  }
  const { rule } = tableOf(lines);
  expect(rule).toMatch(/^-+$/);
  expect(rule.length).toBeLessThanOrEqual(Math.max(...lines.map((l) => stringWidth(l))));
}

/** A catalog with the descriptions real ones have: ~2,000 characters of `\n`-joined examples, and a first sentence longer than a pipe line. */
function wildCatalog(): string {
  const dir = tempDir('agentpack-wild-');
  const examples = Array.from(
    { length: 12 },
    (_, i) => `<example>\\nContext: case ${i} of the user asking for a review.\\nuser: "Review this"\\nassistant: "I will use the agent"\\n</example>`,
  );
  writeFileSync(
    join(dir, 'examples-agent.md'),
    `---\nname: examples-agent\ndescription: Use this agent to review code.\\n\\n${examples.join('\\n\\n')}\n---\nBody.\n`,
  );
  writeFileSync(
    join(dir, 'wordy-agent.md'),
    `---\nname: wordy-agent\ndescription: ${'Reviews everything in great detail, '.repeat(12)}and then stops. Second sentence.\n---\nBody.\n`,
  );
  writeFileSync(join(dir, 'block-agent.md'), '---\nname: block-agent\ndescription: |\n  Coordinates the response.\n  Keeps a timeline.\n---\nBody.\n');
  return dir;
}

describe('list in a pipe', () => {
  it('the package list: the first sentence, no line over 250 columns, a rule no wider than the table (en and ja)', async () => {
    for (const lang of ['en', 'ja']) {
      const r = await runCli(['--lang', lang, 'list'], { env: isolatedEnv().env });
      expect(r.code, r.stderr).toBe(0);
      const lines = r.stdout.trimEnd().split('\n');
      expectReadable(lines, PIPE_WIDTH);
      const row = tableOf(lines).rows.find((l) => l.startsWith('ml-engineer')) ?? '';
      expect(row).toMatch(lang === 'en' ? /and monitoring\.$/ : /本番MLシステムを構築します。$/);
      // Before, the rule was as wide as the whole description (about 300 dashes).
      expect(tableOf(lines).rule.length).toBe(stringWidth(row));
    }
  });

  it('list --from: folded examples and literal \\n are gone, a long first sentence is cut at 250 columns', async () => {
    const r = await runCli(['list', '--from', wildCatalog()], { env: isolatedEnv().env });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expectReadable(lines, PIPE_WIDTH);
    expect(lines).toHaveLength(5);
    const row = (name: string): string => tableOf(lines).rows.find((l) => l.startsWith(name)) ?? '';
    expect(row('examples-agent')).toMatch(/Use this agent to review code\.$/);
    expect(r.stdout).not.toContain('<example>');
    expect(row('block-agent')).toMatch(/Coordinates the response\.$/);
    expect(row('wordy-agent').endsWith('…')).toBe(true);
    expect(stringWidth(row('wordy-agent'))).toBe(PIPE_WIDTH);
    expect(row('wordy-agent')).not.toContain('Second sentence');
  });

  it('the marketplace: one row per agent with its first sentence, the file kept where it fits', async () => {
    const r = await runCli(['list', '--from', MARKETPLACE], { env: isolatedEnv().env });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expectReadable(
      lines.filter((l) => l !== ''),
      PIPE_WIDTH,
    );
    const { header, rows } = tableOf(lines);
    expect(header).toMatch(/^AGENT +LANGUAGES +PLUGIN +FILE +DESCRIPTION$/);
    expect(rows.find((l) => l.startsWith('flaky-test-hunter'))).toMatch(
      /plugins\/error-triage\/agents\/flaky-test-hunter\.md +Use when a test passes and fails on the same code\.$/,
    );
    expect(rows.find((l) => l.startsWith('incident-commander'))).toMatch(/ Coordinates the response to a production incident\.$/);
    expect(rows.find((l) => l.startsWith('Backend Architect'))).toMatch(/ Designs service boundaries, data ownership and APIs for backend systems\.$/);
  });
});

describe.skipIf(!hasScript)('list on a terminal of 60, 100 and 160 columns (util-linux script)', { timeout: 60_000 }, () => {
  it.each([60, 100, 160])('%i columns, English and Japanese: every line fits, DESCRIPTION is never the column dropped', (columns) => {
    const { env } = isolatedEnv();
    const cases: [string[], string][] = [
      [['list', '--from', MARKETPLACE], 'incident-commander'],
      [['--lang', 'ja', 'list', '--from', JA_MIRROR], 'api-designer'],
      [['--lang', 'ja', 'list', '--from', JA_MIRROR, '--locale', 'ja'], 'api-designer'],
      [['list'], 'ml-engineer'],
      [['--lang', 'ja', 'list'], 'ml-engineer'],
    ];
    for (const [args, name] of cases) {
      const lines = onTerminal(args, { columns, env });
      const label = `${args.join(' ')} @${columns}`;
      // The table; the notes after it (copies, conflicts with their paths and hints) are left to the terminal to wrap.
      const { header, rule, rows } = tableOf(lines);
      for (const line of [header, rule, ...rows]) expect(stringWidth(line), `${label}: ${line}`).toBeLessThanOrEqual(columns);
      expect(header, label).toMatch(/(DESCRIPTION|説明)$/);
      const row = rows.find((l) => l.startsWith(name)) ?? '';
      // The description starts where the header says, and holds text.
      const at = stringWidth(header.slice(0, header.search(/DESCRIPTION|説明/)));
      expect(stringWidth(row), label).toBeGreaterThan(at + 5);
      // The marketplace's plugins: the column shows where there is room (the file gives way first).
      if (args.includes(MARKETPLACE)) expect(/PLUGIN|プラグイン/.test(header), label).toBe(columns >= 160);
    }
  });

  it('Japanese descriptions are cut by display width (a full-width character counts two)', () => {
    const lines = onTerminal(['--lang', 'ja', 'list', '--from', JA_MIRROR, '--locale', 'ja'], { columns: 60, env: isolatedEnv().env });
    const row = tableOf(lines).rows.find((l) => l.startsWith('pr-summarizer')) ?? '';
    expect(row).toMatch(/プルリクエスト.*…$/);
    expect(stringWidth(row)).toBeGreaterThanOrEqual(59);
    expect(row.length).toBeLessThan(59);
  });
});

describe('list --locale and list <word>', () => {
  it('--locale ja lists only agents with a Japanese variant, with their Japanese descriptions, even from an English shell', async () => {
    const { env } = isolatedEnv();
    const all = await runCli(['list', '--from', JA_MIRROR, '--json'], { env });
    const ja = await runCli(['list', '--from', JA_MIRROR, '--json', '--locale', 'ja'], { env });
    type Row = { name: string; description: string; locales: string[]; localDescription?: string };
    const rowsOf = (stdout: string): Row[] => (JSON.parse(stdout) as { agents: Row[] }).agents;
    const withJa = rowsOf(all.stdout).filter((a) => a.locales.includes('ja'));
    expect(withJa.length).toBeGreaterThan(0);
    expect(withJa.length).toBeLessThan(rowsOf(all.stdout).length);
    expect(rowsOf(ja.stdout).map((a) => a.name)).toEqual(withJa.map((a) => a.name));
    for (const row of rowsOf(ja.stdout)) expect(row.localDescription).toMatch(/[ぁ-ん]/);
    // Without --locale, the JSON rows keep the fields they had.
    expect(Object.keys(rowsOf(all.stdout)[0] ?? {})).toEqual(['name', 'description', 'locales', 'files', 'canonical']);

    const human = await runCli(['list', '--from', JA_MIRROR, '--locale', 'ja'], { env });
    const { rows } = tableOf(human.stdout.split('\n'));
    expect(rows.map((l) => l.split(/\s+/)[0])).toEqual(withJa.map((a) => a.name));
    expect(rows.find((l) => l.startsWith('api-designer'))).toMatch(/\.claude\/ja\/agents\/backend\/api-designer\.md +コードを書く前に、/);
    const pkg = await runCli(['list', '--locale', 'ja'], { env });
    expect(pkg.stdout).toContain('本番MLシステムを構築します。');
  });

  it('a language no agent has is LOCALE_UNKNOWN (exit 2) with the choices', async () => {
    const r = await runCli(['list', '--from', JA_MIRROR, '--locale', 'ko'], { env: isolatedEnv().env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('LOCALE_UNKNOWN: Unknown language "ko"; choose one of: en, ja.');
  });

  it('<word> keeps the agents whose name or description holds it, in any case; none gives a line, exit 0', async () => {
    const { env } = isolatedEnv();
    const names = async (args: string[]): Promise<string[]> => {
      const r = await runCli([...args, '--json'], { env });
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { agents: { name: string }[] }).agents.map((a) => a.name);
    };
    expect(await names(['list', 'INCIDENT', '--from', MARKETPLACE])).toEqual(['incident-commander']);
    expect(await names(['list', 'timeline', '--from', MARKETPLACE])).toEqual(['incident-commander']);
    expect(await names(['list', 'Ｐｏｗｅｒｓｈｅｌｌ', '--from', MARKETPLACE])).toEqual(['powershell-5.1-expert']);
    expect(await names(['list', 'machine'])).toEqual(['ml-engineer']);
    // A Japanese word finds the agent by its Japanese description.
    expect(await names(['list', '本番'])).toEqual(['ml-engineer']);
    expect(await names(['list', 'エンドポイント', '--from', JA_MIRROR])).toEqual(['api-designer']);
    expect((await names(['list', '--from', MARKETPLACE])).length).toBeGreaterThan(5);
    const none = await runCli(['list', 'zzz-nothing', '--from', MARKETPLACE], { env });
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/^No agent matches "zzz-nothing"\./);
    const ja = await runCli(['--lang', 'ja', 'list', 'zzz-nothing'], { env });
    expect(ja.stdout).toBe('"zzz-nothing" に一致するエージェントはありません。\n');
  });
});

describe('list --json keeps the full descriptions, as Claude Code shows them', () => {
  it('a | block keeps its final newline, a literal \\n is a newline, >- is one line', async () => {
    const r = await runCli(['list', '--from', MARKETPLACE, '--json'], { env: isolatedEnv().env });
    const agents = (JSON.parse(r.stdout) as { agents: { name: string; description: string }[] }).agents;
    const description = (name: string): string | undefined => agents.find((a) => a.name === name)?.description;
    expect(description('incident-commander')).toBe('Coordinates the response to a production incident.\nKeeps a timeline and hands out tasks.\n');
    expect(description('flaky-test-hunter')).toBe(
      'Use when a test passes and fails on the same code. Examples:\n\n<example>The user says CI is red only on the second retry.</example>',
    );
    expect(description('Backend Architect')).toBe(
      'Designs service boundaries, data ownership and APIs for backend systems. Use it before a new service is written.',
    );
  });
});

describe('"N files look like agents but cannot be read": only where the whole folder is shown', () => {
  it('list says it; show, install, diff and i18n status do not; validate names the file', async () => {
    const { env, home } = isolatedEnv();
    const src = join(tempDir('agentpack-unreadable-'), 'catalog');
    mkdirSync(src);
    writeFileSync(join(src, 'good.md'), '---\nname: good\ndescription: Fine.\n---\nBody.\n');
    writeFileSync(join(src, 'broken.md'), '---\nname: broken\ndescription: [x\n  y: z\n---\nBody.\n');
    const line = /Files that look like agents but whose front-matter cannot be read: 1\./;
    const list = await runCli(['list', '--from', src], { env, cwd: home });
    expect(list.code).toBe(0);
    expect(list.stderr).toMatch(line);
    const ja = await runCli(['--lang', 'ja', 'list', '--from', src], { env, cwd: home });
    expect(ja.stderr).toContain('フロントマターを読み取れないファイルが 1 個あります');
    for (const args of [
      ['show', 'good', '--from', src],
      ['install', 'good', '--from', src, '--dry-run'],
      ['install', 'good', '--from', src],
      ['diff', 'good', '--from', src],
      ['update', '--from', src],
      ['i18n', 'status', '--from', src],
    ]) {
      const r = await runCli(args, { env, cwd: home });
      expect(r.stdout + r.stderr, args.join(' ')).not.toMatch(line);
      expect(r.stdout + r.stderr, args.join(' ')).not.toContain('broken.md');
    }
    const validate = await runCli(['validate', '--from', src], { env, cwd: home });
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain('broken.md');
  });
});
