import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AGENT } from '../helpers/agentpack.js';
import { isolatedEnv, runCli } from '../helpers/cli.js';
import { hashTree } from '../helpers/tree.js';

/**
 * Permission bits do not stop root, and these tests may run as root (in containers and CI they do).
 * Then the CLI runs under `setpriv` without the capabilities that override file permissions
 * (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER), so a mode-555 folder is truly read-only for it while
 * the checkout stays readable wherever it is (a user switch to 65534 fails on a private checkout folder).
 * A probe checks that the CLI's process really cannot write; only if it can are the tests skipped, with that reason.
 */
const isRoot = process.getuid?.() === 0;
const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));
const DROP = '-dac_override,-dac_read_search,-fowner';
const prefix = isRoot && SETPRIV ? [SETPRIV, `--bounding-set=${DROP}`, `--inh-caps=${DROP}`] : [];
const ids = { prefix };

function probeReadOnly(dir: string): boolean {
  const [command, ...rest] = [...prefix, process.execPath, '-e', `require('fs').writeFileSync(${JSON.stringify(join(dir, 'probe'))}, 'x')`];
  const probe = spawnSync(command ?? process.execPath, rest);
  return probe.status !== 0 && !existsSync(join(dir, 'probe'));
}

const cleanups: string[] = [];
afterEach(() => {
  for (const dir of cleanups.splice(0)) chmodSync(dir, 0o755);
});

function readOnlyWorld() {
  const { env, home } = isolatedEnv();
  chmodSync(home, 0o755);
  chmodSync(join(home, 'tmp'), 0o777);
  const locked = join(home, 'locked');
  mkdirSync(locked);
  return { env, home, locked };
}

describe.skipIf(process.platform === 'win32')('read-only folders', () => {
  it('switching in a read-only agents folder: clear error naming the folder, exit 1, nothing changed', async (ctx) => {
    const w = readOnlyWorld();
    const dir = join(w.locked, 'agents');
    const installed = await runCli(['install', AGENT, '--locale', 'en', '--dir', dir], { env: w.env });
    expect(installed.code, installed.stderr).toBe(0);
    chmodSync(dir, 0o555);
    cleanups.push(dir);
    if (!probeReadOnly(dir)) ctx.skip('cannot make a folder read-only for the CLI here (running privileged without a user to switch to)');
    const before = hashTree(w.locked);
    const r = await runCli(['locale', 'ja', '--dir', dir], { env: w.env, cwd: w.home, ...ids });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('TARGET_NOT_WRITABLE');
    expect(r.stderr).toContain(dir);
    expect(hashTree(w.locked)).toEqual(before);
  });

  it('uninstalling from a read-only agents folder: clear error naming the folder, exit 1, the file and its manifest entry kept', async (ctx) => {
    const w = readOnlyWorld();
    const dir = join(w.locked, 'agents');
    const installed = await runCli(['install', AGENT, '--locale', 'ja', '--dir', dir], { env: w.env });
    expect(installed.code, installed.stderr).toBe(0);
    chmodSync(dir, 0o555);
    cleanups.push(dir);
    if (!probeReadOnly(dir)) ctx.skip('cannot make a folder read-only for the CLI here (running privileged without a user to switch to)');
    const before = hashTree(w.locked);
    const r = await runCli(['uninstall', AGENT, '--dir', dir], { env: w.env, cwd: w.home, ...ids });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`TARGET_NOT_WRITABLE: Cannot write in the folder ${dir}`);
    expect(hashTree(w.locked)).toEqual(before);
  });

  it('installing under a read-only parent: clear error, exit 1, no folder created', async (ctx) => {
    const w = readOnlyWorld();
    chmodSync(w.locked, 0o555);
    cleanups.push(w.locked);
    if (!probeReadOnly(w.locked)) ctx.skip('cannot make a folder read-only for the CLI here (running privileged without a user to switch to)');
    const before = hashTree(w.locked);
    const target = join(w.locked, 'agents');
    const r = await runCli(['install', AGENT, '--dir', target], { env: w.env, cwd: w.home, ...ids });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Cannot write in the folder ${target}`);
    expect(hashTree(w.locked)).toEqual(before);
    expect(existsSync(target)).toBe(false);
  });
});
