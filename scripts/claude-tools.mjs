#!/usr/bin/env node
// Read the built-in tool names out of the pinned Claude Code and write src/core/claude/tool-names.ts.
//
//   node scripts/claude-tools.mjs            write the file (the binary must be the pinned version)
//   node scripts/claude-tools.mjs --check    exit 1 when the committed file differs from what the binary gives
//   node scripts/claude-tools.mjs --json     print what the binary gives as JSON, write nothing
//   --bin <path>                             another binary (default: the one scripts/ensure-claude.mjs installs)
//
// Where the names come from (measured on 2.1.332, offline): the `initialize` control response lists no tools,
// and the `system`/`init` message of a `-p` run lists only the tools enabled in that session (PowerShell only
// with CLAUDE_CODE_USE_POWERSHELL_TOOL=1, TodoWrite only with CLAUDE_CODE_ENABLE_TASKS=0, AskUserQuestion and
// the plan-mode tools only with a permission prompt handler, LSP in none of the runs tried), so neither can
// enumerate the names.
// The binary carries its own table: the module that parses permission rules and agent `tools` entries holds
// a string array of every built-in tool name, followed at once by the map of legacy names to current ones
// (`Task` → `Agent`, `KillShell` → `TaskStop`, …); Claude Code's own "known tool" set is the union of both.
// This script finds that one array+map pair in the binary's embedded JavaScript, then checks it against the
// running binary: several `-p` runs (temporary HOME, isolated environment, no API key, no network — killed as
// soon as the init message is out) with `--tools` set to every name found plus a made-up one must each enable
// only names of the table, never the made-up one, and among them the core tools.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pin = JSON.parse(readFileSync(join(root, 'scripts', 'claude-code.json'), 'utf8'));
const OUT_FILE = join(root, 'src', 'core', 'claude', 'tool-names.ts');
const PINNED_BIN = join(root, '.cache', 'claude-code', pin.version, 'node_modules', ...pin.package.split('/'), 'bin', 'claude.exe');

/** Names every Claude Code has; the table must hold them and the runtime must enable them. */
const CORE = ['Bash', 'Edit', 'Glob', 'Grep', 'Read', 'Write'];
/** The negative control: a name no Claude Code has. */
export const MADE_UP = 'AgentpackNoSuchTool';

const OFFLINE_ENV = {
  CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
  DISABLE_AUTOUPDATER: '1',
  DISABLE_ERROR_REPORTING: '1',
  DISABLE_TELEMETRY: '1',
};

/** Sessions that between them enable the tools a plain `-p` run leaves out. */
const RUNTIME_CONFIGS = [
  { label: 'default', env: {}, args: [] },
  { label: 'powershell+prompt-handler', env: { CLAUDE_CODE_USE_POWERSHELL_TOOL: '1' }, args: ['--permission-prompt-tool', 'stdio'] },
  { label: 'todo-instead-of-tasks', env: { CLAUDE_CODE_ENABLE_TASKS: '0' }, args: [] },
];

function fail(message) {
  process.stderr.write(`claude-tools: ${message}\n`);
  process.exit(1);
}

function parseArgs(argv) {
  const options = { mode: 'write', bin: PINNED_BIN };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--check') options.mode = 'check';
    else if (arg === '--json') options.mode = 'json';
    else if (arg === '--bin' && argv[i + 1]) options.bin = resolve(argv[++i]);
    else fail(`unknown argument ${arg} (use --check, --json, --bin <path>)`);
  }
  return options;
}

function binaryVersion(bin) {
  if (!existsSync(bin)) fail(`no Claude Code binary at ${bin}; run "npm run claude:install" (node scripts/ensure-claude.mjs) first.`);
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 30_000, env: { PATH: process.env.PATH ?? '', DISABLE_AUTOUPDATER: '1' } });
  const version = /^(\S+)/.exec((r.stdout ?? '').trim())?.[1];
  if (r.error || r.status !== 0 || !version) fail(`${bin} --version failed (${r.error?.message ?? `exit ${r.status}`})`);
  return version;
}

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const ARRAY = new RegExp(`^\\[(?:"${NAME}",)*"${NAME}"\\]$`);
const ALIAS_MAP = new RegExp(`^,[\\w$]+=\\{((?:"?${NAME}"?:"${NAME}",)*"?${NAME}"?:"${NAME}")\\}`);

/**
 * Every string array that contains "NotebookEdit" and is followed at once by `,<id>={Old:"New",…}` whose
 * values are all in the array: the tool-name table and its legacy-name map. Read in chunks (the binary is
 * ~400 MB); identical copies collapse into one candidate.
 */
export function findToolTables(bin) {
  const needle = Buffer.from('"NotebookEdit"', 'latin1');
  const CHUNK = 32 * 1024 * 1024;
  const OVERLAP = 64 * 1024;
  const fd = openSync(bin, 'r');
  const candidates = new Map();
  try {
    // Each window is the last OVERLAP bytes of the previous one plus a new chunk, so every hit is seen at least once
    // with all of its surroundings; a view cut short by a window's edge yields no table.
    let carry = Buffer.alloc(0);
    const chunk = Buffer.alloc(CHUNK);
    for (let position = 0; ; ) {
      const read = readSync(fd, chunk, 0, CHUNK, position);
      if (read === 0) break;
      position += read;
      const window = Buffer.concat([carry, chunk.subarray(0, read)]);
      for (let at = window.indexOf(needle); at !== -1; at = window.indexOf(needle, at + 1)) {
        const table = tableAround(window, at);
        if (table) candidates.set(JSON.stringify(table), table);
      }
      carry = Buffer.from(window.subarray(Math.max(0, window.length - OVERLAP)));
    }
  } finally {
    closeSync(fd);
  }
  return [...candidates.values()];
}

function tableAround(buf, at) {
  const printable = (c) => c >= 0x20 && c <= 0x7e;
  let start = at;
  while (start > at - 8192 && start > 0 && buf[start] !== 0x5b) if (!printable(buf[--start])) return undefined;
  let end = at;
  while (end < at + 8192 && end < buf.length - 1 && buf[end] !== 0x5d) if (!printable(buf[++end])) return undefined;
  if (buf[start] !== 0x5b || buf[end] !== 0x5d) return undefined;
  const text = buf.toString('latin1', start, end + 1);
  if (!ARRAY.test(text)) return undefined;
  const canonical = JSON.parse(text);
  const map = ALIAS_MAP.exec(buf.toString('latin1', end + 1, end + 1 + 4096));
  if (!map) return undefined;
  const aliases = {};
  for (const pair of map[1].split(',')) {
    const [key, value] = pair.split(':').map((s) => s.replaceAll('"', ''));
    aliases[key] = value;
  }
  const values = Object.values(aliases);
  if (!values.every((v) => canonical.includes(v)) || Object.keys(aliases).some((k) => canonical.includes(k))) return undefined;
  return { canonical, aliases };
}

/** The tools one offline `-p` session enables, from its `system`/`init` message. */
export function enabledTools(options) {
  const { bin, tools, env: extraEnv = {}, args = [], timeoutMs = 60_000 } = options;
  const tmp = mkdtempSync(join(tmpdir(), 'agentpack-claude-tools-'));
  const home = join(tmp, 'home');
  mkdirSync(join(home, '.claude'), { recursive: true });
  mkdirSync(join(tmp, 'tmp'));
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    USERPROFILE: home,
    CLAUDE_CONFIG_DIR: join(home, '.claude'),
    TMPDIR: join(tmp, 'tmp'),
    TEMP: join(tmp, 'tmp'),
    TMP: join(tmp, 'tmp'),
    LANG: 'C.UTF-8',
    ...(process.platform === 'win32' && process.env.SYSTEMROOT ? { SYSTEMROOT: process.env.SYSTEMROOT } : {}),
    ...OFFLINE_ENV,
    ...extraEnv,
  };
  const argv = [
    '-p',
    '--input-format',
    'stream-json',
    '--output-format',
    'stream-json',
    '--verbose',
    '--settings',
    JSON.stringify({ disableAllHooks: true, env: OFFLINE_ENV }),
    '--strict-mcp-config',
    '--no-session-persistence',
    '--tools',
    tools.join(','),
    ...args,
  ];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(bin, argv, { cwd: home, env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    let stdout = '';
    let stderr = '';
    let init;
    const finish = () => {
      rmSync(tmp, { recursive: true, force: true });
      if (init) resolvePromise(init.tools);
      else reject(new Error(`no init message from ${bin} (${stderr.trim().split('\n')[0] || 'no output'})`));
    };
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (data) => {
      stdout += data;
      for (let nl = stdout.indexOf('\n'); nl !== -1 && !init; nl = stdout.indexOf('\n')) {
        const line = stdout.slice(0, nl);
        stdout = stdout.slice(nl + 1);
        try {
          const message = JSON.parse(line);
          if (message.type === 'system' && message.subtype === 'init' && Array.isArray(message.tools)) {
            init = message;
            // The answer is in: stop before the turn goes any further (and stop reading, in case a
            // grandchild still holds the pipes, so that "close" comes now).
            child.kill('SIGKILL');
            child.stdout.destroy();
            child.stderr.destroy();
          }
        } catch {
          // not a JSON line
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (data) => {
      if (stderr.length < 65536) stderr += data;
    });
    child.stdin.on('error', () => undefined);
    child.on('error', (error) => {
      clearTimeout(timer);
      rmSync(tmp, { recursive: true, force: true });
      reject(error);
    });
    child.on('close', () => {
      clearTimeout(timer);
      finish();
    });
    child.stdin.end(`${JSON.stringify({ type: 'user', message: { role: 'user', content: 'hi' } })}\n`);
  });
}

/** The names, aliases and runtime evidence of one binary; throws with a reason when they do not hold up. */
export async function deriveToolNames(bin) {
  const version = binaryVersion(bin);
  const tables = findToolTables(bin);
  if (tables.length !== 1) {
    throw new Error(
      tables.length === 0
        ? `no tool-name table (a string array with "NotebookEdit" followed by a legacy-name map) in ${bin}: the binary's layout changed`
        : `${tables.length} different tool-name tables in ${bin}: ${tables.map((t) => t.canonical.length).join(', ')} names`,
    );
  }
  const { canonical, aliases } = tables[0];
  const missing = CORE.filter((name) => !canonical.includes(name));
  if (missing.length > 0) throw new Error(`the table found in ${bin} lacks ${missing.join(', ')}`);
  const names = [...new Set([...canonical, ...Object.keys(aliases)])].sort();
  const asked = [...names, MADE_UP];
  const runtime = [];
  for (const config of RUNTIME_CONFIGS) {
    const tools = await enabledTools({ bin, tools: asked, env: config.env, args: config.args });
    const strange = tools.filter((t) => !names.includes(t));
    if (strange.length > 0) throw new Error(`the ${config.label} session enables ${strange.join(', ')}, which the table lacks`);
    const absent = CORE.filter((t) => !tools.includes(t));
    if (absent.length > 0) throw new Error(`the ${config.label} session does not enable ${absent.join(', ')}`);
    runtime.push({ label: config.label, tools });
  }
  return {
    version,
    names,
    canonical: [...canonical].sort(),
    aliases: Object.fromEntries(Object.entries(aliases).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    runtime,
  };
}

/** The text of src/core/claude/tool-names.ts. */
export function render(derived) {
  const quote = (s) => `'${s}'`;
  return [
    '// Generated by `node scripts/claude-tools.mjs` from the pinned Claude Code.',
    `export const CLAUDE_CODE_VERSION = ${quote(derived.version)};`,
    'export const CLAUDE_TOOL_NAMES: readonly string[] = [',
    ...derived.names.map((n) => `  ${quote(n)},`),
    '];',
    'export const CLAUDE_TOOL_ALIASES: Readonly<Record<string, string>> = {',
    ...Object.entries(derived.aliases).map(([from, to]) => `  ${from}: ${quote(to)},`),
    '};',
    '',
  ].join('\n');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  let derived;
  try {
    derived = await deriveToolNames(options.bin);
  } catch (error) {
    fail(error.message);
  }
  const source = render(derived);
  if (options.mode === 'json') {
    process.stdout.write(`${JSON.stringify({ ...derived, source })}\n`);
    return;
  }
  if (derived.version !== pin.version) fail(`${options.bin} is Claude Code ${derived.version}, not the pinned ${pin.version} (scripts/claude-code.json)`);
  if (options.mode === 'check') {
    const current = existsSync(OUT_FILE) ? readFileSync(OUT_FILE, 'utf8') : '';
    if (current !== source) fail(`${OUT_FILE} is not what Claude Code ${derived.version} gives; run "npm run claude:tools".`);
    process.stderr.write(`claude-tools: ${OUT_FILE} matches Claude Code ${derived.version} (${derived.names.length} names)\n`);
    return;
  }
  writeFileSync(OUT_FILE, source);
  process.stderr.write(`claude-tools: wrote ${derived.names.length} names of Claude Code ${derived.version} to ${OUT_FILE}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
