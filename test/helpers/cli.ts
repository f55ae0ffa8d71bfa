import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The executable as package.json's `bin` names it (dist/cli.js is a shim that imports it). */
export const BIN = join(ROOT, 'dist', 'cli.cjs');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A fresh temporary folder (real path, so symlinked /tmp does not confuse path comparisons). */
export function tempDir(prefix = 'agentpack-test-'): string {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}

/**
 * An isolated environment: HOME points at a new temp folder, no inherited locale or Claude variables,
 * so a test can never read or write the real `~`.
 */
export function isolatedEnv(extra: Record<string, string | undefined> = {}): { env: Record<string, string>; home: string } {
  const home = tempDir('agentpack-home-');
  mkdirSync(join(home, 'tmp'), { recursive: true });
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: home,
    USERPROFILE: home,
    TMPDIR: join(home, 'tmp'),
    LANG: 'C',
    NO_COLOR: '1',
  };
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return { env, home };
}

/** Spawn the built binary and collect its output and exit code. */
export function runCli(
  args: string[],
  options: { env?: Record<string, string>; cwd?: string; input?: string; timeoutMs?: number; uid?: number; gid?: number; prefix?: string[] } = {},
): Promise<CliResult> {
  const env = options.env ?? isolatedEnv().env;
  return new Promise((resolve, reject) => {
    const ids = { ...(options.uid !== undefined ? { uid: options.uid } : {}), ...(options.gid !== undefined ? { gid: options.gid } : {}) };
    // `prefix` runs the binary through a wrapper command (e.g. setpriv dropping root's override capabilities).
    const [command, ...rest] = [...(options.prefix ?? []), process.execPath, BIN, ...args];
    const child = spawn(command ?? process.execPath, rest, { cwd: options.cwd ?? env['HOME'] ?? ROOT, env, stdio: ['pipe', 'pipe', 'pipe'], ...ids });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}
