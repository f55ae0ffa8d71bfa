import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGENT } from '../helpers/agentpack.js';
import { isolatedEnv, runCli, tempDir } from '../helpers/cli.js';

const { env } = isolatedEnv();

/**
 * A run killed between creating `.agentpack.lock` and writing its owner leaves an empty lock, which lock.ts
 * treats as stale only a second later. A run with nothing to change that meets it right away must not leave it
 * behind (the crash test's repair run did): it takes the locked path, which waits until the lock is stale and
 * breaks it.
 */
describe('an ownerless lock left by a killed run', () => {
  it('a run with nothing to change, started at once, removes it; a lock with a live owner is left to its owner', async () => {
    const dir = join(tempDir(), 'agents');
    const installed = await runCli(['install', AGENT, '--locale', 'en', '--dir', dir], { env });
    expect(installed.code, installed.stderr).toBe(0);
    const manifest = readFileSync(join(dir, '.agentpack.json'), 'utf8');

    writeFileSync(join(dir, '.agentpack.lock'), '');
    const again = await runCli(['install', AGENT, '--locale', 'en', '--dir', dir], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(existsSync(join(dir, '.agentpack.lock')), 'the empty lock is gone').toBe(false);
    expect(readFileSync(join(dir, '.agentpack.json'), 'utf8')).toBe(manifest);

    // Negative control: a lock whose owner is alive (this test's process) is someone else's run: a no-op run leaves it.
    const live = `${JSON.stringify({ pid: process.pid, host: (await import('node:os')).hostname() })}\n`;
    writeFileSync(join(dir, '.agentpack.lock'), live);
    const beside = await runCli(['install', AGENT, '--locale', 'en', '--dir', dir], { env });
    expect(beside.code, beside.stderr).toBe(0);
    expect(readFileSync(join(dir, '.agentpack.lock'), 'utf8')).toBe(live);
  });
});
