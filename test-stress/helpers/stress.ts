import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statfsSync, watch } from 'node:fs';
import { join } from 'node:path';
import { parseManifest, type Manifest } from '../../src/core/manifest/manifest.js';
import { readSource } from '../../src/io/source/read-source.js';
import { renderSource } from '../../src/core/plan/folder-renders.js';
import { packageInfo } from '../../src/io/package/root.js';
import { BIN, tempDir } from '../../test/helpers/cli.js';
import type { OtherToolId } from '../../src/core/target.js';
import { toolTarget } from '../../src/core/tools/registry.js';
import { toolRenders } from '../../src/core/tools/renders.js';

/** A count from the environment (`STRESS_KILLS=200`), never below the minimum. */
export function envCount(options: { name: string; fallback: number; min?: number }): number {
  const raw = process.env[options.name];
  const value = raw === undefined || raw === '' ? options.fallback : Number(raw);
  if (!Number.isInteger(value) || value < (options.min ?? 1)) throw new Error(`${options.name} must be an integer >= ${options.min ?? 1}, got ${raw}`);
  return value;
}

/** mulberry32: a small seeded PRNG, so a failing run can be replayed with the same STRESS_SEED. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Run {
  child: ChildProcess;
  /** Resolves when the process has exited (killed or not). */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number; timedOut: boolean }>;
}

/** Spawn the built CLI. A process still running after `limitMs` is killed and reported as `timedOut` (a hang). */
export function startCli(options: { args: string[]; env: Record<string, string>; limitMs: number }): Run {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...options.args], { cwd: options.env['HOME'], env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let timedOut = false;
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.limitMs);
  const done = new Promise<Awaited<Run['done']>>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started, timedOut });
    });
  });
  return { child, done };
}

/** Every entry of an agents folder: agent files' bytes (`*.md`, or another tool's `ext`) by stem, the manifest text, and every other name. */
export interface FolderState {
  files: Map<string, string>;
  manifestText?: string;
  others: string[];
}

export function readFolder(dir: string, ext = '.md'): FolderState {
  const state: FolderState = { files: new Map(), others: [] };
  if (!existsSync(dir)) return state;
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith(ext)) state.files.set(name.slice(0, -ext.length), readFileSync(join(dir, name), 'utf8'));
    else if (name === '.agentpack.json') state.manifestText = readFileSync(join(dir, name), 'utf8');
    else state.others.push(name);
  }
  return state;
}

/** The manifest with the product's own parser: it must parse whenever it exists. */
export function parsedManifest(text: string | undefined): Manifest | undefined {
  if (text === undefined) return undefined;
  const parsed = parseManifest(text);
  if (!parsed.ok) throw new Error(`manifest does not parse: ${parsed.detail}\n${text.slice(0, 500)}`);
  return parsed.manifest;
}

/** What the product renders for each agent of a source folder, by locale (for `tool`, converted to its format): the "complete new content". */
export async function sourceRenders(options: { from: string; cwd: string; tool?: OtherToolId }): Promise<Map<string, Map<string, string>>> {
  const scan = await readSource({ from: options.from, cwd: options.cwd });
  const pkg = renderSource({
    catalog: scan.catalog,
    version: packageInfo().version,
    from: options.from,
    root: scan.root,
    single: scan.single,
    picks: scan.picks,
  });
  const renders = options.tool === undefined ? pkg : toolRenders({ pkg, tool: toolTarget(options.tool) }).pkg;
  const out = new Map<string, Map<string, string>>();
  for (const [name, agent] of renders.agents) out.set(name, new Map([...agent.renders].map(([locale, r]) => [locale, r.content])));
  return out;
}

/** Temporary files of an interrupted write: `.agentpack-<pid>-<hex>.tmp` (src/io/fs/atomic-write.ts). */
export const TEMP_FILE = /^\.agentpack-\d+-[0-9a-f]+\.tmp$/;
export const LOCK_FILE = '.agentpack.lock';
export const BREAK_FILE = '.agentpack.lock.break';

/**
 * A new empty folder for a target, on /dev/shm when it is a writable tmpfs: fsync costs nothing there, so the
 * runs are shorter, and a SIGKILL leaves exactly what it leaves on a disk (the kernel keeps what a killed
 * process wrote; power loss is not what these tests simulate). Removed by `cleanup`.
 */
export function fastDir(prefix: string): { dir: string; cleanup: () => void } {
  let base: string | undefined;
  try {
    if (statfsSync('/dev/shm').type === TMPFS_MAGIC) base = realpathSync(mkdtempSync(join('/dev/shm', prefix)));
  } catch {
    base = undefined;
  }
  const dir = base ?? tempDir(prefix);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
const TMPFS_MAGIC = 0x01021994;

/**
 * Milliseconds from spawning `args` until the run first changes an agent file in `dir` (which must exist): a
 * temporary file appears or a `*.md` changes. With the run's result.
 */
export async function timeUntilWrite(options: {
  args: string[];
  env: Record<string, string>;
  dir: string;
  limitMs: number;
  /** The ending of the agent files (another tool's, `--target`). */
  ext?: string;
}): Promise<{ writeAt: number | undefined; result: Awaited<Run['done']> }> {
  const ext = options.ext ?? '.md';
  let writeAt: number | undefined;
  const started = Date.now();
  const watcher = watch(options.dir, (_event, name) => {
    if (writeAt === undefined && name !== null && (TEMP_FILE.test(name) || name.endsWith(ext))) writeAt = Date.now() - started;
  });
  try {
    const result = await startCli({ args: options.args, env: options.env, limitMs: options.limitMs }).done;
    return { writeAt, result };
  } finally {
    watcher.close();
  }
}
