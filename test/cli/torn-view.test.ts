import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, runCli, tempDir } from '../helpers/cli.js';
import { generateSource, genName } from '../helpers/generated-source.js';

/**
 * Found by the race test (issue 8): `uninstall` reads no folder renders, so while another run is switching an
 * agent installed with --from (file already ja, manifest still en), the file looked "edited since agentpack
 * installed it" and uninstall refused with CONFLICT. A conflict seen without the lock is now checked again under
 * it, where the other run has finished.
 */
describe('a conflict seen while another run is half-way', () => {
  it('is planned again under the lock: the waiting uninstall succeeds once the other run is done', async () => {
    const { env } = isolatedEnv();
    const source = generateSource({ count: 1 });
    const agent = genName(0);
    const dir = join(tempDir(), 'agents');
    const other = join(tempDir(), 'agents');
    for (const [d, locale] of [
      [dir, 'en'],
      [other, 'ja'],
    ] as const) {
      expect((await runCli(['install', agent, '--from', source.dir, '--locale', locale, '--dir', d], { env })).code).toBe(0);
    }
    // The other run, half-way through `locale ja`: file switched, manifest not yet, lock held.
    const file = join(dir, `${agent}.md`);
    const lock = join(dir, '.agentpack.lock');
    writeFileSync(file, readFileSync(join(other, `${agent}.md`)));
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname() }));

    // Deterministic part: while the lock is held, the answer is "another run is working" — not a false CONFLICT.
    const busy = await runCli(['uninstall', agent, '--dir', dir], { env: { ...env, AGENTPACK_LOCK_TIMEOUT_MS: '300' } });
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain('LOCK_TIMEOUT');
    expect(busy.stderr).not.toContain('CONFLICT');

    const waiting = runCli(['uninstall', agent, '--dir', dir], { env: { ...env, AGENTPACK_LOCK_TIMEOUT_MS: '20000' } });
    await sleep(500);
    // The other run finishes: its manifest records the ja file (the same entry as a ja install from that folder).
    writeFileSync(join(dir, '.agentpack.json'), readFileSync(join(other, '.agentpack.json')));
    unlinkSync(lock);
    const r = await waiting;
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
