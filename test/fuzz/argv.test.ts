import { spawn } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, ROOT, tempDir } from '../helpers/cli.js';
import { allCommands, programFor } from '../helpers/in-process.js';
import type { Command } from 'commander';

/**
 * Random argument vectors against the built binary: whatever the command line, agentpack answers with exit
 * 0, 1 or 2, a refusal names its error code, and nothing is INTERNAL or a stack trace. Seeded (the same
 * vectors every run); AGENTPACK_ARGV_FUZZ_RUNS=5000 runs more. Each run has its own temporary HOME, runs
 * in a project folder inside it, and a copy of the package (so `i18n stamp` never writes the repository);
 * no value is an absolute path or climbs out with `..`, so nothing is written outside that HOME.
 */
const RUNS = Number(process.env['AGENTPACK_ARGV_FUZZ_RUNS'] ?? 300);
const SEED = 20_250_808;
const PARALLEL = 8;

const { program } = programFor('en');
const commands = allCommands(program);
type Flag = { flag: string; value: boolean };
const flagsOf = (command: Command): Flag[] =>
  command.options.flatMap((o) => [o.long, o.short].filter((f): f is string => f !== undefined).map((flag) => ({ flag, value: o.required || o.optional })));
/** Every way to name a command (`list`, `ls`, `i18n stamp`, …) with its own options and the program's, hidden ones included. */
const commandLines: { words: string[]; flags: Flag[] }[] = commands.slice(1).flatMap(({ path, command }) => {
  const words = path.split(' ').slice(1);
  return [command.name(), ...command.aliases()].map((name) => ({ words: [...words.slice(0, -1), name], flags: [...flagsOf(command), ...flagsOf(program)] }));
});
/** Every option of every command, for options given to the wrong command. */
const options = commands.flatMap(({ command }) => flagsOf(command));

const safe = (s: string): boolean => !s.includes('\0') && !s.includes('..') && !/^[/~\\]/.test(s) && !/^[A-Za-z]:/.test(s);
// biome-ignore format: a hand-packed list of values
const VALUES = [
  '', ' ', '.', 'a', 'sub/dir', 'ml-engineer', 'ML-Engineer', 'ml-enginer', 'ja', 'en', 'jp', 'JA', 'ja_JP', 'ja-JP', 'fr', 'zh-CN',
  '--', '-', '---', '-x', '--=', '=', 'help', '日本語', 'エージェント', '🧪', 'e\u0301', '\u202e', '\u001b[2J', '\t', '\n', 'a b',
  'x'.repeat(300), 'y'.repeat(5000), 'ディレクトリ'.repeat(200), 'constructor', '__proto__', 'toString', '%s', '$HOME', '*', '?',
  'agents', '.claude/agents', 'file.md', 'a:b', 'plugin:name',
];
const value = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }).filter(safe) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }).filter(safe) },
);
const optionToken = (flags: readonly Flag[]): fc.Arbitrary<string[]> =>
  fc
    .constantFrom(...flags)
    .chain(({ flag, value: takes }) =>
      takes
        ? fc.oneof(
            { weight: 4, arbitrary: value.map((v) => [flag, v]) },
            { weight: 1, arbitrary: value.map((v) => [`${flag}=${v}`]) },
            { weight: 1, arbitrary: fc.constant<string[]>([flag]) },
          )
        : fc.oneof({ weight: 6, arbitrary: fc.constant<string[]>([flag]) }, { weight: 1, arbitrary: value.map((v) => [`${flag}=${v}`]) }),
    );
const tokenFor = (flags: readonly Flag[]): fc.Arbitrary<string[]> =>
  fc.oneof(
    { weight: 6, arbitrary: optionToken(flags) },
    { weight: 3, arbitrary: value.map((v) => [v]) },
    { weight: 1, arbitrary: optionToken(options) },
    { weight: 1, arbitrary: fc.constantFrom<string[]>(['--'], ['-h'], ['--help'], ['-V'], ['--lang', 'ja'], ['-n'], ['-y', '-a']) },
    // Short options in a group, also across the program and the command, and with a letter nothing has.
    { weight: 1, arbitrary: fc.constantFrom<string[]>(['-nq'], ['-nvq'], ['-pnl', 'ja'], ['-nlja'], ['-qz'], ['-ag'], ['-yl'], ['-fnt', 'codex']) },
  );
const argv: fc.Arbitrary<string[]> = fc
  .oneof(
    { weight: 12, arbitrary: fc.constantFrom(...commandLines) },
    {
      weight: 1,
      arbitrary: fc.constantFrom({ words: [] as string[], flags: flagsOf(program) }, { words: ['help'], flags: [] }, { words: ['lst'], flags: [] }),
    },
  )
  .chain(({ words, flags }) =>
    fc.tuple(fc.array(tokenFor(flags.length > 0 ? flags : options), { maxLength: 6 }), fc.boolean()).map(([rest, repeat]) => {
      const tail = rest.flat();
      // A repeated flag or option: the first tokens once more.
      return [...words, ...tail, ...(repeat ? tail.slice(0, 2) : [])];
    }),
  );

interface Outcome {
  argv: string[];
  code: number | null;
  stdout: string;
  stderr: string;
}

function runOnce(args: string[], packageBin: string): Promise<Outcome> {
  const { env, home } = isolatedEnv({ PATH: dirname(process.execPath) });
  const cwd = join(home, 'work');
  mkdirSync(join(cwd, '.git'), { recursive: true });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [packageBin, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ argv: args, code, stdout, stderr });
    });
  });
}

/** A typed refusal: `error CODE: …` (`エラー CODE: …` in Japanese) on stderr. */
const TYPED_ERROR = /^(?:error|エラー) [A-Z][A-Z0-9_]+: /m;
/** Exit 1 without a refusal: a command that found something and says what (diagnostics, a diff, updates, translations). */
const FINDINGS = /(?:^|\s)(?:error|warning|エラー|警告) [A-Z][A-Z0-9_]+\b|^@@ |^ {2}\S.*\((?:en|ja)\)$|"ok": false/m;

/** Why an outcome breaks the contract, or undefined. */
function violation(o: Outcome): string | undefined {
  const all = `${o.stdout}\n${o.stderr}`;
  if (o.code !== 0 && o.code !== 1 && o.code !== 2) return `exit ${String(o.code)}`;
  if (all.includes('INTERNAL')) return 'INTERNAL';
  if (/^ {4}at /m.test(all)) return 'a stack trace';
  if (o.code === 2 && !TYPED_ERROR.test(o.stderr)) return 'exit 2 without a typed error line';
  if (o.code === 1 && !TYPED_ERROR.test(o.stderr) && !FINDINGS.test(all)) return 'exit 1 without a typed error line or findings';
  return undefined;
}

describe('any argument vector: exit 0, 1 or 2, typed errors, never INTERNAL or a stack trace', () => {
  it('knows the commands and options it draws from', () => {
    expect(commandLines.map((c) => c.words.join(' '))).toEqual(expect.arrayContaining(['list', 'ls', 'install', 'i', 'i18n stamp', 'schema']));
    const flags = options.map((o) => o.flag);
    expect(flags).toEqual(expect.arrayContaining(['--dir', '-p', '-g', '--global', '--root', '-y', '-v', '--check', '--claude-bin', '--lang']));
    // The contract itself, on outcomes it must accept and refuse.
    expect(violation({ argv: [], code: 2, stdout: '', stderr: 'error USAGE: Unknown option --x.\nhint: …\n' })).toBeUndefined();
    expect(violation({ argv: [], code: 1, stdout: '@@ -1 +1 @@\n', stderr: '' })).toBeUndefined();
    expect(violation({ argv: [], code: 1, stdout: '', stderr: 'error INTERNAL: Unexpected error: x\n' })).toBe('INTERNAL');
    expect(violation({ argv: [], code: 1, stdout: '', stderr: 'TypeError: x\n    at f (a.js:1:1)\n' })).toBe('a stack trace');
    expect(violation({ argv: [], code: 2, stdout: '', stderr: 'Usage: …\n' })).toBe('exit 2 without a typed error line');
    expect(violation({ argv: [], code: 134, stdout: '', stderr: '' })).toBe('exit 134');
  });

  it(`${RUNS} vectors (seed ${SEED}), ${PARALLEL} at a time`, { timeout: Math.max(60_000, RUNS * 400) }, async () => {
    const root = tempDir('agentpack-argv-fuzz-');
    for (const entry of ['package.json', 'dist', 'agents', 'locales', 'schema']) cpSync(join(ROOT, entry), join(root, entry), { recursive: true });
    const bin = join(root, 'dist', 'cli.cjs');
    const vectors = fc.sample(argv, { numRuns: RUNS, seed: SEED });
    const failures: string[] = [];
    for (let i = 0; i < vectors.length; i += PARALLEL) {
      const outcomes = await Promise.all(vectors.slice(i, i + PARALLEL).map((v) => runOnce(v, bin)));
      for (const o of outcomes) {
        const why = violation(o);
        if (why) failures.push(`${why}: ${JSON.stringify(o.argv)}\n${o.stderr.slice(0, 600)}`);
      }
    }
    expect(failures, failures.join('\n\n')).toEqual([]);
  });
});
