import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * A full listing of a folder tree — every entry with its type, mode and content hash (or link target) —
 * for asserting that a command changed nothing at all.
 */
export function hashTree(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const rel = relative(root, full);
      const info = lstatSync(full);
      const mode = (info.mode & 0o777).toString(8);
      if (info.isSymbolicLink()) out.push(`L ${rel} -> ${readlinkSync(full)}`);
      else if (info.isDirectory()) {
        out.push(`D ${rel} ${mode} ${info.mtimeMs}`);
        visit(full);
      } else out.push(`F ${rel} ${mode} ${createHash('sha256').update(readFileSync(full)).digest('hex')} ${info.mtimeMs}`);
    }
  };
  visit(root);
  return out;
}

export function sha256(bytes: Buffer | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
