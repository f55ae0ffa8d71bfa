import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

const SKIP_DIRS = new Set(['node_modules', '.git']);

/** Every `*.md` file under a folder, recursively, sorted; symlinked folders are not followed. */
export async function findMarkdownFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (current: string): Promise<void> => {
    const entries = await readdir(current, { withFileTypes: true });
    const subdirs: string[] = [];
    for (const entry of entries) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) subdirs.push(full);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && entry.name.toLowerCase().endsWith('.md')) out.push(full);
    }
    await Promise.all(subdirs.map(visit));
  };
  await visit(dir);
  return out.sort();
}
