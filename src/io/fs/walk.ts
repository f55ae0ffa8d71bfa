import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

const SKIP_DIRS = new Set(['node_modules', '.git']);
/** Folders read at once: enough to be fast, few enough never to run out of file descriptors. */
const WALK_CONCURRENCY = 16;

/** Every `*.md` file under a folder, recursively, sorted; symlinked folders are not followed. */
export async function findMarkdownFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const queue = [dir];
  let active = 0;
  await new Promise<void>((resolve, reject) => {
    const pump = (): void => {
      if (queue.length === 0 && active === 0) return resolve();
      while (active < WALK_CONCURRENCY && queue.length > 0) {
        const current = queue.shift() as string;
        active++;
        readdir(current, { withFileTypes: true }).then((entries) => {
          for (const entry of entries) {
            const full = join(current, entry.name);
            if (entry.isDirectory()) {
              if (!SKIP_DIRS.has(entry.name)) queue.push(full);
            } else if ((entry.isFile() || entry.isSymbolicLink()) && entry.name.toLowerCase().endsWith('.md')) out.push(full);
          }
          active--;
          pump();
        }, reject);
      }
    };
    pump();
  });
  return out.sort();
}
