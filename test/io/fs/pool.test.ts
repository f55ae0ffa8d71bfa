import { describe, expect, it } from 'vitest';
import { mapLimit, runPool } from '../../../src/io/fs/pool.js';

const tick = (ms = 1): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('runPool (apply, walk and mapLimit share it)', () => {
  it('runs items pushed while it runs `limit` wide, never wider (a walk finds its folders as it goes)', async () => {
    let active = 0;
    let peak = 0;
    const done: number[] = [];
    await runPool({
      items: [0],
      limit: 4,
      fn: async (item, { push }) => {
        active++;
        peak = Math.max(peak, active);
        // The first item fans out to 20 more; none of those has children.
        if (item === 0) for (let i = 1; i <= 20; i++) push(i);
        await tick();
        done.push(item);
        active--;
      },
    });
    expect(peak).toBe(4);
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 21 }, (_, i) => i));
  });

  it('after a failure starts nothing more, and throws the first error only once the calls in flight have settled', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = runPool({
      items: Array.from({ length: 10 }, (_, i) => i),
      limit: 3,
      fn: async (item) => {
        started.push(item);
        if (item === 1) throw new Error('step 1');
        await tick(20);
        finished.push(item);
      },
    });
    await expect(run).rejects.toThrow('step 1');
    expect(started).toEqual([0, 1, 2]);
    expect(finished.sort()).toEqual([0, 2]);
  });

  it('turns a synchronous throw into the rejection, and an empty queue resolves', async () => {
    await expect(
      runPool({
        items: [1],
        limit: 2,
        fn: () => {
          throw new Error('sync');
        },
      }),
    ).rejects.toThrow('sync');
    await expect(runPool({ items: [], limit: 2, fn: async () => undefined })).resolves.toBeUndefined();
    expect(await mapLimit({ items: [], limit: 3, fn: async () => 1 })).toEqual([]);
  });
});
