import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { runPool } from './pool.js';

const SKIP_DIRS = new Set(['node_modules', '.git']);
/** Folders read at once: enough to be fast, few enough never to run out of file descriptors. */
const WALK_CONCURRENCY = 16;

/** Every `*.md` file under a folder, recursively, sorted; symlinked folders are not followed. */
export async function findMarkdownFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  await runPool({
    items: [dir],
    limit: WALK_CONCURRENCY,
    fn: async (current, { push }) => {
      for (const entry of await readdir(current, { withFileTypes: true })) {
        const full = join(current, entry.name);
        if (entry.isDirectory()) {
          if (!SKIP_DIRS.has(entry.name)) push(full);
        } else if ((entry.isFile() || entry.isSymbolicLink()) && entry.name.toLowerCase().endsWith('.md')) out.push(full);
      }
    },
  });
  return out.sort();
}

/**
 * Every `*.md` file under a folder (as findMarkdownFiles), and the plugin manifests beside them
 * (`.claude-plugin/plugin.json`, `.claude-plugin/marketplace.json`), in one walk; each list sorted.
 */
export async function findCatalogFiles(dir: string): Promise<{ markdown: string[]; manifests: string[] }> {
  const markdown: string[] = [];
  const manifests: string[] = [];
  await runPool({
    items: [dir],
    limit: WALK_CONCURRENCY,
    fn: async (current, { push }) => {
      const inManifestFolder = basename(current) === '.claude-plugin';
      for (const entry of await readdir(current, { withFileTypes: true })) {
        const full = join(current, entry.name);
        if (entry.isDirectory()) {
          if (!SKIP_DIRS.has(entry.name)) push(full);
        } else if (!entry.isFile() && !entry.isSymbolicLink()) continue;
        else if (entry.name.toLowerCase().endsWith('.md')) markdown.push(full);
        else if (inManifestFolder && MANIFEST_NAMES.has(entry.name)) manifests.push(full);
      }
    },
  });
  return { markdown: markdown.sort(), manifests: manifests.sort() };
}

const MANIFEST_NAMES = new Set(['plugin.json', 'marketplace.json']);
