import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './cli.js';

export const HOSTILE_DIR = join(ROOT, 'test', 'fixtures', 'hostile');
const CHILD = join(ROOT, 'test', 'helpers', 'hostile-child.mjs');

export interface HostileCase {
  file: string;
  why: string;
  /** Why the expectation is what it is, where it follows Claude Code rather than the obvious guess. */
  note?: string;
  expect: { diagnostics: string[]; isAgent: boolean; loadableAsIs: boolean };
  /** File the payload would create in $HOSTILE_MARKER_DIR if anything evaluated it. */
  marker?: string;
}

export function readCases(): HostileCase[] {
  return (JSON.parse(readFileSync(join(HOSTILE_DIR, 'cases.json'), 'utf8')) as { cases: HostileCase[] }).cases;
}

/** C0 controls except tab and newline, DEL, and C1 controls: what must never reach a terminal raw. */
// eslint-disable-next-line no-control-regex
export const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Signs of a crash instead of a handled failure. */
export const STACK_TRACE = /^\s+at .+[(:]\d+|Error: .*\n\s+at |INTERNAL/m;

/** Every entry under `dir` (not following symlinks) with its type, size and content hash. */
export function snapshotTree(dir: string): string[] {
  const out: string[] = [];
  const visit = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const full = join(current, name);
      const rel = relative(dir, full);
      const info = lstatSync(full);
      if (info.isSymbolicLink()) out.push(`link ${rel} -> ${readlinkSync(full)}`);
      else if (info.isDirectory()) {
        out.push(`dir  ${rel}`);
        visit(full);
      } else out.push(`file ${rel} ${info.size} ${createHash('sha256').update(readFileSync(full)).digest('hex')}`);
    }
  };
  visit(dir);
  return out;
}

export interface ChildOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  killed: boolean;
  stdout: string;
  stderr: string;
  result?: { diagnostics: string[]; isAgent: boolean; loadableAsIs: boolean; hash?: string; rendered?: number; ms: number; rssMB: number };
}

/**
 * Parse one file in a child with a 256 MiB heap and a kill timeout: the bounds are "did not crash, did not
 * run out of memory, did not hang", never a timing.
 */
export function parseInChild(options: { mode: 'load' | 'parse'; file: string; heapMB?: number; timeoutMs?: number }): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${options.heapMB ?? 256}`, CHILD, options.mode, options.file], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' },
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const outcome: ChildOutcome = { code, signal, killed, stdout, stderr };
      try {
        if (code === 0) outcome.result = JSON.parse(stdout) as ChildOutcome['result'];
      } catch {
        // left undefined: the assertion on `result` reports stdout
      }
      resolve(outcome);
    });
  });
}
