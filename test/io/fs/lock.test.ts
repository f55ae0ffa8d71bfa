import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, LOCK_FILE } from '../../../src/io/fs/lock.js';
import { tempDir } from '../../helpers/cli.js';

/** The pid of a process that has exited (so certainly not running any more). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('folder lock', () => {
  it('is an O_EXCL file with pid and host, removed on release', async () => {
    const dir = tempDir();
    const lock = await acquireLock({ dir });
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toEqual({ pid: process.pid, host: hostname() });
    await lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('serialises holders: a second acquire waits until the first releases', async () => {
    const dir = tempDir();
    const first = await acquireLock({ dir });
    const order: string[] = [];
    const second = acquireLock({ dir, waitMs: 10_000 }).then((l) => {
      order.push('second acquired');
      return l;
    });
    await new Promise((r) => setTimeout(r, 100));
    order.push('first releases');
    await first.release();
    await (await second).release();
    expect(order).toEqual(['first releases', 'second acquired']);
  });

  it('breaks a stale lock left by a killed run (dead pid on this host)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: hostname() }));
    const lock = await acquireLock({ dir, waitMs: 0 });
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('gives up on a live lock with LOCK_TIMEOUT naming the lock file, and leaves it alone', async () => {
    const dir = tempDir();
    const held = JSON.stringify({ pid: process.pid, host: hostname() });
    writeFileSync(join(dir, LOCK_FILE), held);
    await expect(acquireLock({ dir, waitMs: 50 })).rejects.toMatchObject({ code: 'LOCK_TIMEOUT', params: { path: join(dir, LOCK_FILE) } });
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(held);
  });

  it('release never removes a lock that another run took over', async () => {
    const dir = tempDir();
    const lock = await acquireLock({ dir });
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, host: 'elsewhere' }));
    await lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
  });

  it('removes a break guard left by a run killed while breaking a stale lock, once its owner is gone', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, `${LOCK_FILE}.break`), JSON.stringify({ pid: deadPid(), host: hostname() }));
    const lock = await acquireLock({ dir, waitMs: 0 });
    expect(existsSync(join(dir, `${LOCK_FILE}.break`))).toBe(false);
    await lock.release();
    // A live breaker's guard stays.
    writeFileSync(join(dir, `${LOCK_FILE}.break`), JSON.stringify({ pid: process.pid, host: hostname() }));
    await (await acquireLock({ dir, waitMs: 0 })).release();
    expect(existsSync(join(dir, `${LOCK_FILE}.break`))).toBe(true);
  });
});
