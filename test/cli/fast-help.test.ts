import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, isolatedEnv, ROOT, tempDir } from '../helpers/cli.js';

// `agentpack --help` (or -h) to a pipe is answered by dist/cli.cjs from dist/cli-help-<lang>.txt, which the
// build writes by running dist/cli-main.cjs --help (src/cli/bin.ts, tsup.config.ts). These tests hold the
// stored text to the program's own output, prove the stored text is what is printed, and that a missing
// file falls back to the program.

const PRELOAD = `const { writeFileSync } = require('node:fs');
process.on('exit', () => writeFileSync(process.env.AGENTPACK_TEST_LOADED, Object.keys(require.cache).join('\\n')));
`;

interface Run {
  code: number | null;
  stdout: Buffer;
  stderr: string;
  /** The files of `dist` the run loaded, by name. */
  loaded: string[];
}

/** Run a file of dist/ (or of a copy of the package) with a preload that records what it required. */
function run(options: { file: string; args: string[]; env: Record<string, string> }): Run {
  const dir = tempDir('agentpack-fast-help-');
  const preload = join(dir, 'record.cjs');
  const out = join(dir, 'loaded.txt');
  writeFileSync(preload, PRELOAD);
  const r = spawnSync(process.execPath, ['--require', preload, options.file, ...options.args], {
    env: { ...options.env, AGENTPACK_TEST_LOADED: out },
    cwd: options.env['HOME'],
    timeout: 20_000,
  });
  const distDir = join(options.file, '..');
  const loaded = existsSync(out)
    ? readFileSync(out, 'utf8')
        .split('\n')
        .filter((p) => p.startsWith(distDir))
        .map((p) => basename(p))
    : [];
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8'), loaded };
}

const LANG_ENVS: [string, Record<string, string>][] = [
  ['en (LANG=C)', { LANG: 'C' }],
  ['en (LANG=en_US.UTF-8)', { LANG: 'en_US.UTF-8' }],
  ['ja (LANG=ja_JP.UTF-8)', { LANG: 'ja_JP.UTF-8' }],
  ['ja (AGENTPACK_LANG=ja over LANG=C)', { LANG: 'C', AGENTPACK_LANG: 'ja' }],
  ['ja (LC_ALL=ja_JP.UTF-8)', { LC_ALL: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' }],
];

/** A copy of the package (package.json, dist, agents, locales) that a test may change. */
function packageCopy(): string {
  const root = tempDir('agentpack-package-copy-');
  for (const entry of ['package.json', 'dist', 'agents', 'locales']) cpSync(join(ROOT, entry), join(root, entry), { recursive: true });
  return root;
}

describe('agentpack --help to a pipe: the stored help, without loading the CLI', () => {
  it.each(LANG_ENVS)('%s: --help and -h print the bytes the program prints, and load nothing but dist/cli.cjs', (_label, langEnv) => {
    const { env } = isolatedEnv(langEnv);
    const program = run({ file: join(ROOT, 'dist', 'cli-main.cjs'), args: ['--help'], env });
    expect(program.code).toBe(0);
    expect(program.stderr).toBe('');
    // The program really ran (not a vacuous comparison of two empty outputs).
    expect(program.loaded).toContain('cli-main.cjs');
    const japanese = /[\u3040-\u30ff]/.test(program.stdout.toString('utf8'));
    expect(japanese).toBe(Boolean(langEnv['AGENTPACK_LANG'] ?? langEnv['LC_ALL'] ?? langEnv['LANG']?.startsWith('ja')));
    for (const flag of ['--help', '-h']) {
      const fast = run({ file: BIN, args: [flag], env });
      expect(fast.code, flag).toBe(0);
      expect(fast.stderr, flag).toBe('');
      expect(fast.stdout.equals(program.stdout), `${flag}:\n${fast.stdout.toString('utf8')}`).toBe(true);
      expect(fast.loaded, flag).toEqual(['cli.cjs']);
    }
  });

  it('negative control: `agentpack help`, the command, prints the same bytes through the whole program', () => {
    const { env } = isolatedEnv({ LANG: 'ja_JP.UTF-8' });
    const fast = run({ file: BIN, args: ['--help'], env });
    const command = run({ file: BIN, args: ['help'], env });
    expect(command.code).toBe(0);
    expect(command.loaded).toEqual(expect.arrayContaining(['cli.cjs', 'cli-main.cjs']));
    expect(command.stdout.equals(fast.stdout)).toBe(true);
  });

  it('what is printed is the stored file: a changed file shows, a missing file falls back to the program', () => {
    const root = packageCopy();
    const bin = join(root, 'dist', 'cli.cjs');
    const { env } = isolatedEnv({ LANG: 'C' });
    const original = run({ file: bin, args: ['--help'], env });
    expect(original.stdout.toString('utf8')).toMatch(/^Usage: agentpack \[options\] \[command\]\n/);
    writeFileSync(join(root, 'dist', 'cli-help-en.txt'), 'stored help\n');
    expect(run({ file: bin, args: ['--help'], env }).stdout.toString('utf8')).toBe('stored help\n');
    rmSync(join(root, 'dist', 'cli-help-en.txt'));
    const fallback = run({ file: bin, args: ['--help'], env });
    expect(fallback.code).toBe(0);
    expect(fallback.loaded).toEqual(expect.arrayContaining(['cli.cjs', 'cli-main.cjs']));
    expect(fallback.stdout.equals(original.stdout)).toBe(true);
  });

  it('with other arguments, the program answers (the stored text is only for --help or -h alone)', () => {
    const { env } = isolatedEnv({ LANG: 'C' });
    for (const args of [
      ['--help', '--lang', 'ja'],
      ['list', '--help'],
      ['--no-color', '-h'],
    ]) {
      const r = run({ file: BIN, args, env });
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.loaded, args.join(' ')).toContain('cli-main.cjs');
    }
    const ja = run({ file: BIN, args: ['--help', '--lang', 'ja'], env });
    expect(ja.stdout.equals(readFileSync(join(ROOT, 'dist', 'cli-help-ja.txt')))).toBe(true);
  });

  it('a reader that is already gone: exit 0 and no stack trace, as for the whole program', async () => {
    const { env } = isolatedEnv({ LANG: 'C' });
    for (const args of [['--help'], ['--version']]) {
      const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      // Closed long before the child has started Node, let alone written.
      child.stdout.destroy();
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      expect(code, args.join(' ')).toBe(0);
      expect(stderr, args.join(' ')).toBe('');
    }
  });
});
