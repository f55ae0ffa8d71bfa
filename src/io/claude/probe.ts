import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as z from 'zod';
import { AgentpackError } from '../../core/errors.js';

/**
 * Ask the real Claude Code which agents it loaded, offline and without an API key (see
 * the only offline way it answers): start it in stream-json print
 * mode, send one `initialize` control request, read the `agents` of its answer, let it exit at end of input.
 *
 * It runs no model, no hooks (`disableAllHooks`), no MCP server (`--strict-mcp-config`), saves no session,
 * and with the variables of CLAUDE_OFFLINE_ENV (in its environment and its flag settings) opens no network
 * connection. agentpack writes nothing;
 * Claude Code itself updates its own state file (`~/.claude.json` or `$CLAUDE_CONFIG_DIR/.claude.json`) as it
 * does on every start. This is an internal protocol of Claude Code, not a documented interface.
 */

/** Variables that keep Claude Code from any network traffic (telemetry, updates, error reports, the rest). */
export const CLAUDE_OFFLINE_ENV: Readonly<Record<string, string>> = {
  CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
  DISABLE_AUTOUPDATER: '1',
  DISABLE_ERROR_REPORTING: '1',
  DISABLE_TELEMETRY: '1',
};

/** What the probe passes through from the caller's environment: where to find programs and configuration. */
const PASSED_THROUGH = ['PATH', 'HOME', 'USERPROFILE', 'HOMEDRIVE', 'HOMEPATH', 'APPDATA', 'LOCALAPPDATA', 'SYSTEMROOT', 'CLAUDE_CONFIG_DIR'];

/**
 * Flag settings outrank the user's settings: no hooks run, and the offline variables hold even when the
 * user's settings.json sets them (its `env` would otherwise override the process environment).
 */
const PROBE_SETTINGS = JSON.stringify({ disableAllHooks: true, env: CLAUDE_OFFLINE_ENV });

export const CLAUDE_PROBE_ARGS: readonly string[] = [
  '-p',
  '--input-format',
  'stream-json',
  '--output-format',
  'stream-json',
  '--verbose',
  '--settings',
  PROBE_SETTINGS,
  '--strict-mcp-config',
  '--no-session-persistence',
];

const INITIALIZE = `${JSON.stringify({ type: 'control_request', request_id: 'agentpack-init', request: { subtype: 'initialize' } })}\n`;
const CLAUDE_PROBE_TIMEOUT_MS = 20_000;

const agentSchema = z.looseObject({ name: z.string(), description: z.string(), model: z.string().optional() });
const responseSchema = z.looseObject({
  type: z.literal('control_response'),
  response: z.looseObject({
    subtype: z.string(),
    request_id: z.string(),
    error: z.string().optional(),
    response: z.looseObject({ agents: z.array(agentSchema).optional(), claude_code_version: z.string().optional() }).optional(),
  }),
});

export type ClaudeAgent = z.infer<typeof agentSchema>;

export interface ClaudeProbeResult {
  /** As Claude Code reports it, e.g. "2.1.332". */
  version: string | undefined;
  /** Every agent Claude Code loaded, built-in ones included, in its order. */
  agents: ClaudeAgent[];
  /** From start to exit, in milliseconds. */
  durationMs: number;
}

/**
 * The environment of a probe, built from scratch (like `env -i`): PATH, the home and config variables
 * taken from `env`, LANG=C.UTF-8 and the offline variables. Nothing else of the caller leaks in.
 */
export function claudeProbeEnv(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of PASSED_THROUGH) {
    const value = env[key];
    if (value !== undefined && value !== '') out[key] = value;
  }
  return { ...out, LANG: 'C.UTF-8', ...CLAUDE_OFFLINE_ENV };
}

/**
 * Run `bin` once and return the agents it loaded. `env` is the caller's environment (filtered through
 * claudeProbeEnv); `cwd` decides which project agents it sees. Temporary files go to a fresh folder that is
 * removed afterwards. Throws CLAUDE_NOT_FOUND, CLAUDE_PROBE_TIMEOUT or CLAUDE_PROBE_FAILED.
 */
export async function probeClaudeAgents(options: {
  bin: string;
  env: Record<string, string | undefined>;
  cwd: string;
  timeoutMs?: number;
  extraArgs?: readonly string[];
}): Promise<ClaudeProbeResult> {
  const tmp = await mkdtemp(join(tmpdir(), 'agentpack-claude-'));
  try {
    return await runProbe({ ...options, env: { ...claudeProbeEnv(options.env), TMPDIR: tmp, TEMP: tmp, TMP: tmp } });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

function runProbe(options: {
  bin: string;
  env: Record<string, string>;
  cwd: string;
  timeoutMs?: number;
  extraArgs?: readonly string[];
}): Promise<ClaudeProbeResult> {
  const timeoutMs = options.timeoutMs ?? CLAUDE_PROBE_TIMEOUT_MS;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const start = () => {
      try {
        return spawn(options.bin, [...CLAUDE_PROBE_ARGS, ...(options.extraArgs ?? [])], {
          cwd: options.cwd,
          env: options.env,
          stdio: ['pipe', 'pipe', 'pipe'],
          windowsHide: true,
        });
      } catch (error) {
        // A path the system refuses at once (ENAMETOOLONG): no child to wait for.
        reject(new AgentpackError({ code: 'CLAUDE_PROBE_FAILED', params: { detail: (error as NodeJS.ErrnoException).code ?? String(error) } }));
        return undefined;
      }
    };
    const child = start();
    if (!child) return;
    let stdout = '';
    let stderr = '';
    let answer: z.infer<typeof responseSchema> | undefined;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
      // A grandchild may still hold the pipes open: stop reading so that "close" comes now.
      child.stdout.destroy();
      child.stderr.destroy();
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      let newline = stdout.indexOf('\n');
      while (newline !== -1) {
        answer ??= readAnswer(stdout.slice(0, newline));
        stdout = stdout.slice(newline + 1);
        newline = stdout.indexOf('\n');
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 64 * 1024) stderr += chunk;
    });
    child.stdin.on('error', () => undefined);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error.code === 'ENOENT') reject(new AgentpackError({ code: 'CLAUDE_NOT_FOUND', params: { bin: options.bin } }));
      else reject(new AgentpackError({ code: 'CLAUDE_PROBE_FAILED', params: { detail: error.code ?? error.message } }));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      answer ??= readAnswer(stdout);
      const durationMs = Math.round(performance.now() - started);
      if (answer && answer.response.subtype === 'success' && answer.response.response) {
        const inner = answer.response.response;
        resolve({ version: inner.claude_code_version, agents: inner.agents ?? [], durationMs });
        return;
      }
      if (timedOut) {
        reject(new AgentpackError({ code: 'CLAUDE_PROBE_TIMEOUT', params: { seconds: Math.max(1, Math.ceil(timeoutMs / 1000)) } }));
        return;
      }
      const why = answer?.response.error ?? firstLine(stderr) ?? (signal ? `signal ${signal}` : `exit code ${code}`);
      reject(new AgentpackError({ code: 'CLAUDE_PROBE_FAILED', params: { detail: why } }));
    });
    child.stdin.end(INITIALIZE);
  });
}

function readAnswer(line: string): z.infer<typeof responseSchema> | undefined {
  if (!line.trim().startsWith('{')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const parsed = responseSchema.safeParse(value);
  return parsed.success && parsed.data.response.request_id === 'agentpack-init' ? parsed.data : undefined;
}

function firstLine(text: string): string | undefined {
  const line = text.split('\n').find((l) => l.trim() !== '');
  return line === undefined ? undefined : line.trim().slice(0, 300);
}
