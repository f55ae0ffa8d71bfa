import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AgentpackError } from '../../../src/core/errors.js';
import { CLAUDE_OFFLINE_ENV, claudeProbeEnv, probeClaudeAgents } from '../../../src/io/claude/probe.js';
import { tempDir } from '../../helpers/cli.js';

// The real Claude Code is exercised by `npm run test:claude`; here stand-in programs pin the protocol
// handling, the environment and the errors.
const ANSWER = JSON.stringify({
  type: 'control_response',
  response: {
    subtype: 'success',
    request_id: 'agentpack-init',
    response: { claude_code_version: '9.9.9', agents: [{ name: 'ml-engineer', description: '説明', model: 'sonnet' }] },
  },
});

/** A stand-in `claude`: a shell script that records its stdin, arguments and environment next to itself. */
function fakeClaude(body: string): { bin: string; dir: string } {
  const dir = tempDir('agentpack-fake-claude-');
  const bin = join(dir, 'claude');
  writeFileSync(
    bin,
    `#!/bin/sh\nHERE="${dir}"\nenv > "${dir}/env.txt"\nprintf '%s\\n' "$@" > "${dir}/args.txt"\necho "$TMPDIR" > "${dir}/tmpdir.txt"\n${body}\n`,
  );
  chmodSync(bin, 0o755);
  return { bin, dir };
}

async function failure(promise: Promise<unknown>): Promise<AgentpackError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AgentpackError);
  return error as AgentpackError;
}

const userEnv = { PATH: process.env['PATH'], HOME: '/home/someone', ANTHROPIC_API_KEY: 'secret', FOO: 'bar', LANG: 'ja_JP.UTF-8' };

describe.skipIf(process.platform === 'win32')('probeClaudeAgents', () => {
  it('sends one initialize request and returns the agents of the answer, ignoring other lines', async () => {
    const { bin, dir } = fakeClaude(`cat > "$HERE/stdin.txt"\necho '{"type":"system","subtype":"init"}'\necho 'not json'\necho '${ANSWER}'`);
    const result = await probeClaudeAgents({ bin, env: userEnv, cwd: dir });
    expect(result.version).toBe('9.9.9');
    expect(result.agents).toEqual([{ name: 'ml-engineer', description: '説明', model: 'sonnet' }]);
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(JSON.parse(readFileSync(join(dir, 'stdin.txt'), 'utf8'))).toEqual({
      type: 'control_request',
      request_id: 'agentpack-init',
      request: { subtype: 'initialize' },
    });
    const args = readFileSync(join(dir, 'args.txt'), 'utf8').trim().split('\n');
    expect(args).toEqual(expect.arrayContaining(['-p', 'stream-json', '--strict-mcp-config', '--no-session-persistence']));
    // Flag settings outrank the user's: no hooks, and the offline variables even if settings.json unsets them.
    expect(JSON.parse(args[args.indexOf('--settings') + 1] ?? '')).toEqual({ disableAllHooks: true, env: CLAUDE_OFFLINE_ENV });
  });

  it('runs with an environment built from scratch, offline, with a temporary folder it removes', async () => {
    const { bin, dir } = fakeClaude(`echo '${ANSWER}'`);
    await probeClaudeAgents({ bin, env: { ...userEnv, CLAUDE_CONFIG_DIR: '/cfg' }, cwd: dir });
    const env = Object.fromEntries(
      readFileSync(join(dir, 'env.txt'), 'utf8')
        .split('\n')
        .filter((l) => l.includes('='))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    expect(env['HOME']).toBe('/home/someone');
    expect(env['CLAUDE_CONFIG_DIR']).toBe('/cfg');
    expect(env['LANG']).toBe('C.UTF-8');
    expect(env['ANTHROPIC_API_KEY']).toBeUndefined();
    expect(env['FOO']).toBeUndefined();
    for (const [key, value] of Object.entries(CLAUDE_OFFLINE_ENV)) expect(env[key]).toBe(value);
    const tmp = readFileSync(join(dir, 'tmpdir.txt'), 'utf8').trim();
    expect(tmp).toMatch(/agentpack-claude-/);
    expect(existsSync(tmp)).toBe(false);
  });

  it('claudeProbeEnv passes only PATH, home and config variables through', () => {
    expect(claudeProbeEnv({ PATH: '/bin', HOME: '/h', CLAUDE_CONFIG_DIR: '', SECRET: 'x' })).toEqual({
      PATH: '/bin',
      HOME: '/h',
      LANG: 'C.UTF-8',
      ...CLAUDE_OFFLINE_ENV,
    });
  });

  it('says CLAUDE_NOT_FOUND when there is no such binary', async () => {
    const error = await failure(probeClaudeAgents({ bin: join(tempDir(), 'no-claude'), env: userEnv, cwd: tempDir() }));
    expect(error.code).toBe('CLAUDE_NOT_FOUND');
  });

  it('says CLAUDE_PROBE_FAILED with the first line of stderr when it exits without an answer', async () => {
    const { bin, dir } = fakeClaude(`echo 'boom: unknown option' >&2\necho second >&2\nexit 3`);
    const error = await failure(probeClaudeAgents({ bin, env: userEnv, cwd: dir }));
    expect(error.code).toBe('CLAUDE_PROBE_FAILED');
    expect(error.params).toEqual({ detail: 'boom: unknown option' });
  });

  it("says CLAUDE_PROBE_FAILED with Claude Code's own message when it answers with an error", async () => {
    const answer = JSON.stringify({ type: 'control_response', response: { subtype: 'error', request_id: 'agentpack-init', error: 'not now' } });
    const { bin, dir } = fakeClaude(`echo '${answer}'`);
    const error = await failure(probeClaudeAgents({ bin, env: userEnv, cwd: dir }));
    expect(error.params).toEqual({ detail: 'not now' });
  });

  it('says CLAUDE_PROBE_TIMEOUT and stops it when it does not answer in time', async () => {
    const { bin, dir } = fakeClaude('exec sleep 30');
    const error = await failure(probeClaudeAgents({ bin, env: userEnv, cwd: dir, timeoutMs: 300 }));
    expect(error.code).toBe('CLAUDE_PROBE_TIMEOUT');
    expect(error.params).toEqual({ seconds: 1 });
  });

  it('keeps an answer that came before it had to be stopped', async () => {
    const { bin, dir } = fakeClaude(`echo '${ANSWER}'\nexec sleep 30`);
    const result = await probeClaudeAgents({ bin, env: userEnv, cwd: dir, timeoutMs: 500 });
    expect(result.agents.map((a) => a.name)).toEqual(['ml-engineer']);
  });
});
