import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, isolatedEnv, ROOT, runCli, tempDir } from '../helpers/cli.js';
import { KEY, runInPty } from '../helpers/pty.js';

// The commands that read agents must not load classic zod (dist/cli-zod.cjs, ~100 KB to compile): they
// check front-matter with core/spec-check.ts, the manifest with core/manifest-check.ts and their options
// with cli/options.ts (BENCHMARKS.md). A --require preload records every file in require.cache at exit.

const PRELOAD = `const { writeFileSync } = require('node:fs');
process.on('exit', () => writeFileSync(process.env.AGENTPACK_TEST_LOADED, Object.keys(require.cache).join('\\n')));
`;

function preload(): string {
  const file = join(tempDir('agentpack-preload-'), 'record-modules.cjs');
  writeFileSync(file, PRELOAD);
  return file;
}

/** Run the built binary with the preload; the dist files it loaded, by name. */
async function loaded(options: {
  args: string[];
  env: Record<string, string>;
  file: string;
}): Promise<{ code: number | null; stderr: string; files: string[] }> {
  const out = join(tempDir('agentpack-loaded-'), 'modules.txt');
  const r = await runCli(options.args, { env: { ...options.env, NODE_OPTIONS: `--require ${options.file}`, AGENTPACK_TEST_LOADED: out } });
  const files = existsSync(out)
    ? readFileSync(out, 'utf8')
        .split('\n')
        .filter((p) => p.startsWith(join(ROOT, 'dist')))
        .map((p) => basename(p))
    : [];
  return { code: r.code, stderr: r.stderr, files };
}

describe('start-up: what the commands that read agents load', () => {
  it('list --json, show --locale ja, install, locale ja and status never load dist/cli-zod.cjs', async () => {
    const file = preload();
    const { env } = isolatedEnv();
    const runs: [string[], string][] = [
      [['list', '--json'], 'list'],
      [['show', 'ml-engineer', '--locale', 'ja'], 'show'],
      [['install', 'ml-engineer'], 'install'],
      // Reads the manifest install wrote.
      [['locale', 'ja'], 'locale'],
      [['list', '--json'], 'list'],
      [['show', 'ml-engineer'], 'show'],
      [['status', '--json'], 'status'],
    ];
    for (const [args, action] of runs) {
      const r = await loaded({ args, env, file });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      // The preload saw the run (not a vacuous pass): the entry, the program and the command's action.
      expect(r.files, args.join(' ')).toEqual(expect.arrayContaining(['cli.cjs', 'cli-main.cjs', `cli-action-${action}.cjs`]));
      expect(r.files, args.join(' ')).not.toContain('cli-zod.cjs');
    }
    // The manifest was really read: locale ja switched the installed agent.
    expect(readFileSync(join(env['HOME'] ?? '', '.claude', 'agents', 'ml-engineer.md'), 'utf8')).toContain('あなたは');
  });

  it("negative control: status --claude-bin, whose probe checks Claude Code's answer with zod, is seen loading it", async () => {
    const { env, home } = isolatedEnv();
    const r = await loaded({ args: ['status', '--json', '--claude-bin', join(home, 'no-claude')], env, file: preload() });
    expect(r.files).toContain('cli-action-status.cjs');
    expect(r.files).toContain('cli-zod.cjs');
  });

  it('negative control: the preload records cli-zod.cjs when it is required', () => {
    const out = join(tempDir('agentpack-loaded-'), 'modules.txt');
    const r = spawnSync(process.execPath, ['--require', preload(), '-e', `require(${JSON.stringify(join(ROOT, 'dist', 'cli-zod.cjs'))})`], {
      env: { PATH: process.env['PATH'] ?? '', AGENTPACK_TEST_LOADED: out },
    });
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(join(ROOT, 'dist', 'cli-zod.cjs'));
    expect(existsSync(BIN)).toBe(true);
  });

  it("the picker's code (dist/cli-action-picker.cjs) is loaded by no other run, not even install with no names", async () => {
    const file = preload();
    const { env, home } = isolatedEnv();
    const runs: [string[], string | undefined][] = [
      [['--version'], undefined],
      [['--help'], undefined],
      [[], undefined],
      [['install'], 'install'],
      [['install', 'ml-engineer'], 'install'],
      [['install', '--yes'], 'install'],
      [['list'], 'list'],
      [['show', 'ml-engineer'], 'show'],
      [['locale', 'ja'], 'locale'],
      [['update'], 'update'],
      [['status'], 'status'],
      [['diff', 'ml-engineer'], 'diff'],
      [['uninstall', 'ml-engineer'], 'uninstall'],
      [['validate'], 'validate'],
      [['i18n', 'status'], 'i18n-status'],
      [['schema'], 'schema'],
    ];
    for (const [args, action] of runs) {
      const r = await loaded({ args, env, file });
      // Not a vacuous pass: the preload saw the run (the CLI bundle, or the entry alone for --version and piped --help).
      expect(r.files, args.join(' ')).toContain('cli.cjs');
      if (action !== undefined) expect(r.files, args.join(' ')).toContain(`cli-action-${action}.cjs`);
      expect(r.files, args.join(' ')).not.toContain('cli-action-picker.cjs');
    }
    // Negative control: the picker itself, in a terminal, is seen loading it.
    const out = join(tempDir('agentpack-loaded-'), 'modules.txt');
    const pty = await runInPty({
      args: [],
      env: { ...env, NODE_OPTIONS: `--require ${file}`, AGENTPACK_TEST_LOADED: out },
      cwd: home,
      steps: [
        ['wait', 'What do you want to do?'],
        ['send', KEY.esc],
        ['wait', 'Cancelled'],
      ],
    });
    expect(pty.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toContain(join(ROOT, 'dist', 'cli-action-picker.cjs'));
  });

  it('an empty option value is a usage error, not an internal one', async () => {
    for (const args of [
      ['list', '--dir', ''],
      ['install', 'ml-engineer', '--dir', ''],
      ['show', 'ml-engineer', '--from', '.', '--pick', ''],
    ]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^error USAGE: Option --(dir|pick) needs a value\./);
    }
  });

  it('status --dir "" is a usage error too (exit 2, in both languages), never INTERNAL', async () => {
    const en = await runCli(['status', '--dir', '']);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe('error USAGE: Option --dir needs a value.\nhint: Run agentpack status --help for usage.\n');
    const ja = await runCli(['status', '--dir', '', '--lang', 'ja']);
    expect(ja.code).toBe(2);
    expect(ja.stderr).toMatch(/^エラー USAGE: オプション --dir には値を指定してください。\n/);
    const json = await runCli(['status', '--dir', '', '--json']);
    expect(json.code).toBe(2);
    expect((JSON.parse(json.stdout) as { ok: boolean; error: { code: string } }).error.code).toBe('USAGE');
    expect(json.stdout).not.toContain('too_small');
  });
});
