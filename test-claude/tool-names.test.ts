import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLAUDE_CODE_VERSION, CLAUDE_TOOL_ALIASES, CLAUDE_TOOL_NAMES } from '../src/core/claude/tool-names.js';
import { CLAUDE_PROBE_ARGS, claudeProbeEnv } from '../src/io/claude/probe.js';
import { ROOT, runTool, tempDir } from '../test/helpers/cli.js';
import { claudeBin, claudeVersion, freshHome } from './helpers/ask-claude.js';
import { PIN } from './helpers/pinned.js';

/**
 * src/core/claude/tool-names.ts is what `node scripts/claude-tools.mjs` reads out of the pinned Claude Code:
 * re-derive it from the binary and compare byte for byte (a version bump without regenerating fails here),
 * then check the list against what the running binary enables, with made-up and retired names as controls.
 */

const SCRIPT = join(ROOT, 'scripts', 'claude-tools.mjs');
const GENERATED = join(ROOT, 'src', 'core', 'claude', 'tool-names.ts');
const MADE_UP = 'AgentpackNoSuchTool';
/** In the hand-written KNOWN_TOOLS of src/core/agent/fields.ts, but not in Claude Code 2.1.332. */
const RETIRED = ['BashOutput', 'LS', 'MultiEdit', 'NotebookRead', 'SlashCommand'];
const CLASSIC = ['Agent', 'Bash', 'Edit', 'Glob', 'Grep', 'NotebookEdit', 'Read', 'Task', 'TodoWrite', 'WebFetch', 'WebSearch', 'Write'];
const NEWER = [
  'CronCreate',
  'EnterPlanMode',
  'EnterWorktree',
  'LSP',
  'PowerShell',
  'SendMessage',
  'TaskCreate',
  'TaskGet',
  'TaskList',
  'TaskStop',
  'TaskUpdate',
  'ToolSearch',
];

interface Derived {
  version: string;
  names: string[];
  canonical: string[];
  aliases: Record<string, string>;
  runtime: Array<{ label: string; tools: string[] }>;
  source: string;
}

const hasStrace = spawnSync('strace', ['-V']).status === 0;

/**
 * The tools one offline `-p` session of the real Claude Code enables with `--tools <tools>`, from its
 * `system`/`init` message (fresh home, isolated environment, no API key; stopped once the message is out).
 * `prefix` runs it through a wrapper (strace); then the run is left to end by itself ("Not logged in").
 */
function enabledTools(tools: readonly string[], options: { prefix?: readonly string[]; home?: string } = {}): Promise<string[]> {
  const prefix = options.prefix ?? [];
  const home = options.home ?? freshHome().home;
  mkdirSync(join(home, 'tmp'), { recursive: true });
  const env = { ...claudeProbeEnv({ PATH: process.env['PATH'], HOME: home }), TMPDIR: join(home, 'tmp') };
  const [command, ...args] = [...prefix, claudeBin, ...CLAUDE_PROBE_ARGS, '--tools', tools.join(',')];
  return new Promise((resolve, reject) => {
    const child = spawn(command ?? claudeBin, args, { cwd: home, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let found: string[] | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      for (let nl = stdout.indexOf('\n'); nl !== -1 && !found; nl = stdout.indexOf('\n')) {
        const line = stdout.slice(0, nl);
        stdout = stdout.slice(nl + 1);
        let message: { type?: string; subtype?: string; tools?: string[] } = {};
        try {
          message = JSON.parse(line) as typeof message;
        } catch {
          // not a JSON line
        }
        if (message.type === 'system' && message.subtype === 'init' && Array.isArray(message.tools)) {
          found = message.tools;
          if (prefix.length === 0) {
            child.kill('SIGKILL');
            child.stdout.destroy();
            child.stderr.destroy();
          }
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdin.on('error', () => undefined);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      if (found) resolve(found);
      else reject(new Error(`no init message (${stderr.trim().split('\n')[0] ?? ''})`));
    });
    child.stdin.end(`${JSON.stringify({ type: 'user', message: { role: 'user', content: 'hi' } })}\n`);
  });
}

describe.skipIf(claudeBin === '')('the built-in tool names come from the pinned Claude Code', () => {
  let derived: Derived;
  beforeAll(async () => {
    const { stdout } = await runTool(process.execPath, [SCRIPT, '--json', '--bin', claudeBin], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '' },
      timeoutMs: 120_000,
    });
    derived = JSON.parse(stdout) as Derived;
  });

  it('the committed list is for the pinned version', () => {
    expect(CLAUDE_CODE_VERSION).toBe(PIN.version);
    expect(derived.version).toBe(claudeVersion);
  });

  it.skipIf(claudeVersion !== CLAUDE_CODE_VERSION)('re-derived from the binary, it equals the committed file byte for byte', () => {
    expect(derived.names).toEqual(CLAUDE_TOOL_NAMES);
    expect(derived.aliases).toEqual(CLAUDE_TOOL_ALIASES);
    expect(Buffer.from(derived.source, 'utf8').equals(readFileSync(GENERATED))).toBe(true);
  });

  it('is sorted, without duplicates, and holds every legacy name with the tool it stands for', () => {
    expect([...CLAUDE_TOOL_NAMES].sort()).toEqual(CLAUDE_TOOL_NAMES);
    expect(new Set(CLAUDE_TOOL_NAMES).size).toBe(CLAUDE_TOOL_NAMES.length);
    for (const [legacy, current] of Object.entries(CLAUDE_TOOL_ALIASES)) {
      expect(CLAUDE_TOOL_NAMES).toContain(legacy);
      expect(CLAUDE_TOOL_NAMES).toContain(current);
    }
    expect(CLAUDE_TOOL_ALIASES['Task']).toBe('Agent');
  });

  it('has the classic and the newer tools; negative control: not a made-up, a misspelt or a retired name', () => {
    for (const name of [...CLASSIC, ...NEWER]) expect(derived.names).toContain(name);
    for (const name of [MADE_UP, 'Reed', 'bash', ...RETIRED]) expect(derived.names).not.toContain(name);
  });

  it('every tool the running binary enables is in the list, the made-up one never (3 kinds of session)', () => {
    const enabled = new Set(derived.runtime.flatMap((r) => r.tools));
    expect(derived.runtime.map((r) => r.label)).toHaveLength(3);
    expect([...enabled].filter((t) => !CLAUDE_TOOL_NAMES.includes(t))).toEqual([]);
    expect(enabled.has(MADE_UP)).toBe(false);
    for (const name of ['Bash', 'Edit', 'Glob', 'Grep', 'Read', 'Write', 'PowerShell', 'TodoWrite', 'TaskCreate', 'EnterPlanMode'])
      expect(enabled).toContain(name);
  });

  it('asked directly: the whole list enables only listed tools; a legacy name enables its tool; unknown names enable nothing', async () => {
    const all = await enabledTools([...CLAUDE_TOOL_NAMES, MADE_UP]);
    expect(all.filter((t) => !CLAUDE_TOOL_NAMES.includes(t))).toEqual([]);
    expect(all).toEqual(expect.arrayContaining(['Bash', 'Read', 'Edit', 'Write', 'Glob', 'Grep']));
    // The init message reports the Agent tool under its legacy name Task; KillShell is TaskStop now.
    expect(await enabledTools(['Agent'])).toEqual(['Task']);
    expect(await enabledTools(['KillShell'])).toEqual(['TaskStop']);
    expect(await enabledTools(['Read'])).toEqual(['Read']);
    expect(await enabledTools([MADE_UP])).toEqual([]);
    expect(await enabledTools(RETIRED)).toEqual([]);
  });

  it.skipIf(!hasStrace)('the -p run that lists the tools opens no network connection (connect() traced with strace)', async () => {
    const { home } = freshHome();
    const trace = join(tempDir('agentpack-strace-'), 'trace.txt');
    const prefix = ['strace', '-f', '-qq', '-e', 'trace=connect,sendto,sendmsg,openat', '-o', trace];
    const tools = await enabledTools(['Read', 'Bash'], { prefix, home });
    expect([...tools].sort()).toEqual(['Bash', 'Read']);
    const traced = readFileSync(trace, 'utf8').split('\n');
    // Positive control: the trace follows the Claude Code process, which opens files in its temporary home.
    expect(traced.some((l) => l.includes('openat(') && l.includes(home))).toBe(true);
    const calls = traced.filter((l) => /\b(connect|sendto|sendmsg)\(/.test(l));
    const outward = calls.filter((l) => !/AF_UNIX|AF_NETLINK|127\.0\.0\.1|::1|inet_addr\("127\./.test(l) && /AF_INET/.test(l));
    expect(outward).toEqual([]);
  });
});
