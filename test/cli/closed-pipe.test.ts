import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, isolatedEnv, runCli } from '../helpers/cli.js';

interface Closed {
  /** The exit code of the command itself (not of `head`), from bash's PIPESTATUS. */
  code: number;
  firstByte: string;
  stderr: string;
}

/**
 * `command … 2>stderr | head -c 1`, through bash: a real pipe (Node's own child pipes are socket pairs whose
 * buffers would swallow the whole output), closed by `head` after the first byte.
 */
function runClosingEarly(options: { command: string[]; env: Record<string, string> }): Closed {
  const dir = mkdtempSync(join(options.env['HOME'] ?? tmpdir(), 'pipe-'));
  const quoted = options.command.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const script = `${quoted} 2>"$1/stderr" | head -c 1 >"$1/first"; echo "\${PIPESTATUS[0]}" >"$1/code"`;
  execFileSync('bash', ['-c', script, 'bash', dir], { env: options.env, cwd: options.env['HOME'], timeout: 20_000 });
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  return { code: Number(read('code').trim()), firstByte: read('first'), stderr: read('stderr') };
}

describe('a reader that closes the pipe early (agentpack … | head)', () => {
  it('the run ends with its own exit code, no EPIPE stack trace, and its files are all written', async () => {
    const { env, home } = isolatedEnv();
    const source = join(home, 'team');
    mkdirSync(source);
    const names = Array.from({ length: 300 }, (_, i) => `agent-${String(i).padStart(3, '0')}`);
    for (const [i, name] of names.entries()) {
      writeFileSync(join(source, `${name}.md`), `---\nname: ${name}\ndescription: Agent ${i} reviews things for the team.\n---\nBody ${i}.\n`);
    }
    const install = await runCli(['install', '--all', '--from', 'team', '--locale', 'en'], { env });
    expect(install.code, install.stderr).toBe(0);
    const full = await runCli(['status', '--json'], { env });
    // Far more than a pipe holds (64 KiB), so the early close is certain to meet a write.
    expect(Buffer.byteLength(full.stdout)).toBeGreaterThan(2 * 65_536);

    const status = runClosingEarly({ command: [process.execPath, BIN, 'status', '--json'], env });
    expect(status.firstByte).toBe('{');
    expect(status.code).toBe(0);
    expect(status.stderr).toBe('');

    // A command that writes: uninstalling everything while its reader is gone still removes every file
    // and leaves nothing behind, as a finished run does.
    const agents = join(home, '.claude', 'agents');
    const uninstall = runClosingEarly({ command: [process.execPath, BIN, 'uninstall', ...names, '--json'], env });
    expect(uninstall.stderr).not.toContain('EPIPE');
    expect(uninstall.code).toBe(0);
    // Nothing left: no agent file, no manifest (the last entry went), no lock, no temporary file.
    expect(readdirSync(agents)).toEqual([]);
  });

  it('negative control: the same early close kills a Node program without a handler with EPIPE', async () => {
    const { env } = isolatedEnv();
    const program = "const s='x'.repeat(65536); let n=0; (function w(){ if (n++ < 64) process.stdout.write(s, w); })();";
    const bare = runClosingEarly({ command: [process.execPath, '-e', program], env });
    expect(bare.code).not.toBe(0);
    expect(bare.stderr).toContain('EPIPE');
  });
});
