/**
 * Big hostile inputs, generated at test time into a temp folder (nothing huge is committed). Each file is
 * parsed by the BUILT library in a child process with a 256 MiB heap (`--max-old-space-size=256`) and a
 * 30 s kill timeout; the assertion is "returned the expected diagnostics, did not crash, did not run out of
 * memory, was not killed" — never a timing. The 50 MB file also goes through the spawned CLI with the same
 * heap limit.
 *
 * Bounds measured (Node 20, 2 cores shared with parallel work at load average ~10, so figures vary 2-3x
 * between runs; the child's own wall time for loadAgent/parseAgent + canonicalHash + renderAgent, and its
 * RSS right after, Node itself being ~55 MB):
 * - 50 MiB file: refused from the open handle's fstat (FILE_TOO_LARGE) in 1-11 ms, 57 MB RSS; handed to
 *   parseAgent as a 50 M-character string: < 1 ms, 106 MB RSS (the string itself).
 * - 100,000-line front-matter, closed or not: FRONTMATTER_TOO_LARGE / FRONTMATTER_UNCLOSED in 30-200 ms.
 * - Lines that were quadratic or cubic before the fixes, at ~2 M characters (fence or banner with a million
 *   blanks, trailing blanks in the body, a million blank lines, 50,000 banner lines): 30 ms - 1.5 s.
 * - The slowest input found within the 32 KiB front-matter limit, 16,000 '[]' pairs (one YAML error
 *   each): 0.8-2.5 s; 32,000 nested '[' are refused by the pre-scan in < 10 ms.
 * - Claude Code's lenient retry and its "---"-inside-a-line cut (readAsCut) on the same inputs: the retry never
 *   re-parses unchanged text (the '[]' flood is parsed once), the cut path re-reads ~2 M characters once, < 1 s.
 * - RSS of every case < 125 MB. Worst case overall ~2.5 s: a factor 10 below the 30 s kill.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedEnv, runCli, tempDir } from '../helpers/cli.js';
import { parseInChild, RAW_CONTROL, STACK_TRACE } from '../helpers/hostile.js';

const dir = tempDir('agentpack-hostile-big-');
const A = 'name: big\ndescription: A generated hostile case.\n';
const MB = 1024 * 1024;

interface BigCase {
  file: string;
  make: () => string | Buffer;
  diagnostics: string[];
  mode?: 'load' | 'parse';
}

const CASES: BigCase[] = [
  { file: 'big-50mb.md', make: () => Buffer.concat([Buffer.from(`---\n${A}---\n`), Buffer.alloc(50 * MB, 'x\n')]), diagnostics: ['error:FILE_TOO_LARGE'] },
  { file: 'big-50mb-as-string.md', make: () => `---\n${A}---\n${'x'.repeat(50 * MB)}`, diagnostics: ['error:FILE_TOO_LARGE'], mode: 'parse' },
  {
    file: 'fm-100k-lines.md',
    make: () => `---\n${A}${Array.from({ length: 100_000 }, (_, i) => `k${i}: v`).join('\n')}\n---\nbody\n`,
    diagnostics: ['error:FRONTMATTER_TOO_LARGE'],
  },
  { file: 'fm-100k-lines-unclosed.md', make: () => `---\n${A}${'k: v\n'.repeat(100_000)}`, diagnostics: ['error:FRONTMATTER_UNCLOSED'] },
  { file: 'fm-100k-blank-lines.md', make: () => `---\n${A}${'\n'.repeat(100_000)}---\nbody\n`, diagnostics: ['error:FRONTMATTER_TOO_LARGE'] },
  { file: 'fm-at-limit-comments.md', make: () => `---\n${A}${'#\n'.repeat(16_000)}---\nbody\n`, diagnostics: [] },
  { file: 'scalar-30k.md', make: () => `---\nname: big\ndescription: ${'word '.repeat(6_000)}\n---\nbody\n`, diagnostics: [] },
  {
    file: 'scalar-over-limit.md',
    make: () => `---\nname: big\ndescription: "${'a'.repeat(40_000)}"\n---\nbody\n`,
    diagnostics: ['error:FRONTMATTER_TOO_LARGE'],
  },
  // ~2 M characters: above Claude Code's 1 MiB file limit, so loadAgent adds FILE_TOO_LARGE after parsing (body-2m-load);
  // the other ~2 M-character cases go to parseAgent directly ('parse'), which is what they stress.
  { file: 'body-2m.md', make: () => `---\n${A}---\n${'All work and no play. '.repeat(90_000)}\n`, diagnostics: [], mode: 'parse' },
  { file: 'body-2m-load.md', make: () => `---\n${A}---\n${'All work and no play. '.repeat(90_000)}\n`, diagnostics: ['error:FILE_TOO_LARGE'] },
  { file: 'redos-fence-blanks.md', make: () => `---${' '.repeat(2 * MB - 10)}!\n`, diagnostics: ['info:NOT_AN_AGENT'] },
  // Not a banner, but text before an agent's front-matter: an agent Claude Code skips (and too large to load).
  {
    file: 'redos-banner-blanks.md',
    make: () => `> **${' '.repeat(MB - 100)}a${' '.repeat(MB - 100)}| x\n---\n${A}---\n`,
    diagnostics: ['error:FILE_TOO_LARGE', 'warning:CONTENT_BEFORE_FRONTMATTER'],
  },
  { file: 'redos-trailing-blanks.md', make: () => `---\n${A}---\nbody\n${' '.repeat(2 * MB - 100)}x\n`, diagnostics: [], mode: 'parse' },
  { file: 'blank-lines-body.md', make: () => `---\n${A}---\n${'\n'.repeat(2 * MB - 100)}x\n`, diagnostics: [], mode: 'parse' },
  { file: 'banner-lines-body.md', make: () => `---\n${A}---\n${'> **[English](a.md)** | **日本語**\n'.repeat(50_000)}x\n`, diagnostics: [], mode: 'parse' },
  {
    file: 'redos-colon-retry.md',
    make: () => `---\n${A}bad: a: b\nx: ${' '.repeat(30_000)}\u2028y\n---\nbody\n`,
    diagnostics: ['warning:UNKNOWN_KEY', 'warning:UNKNOWN_KEY', 'warning:YAML_LENIENT'],
  },
  // Claude Code's retry quotes a value of 16,000 "[]" (not one flow list) and loads it; parsed once, not three times.
  { file: 'yaml-error-flood.md', make: () => `---\n${A}x: ${'[]'.repeat(16_000)}\n---\nbody\n`, diagnostics: ['warning:UNKNOWN_KEY', 'warning:YAML_LENIENT'] },
  { file: 'yaml-brackets-32k.md', make: () => `---\n${A}x: ${'['.repeat(32_000)}\n---\nbody\n`, diagnostics: ['error:YAML_TOO_DEEP'] },
  // "x1" (a digit) is a key Claude Code's retry leaves alone, so the strict error stands and the cut-short check
  // runs: it must not hand the 2 MB that follow to the YAML parser.
  { file: 'cut-short-huge-body.md', make: () => `---\n${A}x1: [\n---\n${'[]'.repeat(MB - 100)}\n---\n`, diagnostics: ['error:YAML_INVALID'], mode: 'parse' },
  // A "---" inside a line ends the front-matter as in Claude Code (readAsCut), followed by ~2 M characters.
  {
    file: 'cut-in-line-huge-body.md',
    make: () => `---\n${A}x: a --- b\n---\n${'All work and no play. '.repeat(90_000)}\n`,
    diagnostics: ['warning:FRONTMATTER_ENDS_EARLY', 'warning:UNKNOWN_KEY'],
    mode: 'parse',
  },
  {
    file: 'cut-in-line-blank-lines.md',
    make: () => `---\n${A}x: a ---${'\n'.repeat(2 * MB - 200)}b\n`,
    diagnostics: ['warning:FRONTMATTER_ENDS_EARLY', 'warning:UNKNOWN_KEY'],
    mode: 'parse',
  },
];

const measured: string[] = [];

beforeAll(() => {
  for (const c of CASES) writeFileSync(join(dir, c.file), c.make());
});

afterAll(() => {
  // One line in the test log, for the bounds stated above (informational, never asserted).
  if (measured.length > 0) console.info(`hostile big inputs (time, RSS after parse): ${measured.join('; ')}`);
});

describe('generated hostile inputs (child process, 256 MiB heap, 30 s kill)', () => {
  it.each(CASES.map((c) => [c.file, c] as const))(
    '%s',
    async (_file, c) => {
      const out = await parseInChild({ mode: c.mode ?? 'load', file: join(dir, c.file) });
      expect(out.killed, 'killed after 30 s').toBe(false);
      expect(out.signal).toBeNull();
      expect(out.stderr).toBe('');
      expect(out.code, out.stdout).toBe(0);
      expect(out.result?.diagnostics).toEqual(c.diagnostics);
      measured.push(`${c.file} ${out.result?.ms} ms ${out.result?.rssMB} MB`);
    },
    60_000,
  );

  it('the spawned CLI refuses the 50 MB file with a 256 MiB heap, without a stack trace', async () => {
    const { env } = isolatedEnv({ NODE_OPTIONS: '--max-old-space-size=256' });
    const r = await runCli(['validate', join(dir, 'big-50mb.md')], { env, cwd: dir, timeoutMs: 30_000 });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FILE_TOO_LARGE');
    expect(r.stdout + r.stderr).not.toMatch(STACK_TRACE);
  }, 60_000);

  it('a file name made of escape sequences is shown escaped', async () => {
    const name = 'evil-\u001b[2J\u001b]0;title\u0007.md';
    writeFileSync(join(dir, name), `---\n${A}---\nbody\n`);
    const { env } = isolatedEnv();
    // --verbose: the clean file is listed by name.
    const r = await runCli(['validate', name, '--verbose'], { env, cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('evil-\\x1b[2J\\x1b]0;title\\x07.md');
  });
});
