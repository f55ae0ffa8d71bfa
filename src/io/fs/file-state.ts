import { lstatSync, readlinkSync } from 'node:fs';
import { lstat, readFile, readlink } from 'node:fs/promises';
import { contentHash } from '../../core/hash.js';
import type { FileState } from '../../core/plan/installation.js';
import { errnoOf } from './errors.js';
import { readBoundedSync } from './read-bounded.js';

/** Files larger than this are left to readFileState (a report reads hundreds of small ones synchronously). */
const SYNC_LIMIT = 16 * 1024 * 1024;

/**
 * readFileState without a promise per system call, for reports that read every installed file (`list`
 * with 1,000 agents): the same states. Opened non-blocking and checked on the handle, so a file swapped for
 * a FIFO after the lstat cannot hang the run (it is `other`); a very large file is read by readFileState.
 */
export async function readFileStateFast(path: string): Promise<FileState & { bytes?: Buffer }> {
  try {
    const info = lstatSync(path);
    if (info.isSymbolicLink()) return { kind: 'symlink', target: readlinkSync(path) };
    if (!info.isFile()) return { kind: 'other' };
    const read = readBoundedSync({ path, limit: SYNC_LIMIT });
    if (read.kind === 'not-a-file') return { kind: 'other' };
    if (read.kind === 'too-large') return await readFileState(path);
    return { kind: 'file', sha256: contentHash(read.bytes), bytes: read.bytes };
  } catch (error) {
    if (errnoOf(error) === 'ENOENT' || errnoOf(error) === 'ENOTDIR') return { kind: 'missing' };
    throw error;
  }
}

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
