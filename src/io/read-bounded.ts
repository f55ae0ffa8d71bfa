import { constants } from 'node:fs';
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
