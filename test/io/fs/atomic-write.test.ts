import { chmodSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLeftoverTemps, prepareTemp, removeLeftoverTemps, TEMP_FILE, writeFileAtomic } from '../../../src/io/fs/atomic-write.js';
import { keepBackup } from '../../../src/io/fs/backup.js';
import { readFileState } from '../../../src/io/fs/file-state.js';
import { tempDir } from '../../helpers/cli.js';
import { namesCreatedDuring } from '../../helpers/watch.js';

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

  it('every temporary file a write makes is named by TEMP_FILE: status reports a leftover and the next run removes it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), 'old');
    const seen = await namesCreatedDuring(dir, async () => {
      await writeFileAtomic({ path: join(dir, 'a.md'), content: 'replaced', mode: 'replace' });
      await writeFileAtomic({ path: join(dir, 'a.md'), content: 'kept mode', mode: 'replace', keepPermissions: true });
      await writeFileAtomic({ path: join(dir, 'b.md'), content: 'created', mode: 'create' });
    });
    const temps = seen.filter((name) => !name.endsWith('.md'));
    expect(temps.length).toBeGreaterThan(0);
    for (const name of temps) expect(name).toMatch(TEMP_FILE);
    // A prepared file is what an interrupted run leaves behind.
    const left = basename(await prepareTemp({ dir, content: 'half' }));
    expect(left).toMatch(TEMP_FILE);
    expect(await findLeftoverTemps(dir)).toEqual([left]);
    expect(await removeLeftoverTemps(dir)).toEqual([left]);
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.md']);
  });

  it('keepPermissions keeps the permission bits of the replaced file; otherwise the file is 0644', async () => {
    const dir = tempDir();
    const path = join(dir, 'a.md');
    writeFileSync(path, 'old');
    chmodSync(path, 0o600);
    await writeFileAtomic({ path, content: 'new', mode: 'replace', keepPermissions: true });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    await writeFileAtomic({ path, content: 'newer', mode: 'replace' });
    expect(statSync(path).mode & 0o777).toBe(0o644 & ~process.umask());
  });
});
