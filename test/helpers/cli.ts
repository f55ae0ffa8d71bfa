import { execFile, execFileSync, spawn } from 'node:child_process';
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

/** Environment variables that carry the machine's certificate authorities and proxies to Node and npm. */
const NETWORK_VARIABLES = [
  'NODE_EXTRA_CA_CERTS',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'ALL_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'all_proxy',
];
/** npm settings that decide how it reaches the registry, wherever they were set (user or global npmrc, environment). */
const NPM_NETWORK_SETTINGS = [
  'registry',
  'cafile',
  'ca',
  'cert',
  'key',
  'proxy',
  'https-proxy',
  'noproxy',
  'strict-ssl',
  'globalconfig',
  'local-address',
  'replace-registry-host',
];

/**
 * An isolated environment for a test that talks to the registry: HOME is still a new temp folder, but
 * the machine's CA bundle and proxies (variables and npm's own settings, read once from `npm config list`
 * as the machine has them) come along, and npm uses `cache` (the machine's download cache by default).
 */
export function registryEnv(options: { cache?: string } = {}): { env: Record<string, string>; home: string } {
  const config = JSON.parse(execFileSync('npm', ['config', 'list', '--json'], { encoding: 'utf8' })) as Record<string, unknown>;
  const base = isolatedEnv();
  for (const name of NETWORK_VARIABLES) {
    const value = process.env[name];
    if (value !== undefined) base.env[name] = value;
  }
  for (const key of NPM_NETWORK_SETTINGS) {
    const value = config[key];
    const text = Array.isArray(value) ? value.filter((v) => v !== '').join(',') : value;
    if (text !== null && text !== undefined && text !== '') base.env[`npm_config_${key.replace(/-/g, '_')}`] = String(text);
  }
  base.env['npm_config_cache'] = options.cache ?? String(config['cache']);
  base.env['npm_config_update_notifier'] = 'false';
  base.env['npm_config_fund'] = 'false';
  base.env['npm_config_audit'] = 'false';
  return base;
}

/** Run a command (npm) and, when it fails, say why: its exit code, stderr and stdout, not just "Command failed". */
export function runTool(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; timeoutMs?: number },
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: options.env, timeout: options.timeoutMs ?? 170_000, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error) {
          const why = error.killed ? `killed after ${options.timeoutMs ?? 170_000} ms` : `exit ${String(error.code)}`;
          reject(new Error(`${command} ${args.join(' ')} failed (${why})\n--- stderr ---\n${stderr}\n--- stdout ---\n${stdout.slice(0, 4000)}`));
        } else resolve({ stdout, stderr });
      },
    );
  });
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
    // A child that exits without reading its input (help, a usage error) closes the pipe first: not an error.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}
