import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

export type BoundedRead = { kind: 'ok'; bytes: Buffer } | { kind: 'not-a-file' } | { kind: 'too-large'; size: number };

/**
 * Read a regular file, at most `limit` bytes. Opened non-blocking and checked on the open handle, so a
 * FIFO, a device (`x.md -> /dev/zero`) or a file swapped after a stat can neither hang the read nor fill
 * memory; a file that grows past `limit` while being read is `too-large`, never truncated.
 */
export async function readBounded(options: { path: string; limit: number }): Promise<BoundedRead> {
  const { path, limit } = options;
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { kind: 'not-a-file' };
    if (info.size > limit) return { kind: 'too-large', size: info.size };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(info.size - total, 0) + 1, limit - total + 1, 1024 * 1024));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) return { kind: 'too-large', size: total };
    }
    return { kind: 'ok', bytes: Buffer.concat(chunks, total) };
  } finally {
    await handle.close();
  }
}

/**
 * readBounded, synchronously: the same checks on the open handle, without a promise per system call.
 * Reading many small files one after another (validate, catalogs) is several times faster this way
 * (BENCHMARKS.md); a FIFO or device still cannot block, as it is opened non-blocking and refused after fstat.
 */
export function readBoundedSync(options: { path: string; limit: number }): BoundedRead {
  const { path, limit } = options;
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { kind: 'not-a-file' };
    if (info.size > limit) return { kind: 'too-large', size: info.size };
    // One byte more than the size: a file that grew since the fstat is noticed and read on.
    let buffer = Buffer.allocUnsafe(Math.min(info.size + 1, limit + 1));
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (total > limit) return { kind: 'too-large', size: total };
        const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit + 1));
        buffer.copy(bigger, 0, 0, total);
        buffer = bigger;
      }
      const wanted = buffer.length - total;
      const bytesRead = readSync(fd, buffer, total, wanted, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) return { kind: 'too-large', size: total };
      // A short read of a regular file is its end: no further call to learn that.
      if (bytesRead < wanted) break;
    }
    return { kind: 'ok', bytes: buffer.subarray(0, total) };
  } finally {
    closeSync(fd);
  }
}
