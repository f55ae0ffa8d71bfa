import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replace a file's content atomically: write a temporary file in the same folder (so the rename never
 * crosses a file system), flush it, then rename it over the target. Readers see the old or the new bytes,
 * never a mix. The file keeps its permission bits. The temporary name does not end in `.md`.
 */
export async function replaceFileAtomic(options: { path: string; text: string }): Promise<void> {
  const { path, text } = options;
  const mode = await stat(path).then((s) => s.mode & 0o777, () => 0o644);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
