import { link, lstat, readdir, symlink, unlink } from 'node:fs/promises';
import type { FileState } from '../../core/plan/installation.js';
import { AgentpackError } from '../../core/errors.js';
import { writeFileAtomic } from './atomic-write.js';
import { errnoOf } from './errors.js';

const MAX_BACKUPS = 1000;

/** `X.md.bak`, then `X.md.bak.1`, `X.md.bak.2`, …: never `*.md`, so Claude Code does not load a backup. */
function candidate(path: string, n: number): string {
  return n === 0 ? `${path}.bak` : `${path}.bak.${n}`;
}

/** A backup of an agent file as `candidate` names it: `<name>.md.bak`, `<name>.toml.bak.<n>`, … */
const BACKUP_NAME = /\.(?:md|toml)\.bak(?:\.\d+)?$/;

/**
 * The backups a --force run kept in a folder: files and links named as a backup of an agent file (its own
 * entries only, sorted; none when it cannot be read). Another `.bak` of the user's, or a folder, is not one.
 */
export async function findBackups(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => !entry.isDirectory() && BACKUP_NAME.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** The backup name a --force run would use now (for --dry-run). */
export async function predictBackupPath(path: string): Promise<string> {
  for (let n = 0; n < MAX_BACKUPS; n++) {
    try {
      await lstat(candidate(path, n));
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return candidate(path, n);
      throw error;
    }
  }
  return candidate(path, MAX_BACKUPS);
}

/** Try each free backup name in turn; `make` fails with EEXIST / FILE_CHANGED when the name is taken. */
async function firstFree(path: string, make: (backup: string) => Promise<void>): Promise<string> {
  for (let n = 0; n < MAX_BACKUPS; n++) {
    const backup = candidate(path, n);
    try {
      await make(backup);
      return backup;
    } catch (error) {
      const taken = errnoOf(error) === 'EEXIST' || (error instanceof AgentpackError && error.code === 'FILE_CHANGED');
      if (!taken) throw error;
    }
  }
  throw new AgentpackError({ code: 'IO_FAILED', params: { path, detail: 'too many backups' } });
}

/**
 * Keep what is at `path` as a backup before agentpack replaces or removes it. A regular file's verified bytes
 * are copied (or, when `move`, the file itself is hard-linked then unlinked, so it is never absent from both
 * names); a symlink is kept as a symlink to the same target — the file it points to is never touched.
 * No existing backup is ever overwritten.
 */
export async function keepBackup(options: { path: string; state: FileState & { bytes?: Buffer }; move: boolean }): Promise<string> {
  const { path, state, move } = options;
  let backup: string;
  if (state.kind === 'symlink') {
    backup = await firstFree(path, (b) => symlink(state.target, b));
  } else if (state.kind === 'file' && state.bytes) {
    const bytes = state.bytes;
    backup = await firstFree(path, async (b) => {
      if (!move) return writeFileAtomic({ path: b, content: bytes, mode: 'create' });
      try {
        await link(path, b);
      } catch (error) {
        if (errnoOf(error) === 'EEXIST') throw error;
        await writeFileAtomic({ path: b, content: bytes, mode: 'create' });
      }
    });
  } else {
    throw new AgentpackError({ code: 'IO_FAILED', params: { path, detail: 'not a file' } });
  }
  if (move) await unlink(path);
  return backup;
}
