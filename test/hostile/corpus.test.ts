/**
 * The hostile corpus (issue 8, item 1): test/fixtures/hostile/*.md with their expected outcome in
 * test/fixtures/hostile/cases.json. For every case:
 * - loadAgent (the library, in-process) returns the exact diagnostics (severity:CODE multiset), isAgent and
 *   loadableAsIs of the manifest, never throws, and leaves Object.prototype untouched;
 * - `agentpack validate <file>` exits 0 or 1 as the manifest's errors say, prints each expected code, never a
 *   stack trace, and no raw control character (ESC, BEL, C1) on stdout/stderr. Per file through the CLI's
 *   run() in-process (fast); the built binary is spawned per file for the terminal-escape cases and on
 *   the whole folder, human and --json, whose per-file results must equal the manifest;
 * - no code runs: each code case carries a payload that creates a marker file when evaluated (proved by
 *   the negative control below, which evaluates it on purpose); after the runs the marker folder is empty;
 * - nothing is written: the temporary working copy, HOME (with TMPDIR) and the marker folder are
 *   snapshotted (paths, sizes, sha256) before and after and must be identical.
 * Bounds: every committed case is small (largest 22 KiB); measured in-process each parses in < 40 ms
 * (10,000 nested '[' included, thanks to the nesting pre-scan). Time and memory of the big generated
 * cases are bounded and stated in generated.test.ts. No timing is asserted.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program/run.js';
import { DIAGNOSTIC_CODES } from '../../src/core/codes.js';
import { loadAgent } from '../../src/io/read-agent.js';
import { isolatedEnv, runCli, tempDir } from '../helpers/cli.js';
import { HOSTILE_DIR, RAW_CONTROL, readCases, snapshotTree, STACK_TRACE, type HostileCase } from '../helpers/hostile.js';

const cases = readCases();
const work = tempDir('agentpack-hostile-');
const markers = join(work, 'markers');
const copy = join(work, 'files');
const { env, home } = isolatedEnv({ HOSTILE_MARKER_DIR: markers });
const before: Record<string, string[]> = {};

beforeAll(() => {
  mkdirSync(markers);
  cpSync(HOSTILE_DIR, copy, { recursive: true });
  for (const [name, dir] of Object.entries({ copy, home, markers })) before[name] = snapshotTree(dir);
});

afterAll(() => {
  // Checked again here so that a write by any test of this file is caught, whatever ran last.
  expect(readdirSync(markers)).toEqual([]);
});

function payloadOf(text: string): string {
  return (
    text
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .find((line) => line.includes('HOSTILE_MARKER_DIR')) ?? ''
  );
}

describe('hostile corpus: manifest', () => {
  it('lists at least 40 cases, every file once, with known codes', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const files = readdirSync(HOSTILE_DIR)
      .filter((f) => f !== 'cases.json')
      .sort();
    expect(cases.map((c) => c.file).sort()).toEqual(files);
    const known = new Set<string>(DIAGNOSTIC_CODES);
    for (const c of cases) for (const d of c.expect.diagnostics) expect(known.has(d.split(':')[1] ?? '')).toBe(true);
    expect(cases.filter((c) => c.marker).length).toBeGreaterThanOrEqual(7);
  });

  it('negative control: each code payload does create its marker when evaluated on purpose', () => {
    const armed = tempDir('agentpack-armed-');
    for (const c of cases.filter((k) => k.marker)) {
      const payload = payloadOf(readFileSync(join(HOSTILE_DIR, c.file), 'utf8'));
      expect(payload, c.file).not.toBe('');
      execFileSync(process.execPath, ['-e', payload], { env: { PATH: env['PATH'] ?? '', HOSTILE_MARKER_DIR: armed } });
      expect(existsSync(join(armed, c.marker as string)), c.file).toBe(true);
    }
  });
});

describe('hostile corpus: library (loadAgent in-process)', () => {
  it.each(cases.map((c) => [c.file, c] as const))('%s', async (_file, c) => {
    const parsed = await loadAgent(join(copy, c.file));
    expect(parsed.diagnostics.map((d) => `${d.severity}:${d.code}`).sort()).toEqual(c.expect.diagnostics);
    expect({ isAgent: parsed.isAgent, loadableAsIs: parsed.loadableAsIs }).toEqual({ isAgent: c.expect.isAgent, loadableAsIs: c.expect.loadableAsIs });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    if (parsed.data) expect(Object.getPrototypeOf(parsed.data)).toBeNull();
    expect(JSON.stringify(parsed.data ?? {})).not.toMatch(/"(__proto__|constructor|prototype)"/);
  });
});

/** The CLI's entry function, in-process, with captured streams: one run per case stays fast. */
async function runInProcess(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run({
    argv,
    env,
    cwd: copy,
    stdout: { write: (t: string) => (stdout += t), isTTY: false },
    stderr: { write: (t: string) => (stderr += t), isTTY: false },
  });
  return { code, stdout, stderr };
}

function expectCleanValidate(c: HostileCase, r: { code: number | null; stdout: string; stderr: string }): void {
  const hasError = c.expect.diagnostics.some((d) => d.startsWith('error:'));
  expect(r.code, r.stderr).toBe(hasError ? 1 : 0);
  expect(r.stdout + r.stderr).not.toMatch(STACK_TRACE);
  expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
  for (const d of c.expect.diagnostics.filter((k) => !k.startsWith('info:'))) expect(r.stdout).toContain(d.split(':')[1]);
}

describe('hostile corpus: CLI validate <file> (in-process run)', () => {
  it.each(cases.map((c) => [c.file, c] as const))('%s', async (_file, c) => {
    expectCleanValidate(c, await runInProcess(['validate', c.file]));
  });
});

describe.concurrent('hostile corpus: built CLI validate <file> (spawned), terminal escape cases', () => {
  it.each(cases.filter((c) => c.file.startsWith('term-')).map((c) => [c.file, c] as const))('%s', async (_file, c) => {
    expectCleanValidate(c, await runCli(['validate', c.file], { env, cwd: copy }));
  });
});

describe('hostile corpus: the whole folder at once', () => {
  it('validate --json reports for every file what the library reports', async () => {
    const r = await runCli(['validate', '--json', '.'], { env, cwd: copy });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    const out = JSON.parse(r.stdout) as {
      files: { path: string; isAgent: boolean; loadableAsIs: boolean; diagnostics: { severity: string; code: string }[] }[];
    };
    const byPath = new Map(out.files.map((f) => [f.path, f]));
    for (const c of cases) {
      const f = byPath.get(c.file);
      expect(f, c.file).toBeDefined();
      expect(f?.diagnostics.map((d) => `${d.severity}:${d.code}`).sort(), c.file).toEqual(c.expect.diagnostics);
    }
  });

  it('validate (human) on the folder is clean of raw control characters', async () => {
    const r = await runCli(['validate', '.'], { env, cwd: copy });
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stdout + r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stdout).toContain('\\x1b'); // the escapes are shown, visibly
  });
});

describe('hostile corpus: nothing ran, nothing was written', () => {
  it('no marker file, and the working copy, HOME and marker folder are byte-identical', () => {
    expect(readdirSync(markers)).toEqual([]);
    for (const [name, dir] of Object.entries({ copy, home, markers })) expect(snapshotTree(dir), name).toEqual(before[name]);
  });
});
