import { randomBytes } from 'node:crypto';
import { link, lstat, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AgentpackError } from '../../core/errors.js';
import { errnoOf } from './errors.js';

/**
 * Temporary files are `.agentpack-<pid>-<random>.tmp`: hidden, and not `*.md`, so Claude Code never loads one.
 * tempPath is the only place that names one, so every leftover of any writer matches this pattern.
 */
export const TEMP_FILE = /^\.agentpack-\d+-[0-9a-f]+\.tmp$/;

function tempPath(dir: string): string {
  return join(dir, `.agentpack-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

/** What agentpack's own files get (before the umask). */
const DEFAULT_PERMISSIONS = 0o644;

/** Errors meaning "hard links are not available here": fall back to a checked rename. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

async function writeTemp(dir: string, content: string | Uint8Array, permissions: number): Promise<string> {
  const tmp = tempPath(dir);
  const handle = await open(tmp, 'wx', permissions);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return tmp;
}

/** Make a rename durable: fsync the folder where the platform allows it (not on Windows). */
export async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: some platforms and file systems cannot fsync a directory.
  }
}

/**
 * Write `content` to `path` atomically: a temporary file in the same folder, fsync, then rename. Readers
 * see the old bytes or the new bytes, never a mix. `mode: 'replace'` replaces whatever is at `path` — a
 * symlink there is replaced by the file, never written through (rename does not follow links).
 * `mode: 'create'` never replaces: it fails with FILE_CHANGED if something appeared at `path` meanwhile.
 * The file is 0644 unless `keepPermissions`: then it keeps the permission bits of the file it replaces
 * (a user's file edited in place, such as a translation being stamped, should not change mode).
 */
export async function writeFileAtomic(options: {
  path: string;
  content: string | Uint8Array;
  mode: 'replace' | 'create';
  keepPermissions?: boolean;
}): Promise<void> {
  const { path, content, mode } = options;
  const dir = dirname(path);
  const permissions = options.keepPermissions
    ? await stat(path).then(
        (s) => s.mode & 0o777,
        () => DEFAULT_PERMISSIONS,
      )
    : DEFAULT_PERMISSIONS;
  const tmp = await writeTemp(dir, content, permissions);
  await commitTemp({ tmp, path, mode });
  await syncDir(dir);
}

/**
 * The first half of writeFileAtomic: `content` in a new temporary file of `dir`, fsynced and closed, ready
 * for commitTemp. Many may be prepared at once (apply-plan.ts); the temporary name is never `*.md`, so a
 * prepared file is invisible to Claude Code and removed as a leftover if the run dies.
 */
export async function prepareTemp(options: { dir: string; content: string | Uint8Array }): Promise<string> {
  return writeTemp(options.dir, options.content, DEFAULT_PERMISSIONS);
}

/**
 * The second half: move a prepared temporary file to `path` (rename for 'replace', a no-clobber link for
 * 'create'), removing the temporary name in every case. The caller makes it durable with syncDir — once per
 * folder for a batch, before anything that records the change (the manifest).
 */
export async function commitTemp(options: { tmp: string; path: string; mode: 'replace' | 'create' }): Promise<void> {
  const { tmp, path, mode } = options;
  try {
    if (mode === 'replace') {
      // A rename leaves no temporary name behind.
      await rename(tmp, path);
      return;
    }
    await linkNoClobber(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
  await unlink(tmp).catch(() => undefined);
}

async function linkNoClobber(tmp: string, path: string): Promise<void> {
  try {
    await link(tmp, path);
    return;
  } catch (error) {
    const code = errnoOf(error);
    if (code === 'EEXIST') throw new AgentpackError({ code: 'FILE_CHANGED', params: { path } });
    if (!code || !NO_LINKS.has(code)) throw error;
  }
  if (await exists(path)) throw new AgentpackError({ code: 'FILE_CHANGED', params: { path } });
  await rename(tmp, path);
}

export async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return false;
    throw error;
  }
}

/** Remove temporary files left by an interrupted run. Call only while holding the folder's lock. */
export async function removeLeftoverTemps(dir: string): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(dir)) {
    if (!TEMP_FILE.test(name)) continue;
    await unlink(join(dir, name)).catch(() => undefined);
    removed.push(name);
  }
  return removed;
}

/** Leftover temporary files in a folder (for `status`); none when the folder is unreadable. */
export async function findLeftoverTemps(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => TEMP_FILE.test(name)).sort();
  } catch {
    return [];
  }
}
