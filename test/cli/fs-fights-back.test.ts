import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  ftruncateSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { AGENT, packageRenders, readManifestJson, userAgentsDir } from '../helpers/agentpack.js';
import { isolatedEnv, runCli, tempDir } from '../helpers/cli.js';
import { hashTree, sha256 } from '../helpers/tree.js';

/**
 * Issue 8, item 5: the file system fights back. Each case: a clear message naming the path, exit 1, and
 * nothing lost (the folder's bytes compared before and after). The read-only folder is in read-only.test.ts,
 * a file replaced between plan and apply in test-stress/plan-apply.test.ts (it needs a 60-agent folder).
 */
let EN = '';
let JA = '';
beforeAll(async () => {
  ({ en: EN, ja: JA } = await packageRenders());
});

/** A tiny tmpfs (a disk that fills up), or a skip naming why there is none (not root, no mount, not Linux). */
function tinyDisk(ctx: TestContext, sizeKb: number): string {
  if (process.platform !== 'linux') ctx.skip('a tiny tmpfs needs Linux');
  if (process.getuid?.() !== 0) ctx.skip('mounting a tmpfs needs root');
  const mnt = tempDir('agentpack-tmpfs-');
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0755`, 'tmpfs', mnt], { encoding: 'utf8' });
  if (r.status !== 0) ctx.skip(`mount -t tmpfs failed here: ${(r.stderr || r.error?.message || '').trim()}`);
  ctx.onTestFinished(() => {
    spawnSync('umount', ['-l', mnt]);
  });
  return mnt;
}

/** Fill the disk with `filler` until the file system says ENOSPC, then free `freeBytes` again. */
function fill(options: { path: string; freeBytes: number }): void {
  const fd = openSync(options.path, 'w');
  const chunk = Buffer.alloc(4096, 0x61);
  let size = 0;
  try {
    for (;;) size += writeSync(fd, chunk);
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
  }
  ftruncateSync(fd, Math.max(0, size - options.freeBytes));
  closeSync(fd);
}

describe.skipIf(process.platform === 'win32').concurrent('the file system fights back', () => {
  it('full disk (tmpfs): a switch that cannot write stops with the path and ENOSPC, exit 1, nothing lost; after freeing space the same command works', async (ctx) => {
    const mnt = tinyDisk(ctx, 256);
    const { env } = isolatedEnv();
    const dir = join(mnt, 'agents');
    expect((await runCli(['install', AGENT, '--locale', 'en', '--dir', dir], { env })).code).toBe(0);
    const filler = join(mnt, 'filler');
    // Room for the lock (one page), not for the Japanese file's temporary copy.
    fill({ path: filler, freeBytes: 4096 });
    const before = hashTree(dir);
    const r = await runCli(['locale', 'ja', '--dir', dir], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`IO_FAILED: Could not write ${join(dir, `${AGENT}.md`)} (ENOSPC)`);
    expect(r.stderr).toContain('free disk space');
    expect(hashTree(dir)).toEqual(before);
    expect(readFileSync(join(dir, `${AGENT}.md`), 'utf8')).toBe(EN);
    // Space again: the same command, no --force.
    writeFileSync(filler, '');
    const again = await runCli(['locale', 'ja', '--dir', dir], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(join(dir, `${AGENT}.md`), 'utf8')).toBe(JA);
    expect(readManifestJson(dir)?.agents[AGENT]).toMatchObject({ locale: 'ja', sha256: sha256(JA) });
  });

  it('disk completely full: not even the lock fits — the folder is named, exit 1, and no empty lock file is left behind', async (ctx) => {
    const mnt = tinyDisk(ctx, 256);
    const { env } = isolatedEnv();
    const dir = join(mnt, 'agents');
    expect((await runCli(['install', AGENT, '--locale', 'en', '--dir', dir], { env })).code).toBe(0);
    fill({ path: join(mnt, 'filler'), freeBytes: 0 });
    const before = hashTree(dir);
    for (const args of [
      ['locale', 'ja'],
      ['uninstall', AGENT],
    ]) {
      const r = await runCli([...args, '--dir', dir], { env });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toContain(`Could not write ${dir} (ENOSPC)`);
      expect(hashTree(dir)).toEqual(before);
      expect(readdirSync(dir).sort()).toEqual(['.agentpack.json', `${AGENT}.md`]);
    }
  });

  it('an agents folder that is itself a symlink: install, switch and uninstall work through it; the link stays a link', async () => {
    const { env, home } = isolatedEnv();
    const real = join(tempDir(), 'dotfiles-agents');
    mkdirSync(real);
    mkdirSync(join(home, '.claude'));
    // The user's own folder (the default scope) linked elsewhere, as dotfile managers do.
    symlinkSync(real, userAgentsDir(home));
    const installed = await runCli(['install', AGENT, '--locale', 'en'], { env });
    expect(installed.code, installed.stderr).toBe(0);
    expect(lstatSync(userAgentsDir(home)).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(real, `${AGENT}.md`), 'utf8')).toBe(EN);
    expect(readManifestJson(real)?.agents[AGENT]).toMatchObject({ locale: 'en', sha256: sha256(EN) });
    // --dir naming a link to a folder.
    const link = join(tempDir(), 'agents-link');
    symlinkSync(real, link);
    expect((await runCli(['locale', 'ja', '--dir', link], { env })).code).toBe(0);
    expect(readFileSync(join(real, `${AGENT}.md`), 'utf8')).toBe(JA);
    const status = await runCli(['status', '--json', '--dir', link], { env });
    expect(status.code, status.stdout).toBe(0);
    expect((await runCli(['uninstall', AGENT], { env })).code).toBe(0);
    expect(readdirSync(real)).toEqual([]);
    expect(lstatSync(userAgentsDir(home)).isSymbolicLink()).toBe(true);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('an installed X.md replaced by a symlink to a file outside the folder: switch and uninstall name it, exit 1, the outside file is untouched', async () => {
    const { env } = isolatedEnv();
    const dir = join(tempDir(), 'agents');
    expect((await runCli(['install', AGENT, '--locale', 'en', '--dir', dir], { env })).code).toBe(0);
    const outsideDir = tempDir('agentpack-outside-');
    const outside = join(outsideDir, 'shared.md');
    // Even a link to a file with the very bytes agentpack wrote is not agentpack's file.
    writeFileSync(outside, EN);
    const file = join(dir, `${AGENT}.md`);
    spawnSync('rm', [file]);
    symlinkSync(outside, file);
    const before = [...hashTree(dir), ...hashTree(outsideDir)];
    for (const args of [
      ['locale', 'ja'],
      ['uninstall', AGENT],
      ['install', AGENT, '--locale', 'ja'],
    ]) {
      const r = await runCli([...args, '--dir', dir], { env });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(1);
      expect(r.stderr).toContain(file);
      expect(r.stderr).toContain('symbolic link');
      expect([...hashTree(dir), ...hashTree(outsideDir)]).toEqual(before);
    }
    expect(readFileSync(outside, 'utf8')).toBe(EN);
    expect(existsSync(`${file}.bak`)).toBe(false);
  });
});
