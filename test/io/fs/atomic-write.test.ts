import { lstatSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src/io/fs/atomic-write.js';
import { keepBackup } from '../../../src/io/fs/backup.js';
import { readFileState } from '../../../src/io/fs/file-state.js';
import { tempDir } from '../../helpers/cli.js';

describe('atomic writes', () => {
  it('replaces a file and leaves no temporary file behind', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), 'old');
    await writeFileAtomic({ path: join(dir, 'a.md'), content: 'new', mode: 'replace' });
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('replaces a symlink at the target by a file and never writes through it', async () => {
    const dir = tempDir();
    const outside = join(tempDir(), 'outside.md');
    writeFileSync(outside, 'outside');
    symlinkSync(outside, join(dir, 'a.md'));
    await writeFileAtomic({ path: join(dir, 'a.md'), content: 'new', mode: 'replace' });
    expect(lstatSync(join(dir, 'a.md')).isSymbolicLink()).toBe(false);
    expect(readFileSync(outside, 'utf8')).toBe('outside');
  });

  it('create mode never replaces something that appeared meanwhile', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), 'user');
    await expect(writeFileAtomic({ path: join(dir, 'a.md'), content: 'new', mode: 'create' })).rejects.toMatchObject({ code: 'FILE_CHANGED' });
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('user');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('backups never overwrite an older backup and keep a symlink as a symlink', async () => {
    const dir = tempDir();
    const path = join(dir, 'a.md');
    writeFileSync(path, 'first');
    expect(await keepBackup({ path, state: await readFileState(path), move: false })).toBe(`${path}.bak`);
    writeFileSync(path, 'second');
    expect(await keepBackup({ path, state: await readFileState(path), move: false })).toBe(`${path}.bak.1`);
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe('first');
    expect(readFileSync(`${path}.bak.1`, 'utf8')).toBe('second');
    const link = join(dir, 'b.md');
    symlinkSync('/nowhere/target.md', link);
    const backup = await keepBackup({ path: link, state: await readFileState(link), move: true });
    expect(readlinkSync(backup)).toBe('/nowhere/target.md');
    expect(() => lstatSync(link)).toThrow();
  });
});
