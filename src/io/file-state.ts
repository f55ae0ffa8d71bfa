import { lstat, readFile, readlink } from 'node:fs/promises';
import { contentHash } from '../core/canonical-hash.js';
import type { FileState } from '../core/installed-state.js';
import { errnoOf } from './fs-errors.js';

/** What is at `path`, without following a symlink; a regular file comes with its sha256 (and bytes). */
export async function readFileState(path: string): Promise<FileState & { bytes?: Buffer }> {
  try {
    const info = await lstat(path);
    if (info.isSymbolicLink()) return { kind: 'symlink', target: await readlink(path) };
    if (!info.isFile()) return { kind: 'other' };
    const bytes = await readFile(path);
    return { kind: 'file', sha256: contentHash(bytes), bytes };
  } catch (error) {
    // Gone (possibly between lstat and read, when another run removed it): that is its state now.
    if (errnoOf(error) === 'ENOENT' || errnoOf(error) === 'ENOTDIR') return { kind: 'missing' };
    throw error;
  }
}

/** Whether two states describe the same thing on disk (same kind, same bytes, same link target). */
export function sameFileState(a: FileState, b: FileState): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'file' && b.kind === 'file') return a.sha256 === b.sha256;
  if (a.kind === 'symlink' && b.kind === 'symlink') return a.target === b.target;
  return true;
}
