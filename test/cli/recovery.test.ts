import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AGENT, packageRenders, readManifestJson } from '../helpers/agentpack.js';
import { isolatedEnv, runCli, tempDir } from '../helpers/cli.js';
import { hashTree, sha256 } from '../helpers/tree.js';

let EN = '';
let JA = '';
let template = '';
const { env } = isolatedEnv();

beforeAll(async () => {
  ({ en: EN, ja: JA } = await packageRenders());
  template = join(tempDir(), 'agents');
  const r = await runCli(['install', AGENT, '--locale', 'en', '--dir', template], { env });
  expect(r.code, r.stderr).toBe(0);
});

function copy(): string {
  const dir = join(tempDir(), 'agents');
  cpSync(template, dir, { recursive: true });
  return dir;
}

describe.concurrent('after an interrupted run (files are written before the manifest)', () => {
  it('a file switched whose manifest was not yet written is recognised by its bytes, not refused', async () => {
    const dir = copy();
    writeFileSync(join(dir, `${AGENT}.md`), JA);
    const listed = JSON.parse((await runCli(['list', '--json', '--dir', dir], { env })).stdout) as { agents: { installed: { dir: unknown } }[] };
    expect(listed.agents[0]?.installed.dir).toMatchObject({ locale: 'ja', state: 'ok' });
    const status = await runCli(['status', '--json', '--dir', dir], { env });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('INSTALLED_UNTRACKED');
    const r = await runCli(['locale', 'en', '--dir', dir], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, `${AGENT}.md`), 'utf8')).toBe(EN);
    expect(readManifestJson(dir)?.agents[AGENT]).toMatchObject({ locale: 'en', sha256: sha256(EN) });
  });

  it('a rendered file with no manifest at all is adopted by install without --force', async () => {
    const dir = copy();
    rmSync(join(dir, '.agentpack.json'));
    const r = await runCli(['install', AGENT, '--locale', 'en', '--dir', dir], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('already installed');
    expect(readManifestJson(dir)?.agents[AGENT]).toMatchObject({ locale: 'en', sha256: sha256(EN) });
  });

  it('leftover temporary files and a stale lock from a killed run are cleaned up by the next run', async () => {
    const dir = copy();
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    writeFileSync(join(dir, '.agentpack.lock'), JSON.stringify({ pid: dead, host: hostname() }));
    writeFileSync(join(dir, `.agentpack-${dead}-0a1b2c.tmp`), JA.slice(0, 100));
    const status = await runCli(['status', '--json', '--dir', dir], { env });
    expect(status.stdout).toContain('STALE_LOCK');
    expect(status.stdout).toContain('LEFTOVER_TEMP');
    const r = await runCli(['locale', 'ja', '--dir', dir], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, '.agentpack.lock'))).toBe(false);
    expect(existsSync(join(dir, `.agentpack-${dead}-0a1b2c.tmp`))).toBe(false);
    expect(readFileSync(join(dir, `${AGENT}.md`), 'utf8')).toBe(JA);
  });

  it('a run with nothing else to do still removes what a killed run left: stale lock, break guard, temporary files', async () => {
    const dir = copy();
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    const leftovers = ['.agentpack.lock', '.agentpack.lock.break', `.agentpack-${dead}-0a1b2c.tmp`];
    for (const name of leftovers) writeFileSync(join(dir, name), name.endsWith('.tmp') ? EN.slice(0, 50) : JSON.stringify({ pid: dead, host: hostname() }));
    const manifest = readFileSync(join(dir, '.agentpack.json'), 'utf8');
    const r = await runCli(['locale', 'en', '--dir', dir], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('nothing to do');
    for (const name of leftovers) expect(existsSync(join(dir, name)), name).toBe(false);
    expect(readFileSync(join(dir, `${AGENT}.md`), 'utf8')).toBe(EN);
    expect(readFileSync(join(dir, '.agentpack.json'), 'utf8')).toBe(manifest);
    // Negative control: a live lock is another run at work, not a leftover; a run with nothing to do leaves it alone.
    writeFileSync(join(dir, '.agentpack.lock'), JSON.stringify({ pid: process.pid, host: hostname() }));
    expect((await runCli(['locale', 'en', '--dir', dir], { env })).code).toBe(0);
    expect(existsSync(join(dir, '.agentpack.lock'))).toBe(true);
  });

  it('a live lock is waited for, then LOCK_TIMEOUT names the lock file; nothing changes', async () => {
    const dir = copy();
    writeFileSync(join(dir, '.agentpack.lock'), JSON.stringify({ pid: process.pid, host: hostname() }));
    const before = hashTree(dir);
    const r = await runCli(['locale', 'ja', '--dir', dir], { env: { ...env, AGENTPACK_LOCK_TIMEOUT_MS: '200' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('LOCK_TIMEOUT');
    expect(r.stderr).toContain(join(dir, '.agentpack.lock'));
    expect(hashTree(dir)).toEqual(before);
  });

  it('a manifest that does not parse is never reset: writing commands stop with MANIFEST_INVALID, status fails', async () => {
    const dir = copy();
    writeFileSync(join(dir, '.agentpack.json'), '{"version": 1, "agents": {');
    const before = hashTree(dir);
    for (const args of [
      ['install', AGENT],
      ['uninstall', AGENT, '--force'],
    ]) {
      const r = await runCli([...args, '--dir', dir], { env });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`MANIFEST_INVALID: The manifest ${join(dir, '.agentpack.json')} cannot be read`);
    }
    expect(hashTree(dir)).toEqual(before);
    const status = await runCli(['status', '--dir', dir], { env });
    expect(status.code).toBe(1);
    expect(status.stdout).toContain('MANIFEST_INVALID');
  });
});
