import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, isolatedEnv } from '../helpers/cli.js';
import { runInPty } from '../helpers/pty.js';

// Nothing ever waits for a key without a terminal: standard input a pipe that stays open, `CI` set, `--yes` or
// `--json` give the behaviour of before the picker (install with no names is the USAGE error, exit 2). The
// timeouts below only stop a run that would hang; they measure nothing.

/** The built binary with standard input a pipe that is never closed nor written to. */
function withOpenStdin(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd: env['HOME'], stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(guard);
      child.stdin.destroy();
      resolve({ code, stdout, stderr });
    });
  });
}

const USAGE = /^error USAGE: Name at least one agent, or use --all\.\nhint: Run agentpack install --help for usage\.\n$/;
const crlf = (text: string): string => text.replace(/\r\n/g, '\n');

describe('without a terminal, nothing waits', () => {
  it('install with no names, standard input an open pipe: the USAGE error at once, nothing written', async () => {
    const { env, home } = isolatedEnv();
    const r = await withOpenStdin(['install'], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(USAGE);
    // The alias, from a folder: the same error, with the command that lists that folder's agents.
    const alias = await withOpenStdin(['add', '--from', home], env);
    expect(alias.code).toBe(2);
    expect(crlf(alias.stderr)).toBe(
      `error USAGE: Name at least one agent, or use --all. The agents of ${home}: agentpack list --from ${home}\nhint: Run agentpack install --help for usage.\n`,
    );
    expect(existsSync(join(home, '.claude'))).toBe(false);
  });

  it('agentpack alone with standard input an open pipe: no picker, it ends by itself', async () => {
    const { env } = isolatedEnv();
    const r = await withOpenStdin([], env);
    expect(r.code).not.toBeNull();
    expect(`${r.stdout}${r.stderr}`).toContain('Usage: agentpack');
    expect(`${r.stdout}${r.stderr}`).not.toContain('What do you want to do?');
  });

  it('in a terminal with CI set, --yes, -y or --json: the same refusal as without a terminal', async () => {
    const { env, home } = isolatedEnv();
    const piped = await withOpenStdin(['install'], env);
    const json = await withOpenStdin(['install', '--json'], env);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'USAGE' } });
    const runs: { args: string[]; extra: Record<string, string>; expected: string }[] = [
      { args: ['install'], extra: { CI: 'true' }, expected: piped.stderr },
      { args: ['install'], extra: { CI: '1' }, expected: piped.stderr },
      { args: ['install', '--yes'], extra: {}, expected: piped.stderr },
      { args: ['i', '-y'], extra: {}, expected: piped.stderr },
      { args: ['install', '--json'], extra: {}, expected: json.stdout },
    ];
    for (const { args, extra, expected } of runs) {
      const r = await runInPty({ args, env: { ...env, ...extra }, cwd: home, steps: [] });
      const label = `${args.join(' ')} ${JSON.stringify(extra)}`;
      expect(r.code, label).toBe(2);
      // With --json the envelope comes first (a terminal on stderr also gets the error in words, as before).
      if (args.includes('--json')) expect(crlf(r.text).startsWith(expected), label).toBe(true);
      else expect(crlf(r.text), label).toBe(expected);
      expect(r.text, label).not.toContain('Agents to install');
    }
    expect(existsSync(join(home, '.claude'))).toBe(false);
  });

  it('agentpack alone in a terminal with CI set: the program, not the picker; CI=false opens it (negative control)', async () => {
    const { env, home } = isolatedEnv();
    const ci = await runInPty({ args: [], env: { ...env, CI: 'true' }, cwd: home, steps: [] });
    expect(ci.text).toContain('Usage: agentpack');
    expect(ci.text).not.toContain('What do you want to do?');
    const open = await runInPty({
      args: [],
      env: { ...env, CI: 'false' },
      cwd: home,
      steps: [
        ['wait', 'What do you want to do?'],
        ['send', '\x1b'],
        ['wait', 'Cancelled'],
      ],
    });
    expect(open.failed).toBeNull();
    expect(open.code).toBe(1);
    // An invalid global option is the usage error it was, even in a terminal.
    const bad = await runInPty({ args: ['--lang', 'fr'], env, cwd: home, steps: [] });
    expect(bad.code).toBe(2);
    expect(bad.text).toMatch(/^error USAGE: /);
  });
});
