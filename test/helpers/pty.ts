import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, tempDir } from './cli.js';

/** Keys as a terminal sends them. */
export const KEY = { up: '\x1b[A', down: '\x1b[B', space: ' ', enter: '\r', esc: '\x1b', ctrlC: '\x03', backspace: '\x7f' } as const;

/** Wait for text on the screen (since the last keys sent or resize), send keys, or resize the terminal (`60x24`). */
export type PtyStep = ['wait', string] | ['send', string] | ['resize', `${number}x${number}`];

export interface PtyResult {
  /** Everything printed, escape sequences included. */
  raw: string;
  /** The same without escape sequences. */
  text: string;
  code: number;
  /** The wait that never saw its text. */
  failed: { step: number; text: string } | null;
}

const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

/** Each line the terminal was given, escape sequences removed (a redraw starts a new line at `\r`). */
export function screenLines(raw: string): string[] {
  return raw.replace(ANSI, '\n').split(/\r\n|\n|\r/);
}

/**
 * The built agentpack in a real pseudo-terminal of `columns` × `rows` (python3's pty module), driven by
 * `steps`. Resolves when agentpack has exited.
 */
export function runInPty(options: {
  args: string[];
  env: Record<string, string>;
  cwd: string;
  steps: PtyStep[];
  columns?: number;
  rows?: number;
}): Promise<PtyResult> {
  const file = join(tempDir('agentpack-pty-'), 'steps.json');
  writeFileSync(file, JSON.stringify(options.steps));
  const argv = [
    join(ROOT, 'test', 'helpers', 'pty-driver.py'),
    String(options.columns ?? 100),
    String(options.rows ?? 30),
    file,
    process.execPath,
    BIN,
    ...options.args,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('python3', argv, { env: { TERM: 'xterm', ...options.env }, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', () => {
      try {
        const parsed = JSON.parse(out) as { output: string; code: number; failed: PtyResult['failed'] };
        resolve({ raw: parsed.output, text: parsed.output.replace(ANSI, ''), code: parsed.code, failed: parsed.failed });
      } catch {
        reject(new Error(`pty driver: ${err || out}`));
      }
    });
  });
}

/** Every file under `dir` (but its `tmp/`), by path, with its bytes: to show that a run changed nothing. */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string, rel: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      const relPath = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (relPath === 'tmp') continue;
      if (entry.isDirectory()) {
        out[`${relPath}/`] = '';
        walk(path, relPath);
      } else out[relPath] = readFileSync(path).toString('base64');
    }
  };
  walk(dir, '');
  return out;
}

/** The lines the picker drew: what it printed between hiding the cursor and showing it again. */
export function pickerFrames(raw: string): string[] {
  return [...raw.matchAll(/\x1b\[\?25l([\s\S]*?)(?:\x1b\[\?25h|$)/g)].flatMap((m) => screenLines(m[1] ?? ''));
}
