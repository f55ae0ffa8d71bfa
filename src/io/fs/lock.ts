import { hostname } from 'node:os';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AgentpackError } from '../../core/errors.js';
import type { LockOwner } from '../../core/status/snapshot.js';

export type { LockOwner } from '../../core/status/snapshot.js';
import { errnoOf } from './errors.js';

/** The lock file in an agents folder; its presence means a run is changing that folder. */
export const LOCK_FILE = '.agentpack.lock';
/** Held by the one process breaking a stale lock. */
export const BREAK_FILE = '.agentpack.lock.break';
/** A lock older than this is stale even if its pid looks alive (the pid may have been reused). Runs take milliseconds. */
const LOCK_MAX_AGE_MS = 60_000;
const DEFAULT_WAIT_MS = 15_000;

export interface Lock {
  path: string;
  release(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoOf(error) === 'EPERM';
  }
}

async function readOwner(path: string): Promise<{ owner?: LockOwner; mtimeMs: number; raw: string } | undefined> {
  try {
    const [raw, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    let owner: LockOwner | undefined;
    try {
      const data = JSON.parse(raw) as Partial<LockOwner>;
      if (typeof data.pid === 'number' && typeof data.host === 'string') owner = { pid: data.pid, host: data.host };
    } catch {
      owner = undefined;
    }
    return owner ? { owner, mtimeMs: info.mtimeMs, raw } : { mtimeMs: info.mtimeMs, raw };
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Whether a lock left in a folder belongs to no running agentpack: its process is gone (same host), or it is
 * older than LOCK_MAX_AGE_MS, or it is empty/unreadable and older than a second (a writer died mid-create).
 */
function isStale(options: { owner?: LockOwner; mtimeMs: number; now: number }): boolean {
  const { owner, mtimeMs, now } = options;
  const age = now - mtimeMs;
  if (age > LOCK_MAX_AGE_MS) return true;
  if (!owner) return age > 1_000;
  return owner.host === hostname() && !isAlive(owner.pid);
}

/** Create `path` holding `text`, or false if it exists. A failed write (a full disk) leaves no empty file behind. */
async function createExclusive(path: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx', 0o644);
  } catch (error) {
    if (errnoOf(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(text);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return true;
}

/**
 * Remove a stale lock. Only one process at a time may break a lock (it holds BREAK_FILE), and it re-reads the
 * lock under that guard, so a fresh lock taken meanwhile by another process is never removed by mistake.
 */
async function breakStaleLock(dir: string, seen: string): Promise<void> {
  const guard = join(dir, BREAK_FILE);
  if (!(await createExclusive(guard, JSON.stringify({ pid: process.pid, host: hostname() })))) {
    const info = await readOwner(guard);
    if (info && isStale({ ...info, now: Date.now() })) await unlink(guard).catch(() => undefined);
    return;
  }
  try {
    const again = await readOwner(join(dir, LOCK_FILE));
    if (again && again.raw === seen && isStale({ ...again, now: Date.now() })) await unlink(join(dir, LOCK_FILE)).catch(() => undefined);
  } finally {
    await unlink(guard).catch(() => undefined);
  }
}

/**
 * A break guard left by a run killed while it broke a stale lock is removed by the next lock holder, once its
 * owner is gone: otherwise nothing would ever remove it (it is only looked at while a stale lock is there).
 */
async function removeStaleGuard(dir: string): Promise<void> {
  const guard = join(dir, BREAK_FILE);
  const info = await readOwner(guard).catch(() => undefined);
  if (info && isStale({ ...info, now: Date.now() })) await unlink(guard).catch(() => undefined);
}

/**
 * Take the folder's lock (O_EXCL create of `.agentpack.lock` holding pid and host name), waiting with short
 * random pauses while another run holds it. A stale lock is broken; a live one that outlasts `waitMs` ends
 * in LOCK_TIMEOUT naming the lock file — never a wait without end.
 */
export async function acquireLock(options: { dir: string; waitMs?: number }): Promise<Lock> {
  const { dir } = options;
  const path = join(dir, LOCK_FILE);
  const waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
  const deadline = Date.now() + waitMs;
  const text = `${JSON.stringify({ pid: process.pid, host: hostname() })}\n`;
  for (;;) {
    if (await createExclusive(path, text)) {
      await removeStaleGuard(dir);
      let released = false;
      return {
        path,
        release: async () => {
          if (released) return;
          released = true;
          // Remove only our own lock: if it was ever broken as stale, the file now belongs to another run.
          const now = await readFile(path, 'utf8').catch(() => undefined);
          if (now === text) await unlink(path).catch(() => undefined);
        },
      };
    }
    const info = await readOwner(path);
    if (info && isStale({ ...info, now: Date.now() })) {
      await breakStaleLock(dir, info.raw);
      await sleep(Math.floor(Math.random() * 5));
      continue;
    }
    if (Date.now() >= deadline) {
      const owner = info?.owner;
      throw new AgentpackError({ code: 'LOCK_TIMEOUT', params: { path, pid: owner?.pid ?? '?', host: owner?.host ?? '?' } });
    }
    await sleep(10 + Math.floor(Math.random() * 40));
  }
}

/** The lock currently in a folder, for `status`: who holds it and whether it is stale. */
export async function inspectLock(dir: string): Promise<{ path: string; owner?: LockOwner; stale: boolean } | undefined> {
  const path = join(dir, LOCK_FILE);
  const info = await readOwner(path).catch(() => undefined);
  if (!info) return undefined;
  const out: { path: string; owner?: LockOwner; stale: boolean } = { path, stale: isStale({ ...info, now: Date.now() }) };
  if (info.owner) out.owner = info.owner;
  return out;
}
