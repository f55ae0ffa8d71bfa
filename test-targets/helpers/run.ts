import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { inject } from 'vitest';
import { tempDir } from '../../test/helpers/cli.js';
import type { Client, Program } from './pinned.js';

/** An agent as a client reports it: the name it answers to and the description it shows. */
export interface LoadedAgent {
  name: string;
  description: string;
}

export interface ProbeResult {
  /** Every agent the client loaded, its built-in ones included, in its order. */
  agents: LoadedAgent[];
  /** What the client said about files it skipped or rejected (stderr or its log), one entry per message. */
  problems: string[];
  code: number | null;
  durationMs: number;
  /** The local model endpoint the client was given (`http://127.0.0.1:<port>`), for the clients that need one. */
  endpoint?: string;
}

/**
 * How a probe runs its client: `prefix` is a wrapper command (strace) put before it; `relocated` is the value of
 * the client's own folder variable (OpenCode XDG_CONFIG_HOME, Gemini CLI GEMINI_CLI_HOME, Qwen Code QWEN_HOME),
 * where its settings then go too.
 */
export interface ProbeOptions {
  prefix?: readonly string[];
  relocated?: string;
}

/** Where a probe runs: a home (user scope) and a project folder, both fresh and empty. */
export interface Place {
  home: string;
  project: string;
}

const clients = inject('targetClients');

/** The client's program, or undefined when the suite skips its tests (only outside CI). */
export function clientOf(client: Client): Program | undefined {
  return clients[client];
}

const made: string[] = [];

/**
 * A fresh home and project, the project a git repository (the clients find the project root by git). Removed
 * by `removePlaces` when the test file ends: some clients unpack themselves into the home (Copilot CLI: 235 MB).
 */
export function freshPlace(prefix: string): Place {
  const root = tempDir(`agentpack-${prefix}-`);
  made.push(root);
  const home = join(root, 'home');
  const project = join(root, 'project');
  mkdirSync(join(home, 'tmp'), { recursive: true });
  mkdirSync(project, { recursive: true });
  mkdirSync(join(project, '.git'), { recursive: true });
  return { home, project };
}

/** Remove every place this test file made. */
export function removePlaces(): void {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
}

/**
 * The base environment of every probe, built from scratch: PATH, the home, a UTF-8 locale, and proxies that
 * lead nowhere, so any connection a client tried outside this machine would fail (127.0.0.1 stays reachable
 * for the local model endpoint of the clients that need one).
 */
export function offlineEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: home,
    USERPROFILE: home,
    TMPDIR: join(home, 'tmp'),
    LANG: 'C.UTF-8',
    NO_COLOR: '1',
    HTTP_PROXY: 'http://127.0.0.1:9',
    HTTPS_PROXY: 'http://127.0.0.1:9',
    http_proxy: 'http://127.0.0.1:9',
    https_proxy: 'http://127.0.0.1:9',
    NO_PROXY: '127.0.0.1',
    no_proxy: '127.0.0.1',
    ...extra,
  };
}

/** Run a client to its end (killed after `timeoutMs`), with no standard input. */
export function runClient(
  program: Program,
  args: string[],
  options: { cwd: string; env: Record<string, string>; timeoutMs?: number; prefix?: readonly string[] | undefined },
): Promise<{ code: number | null; stdout: string; stderr: string; durationMs: number }> {
  const started = performance.now();
  const direct = program.node ? [process.execPath, program.path, ...args] : [program.path, ...args];
  const [cmd, ...argv] = [...(options.prefix ?? []), ...direct] as [string, ...string[]];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 90_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, durationMs: Math.round(performance.now() - started) });
    });
  });
}

/**
 * A throw-away model endpoint on 127.0.0.1 for the clients that only reveal their agents in the request they
 * send to a model (Gemini CLI, Copilot CLI, Qwen Code): it keeps the body of the first request and answers
 * every request with HTTP 400, so the client stops right there. No model runs, nothing leaves the machine.
 */
export async function withModelEndpoint<T>(work: (url: string, firstBody: () => string | undefined) => Promise<T>): Promise<T> {
  let body: string | undefined;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      body ??= Buffer.concat(chunks).toString('utf8');
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 400, message: 'agentpack probe', status: 'INVALID_ARGUMENT', type: 'invalid_request_error' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await work(`http://127.0.0.1:${port}`, () => body);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Remove the terminal colour codes some clients print even with NO_COLOR. */
export function plain(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** Agents sorted by name, for comparing lists whose order is the folder's. */
export function byName(agents: readonly LoadedAgent[]): LoadedAgent[] {
  return [...agents].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Durations of this test file's probes, in milliseconds. */
export const durations: number[] = [];

export function summarise(values: readonly number[]): string {
  if (values.length === 0) return 'no probes';
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return `${values.length} probes: min ${sorted[0]} ms, median ${median} ms, max ${sorted[sorted.length - 1]} ms`;
}
