import { existsSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { AgentpackError } from '../../core/errors.js';
import type { Scope, Target } from '../../core/target.js';
import { TOOL_FOLDERS } from '../../core/tools/folders.js';
import type { ToolId } from '../../core/target.js';

export type { Scope, Target } from '../../core/target.js';

type Env = Record<string, string | undefined>;

const nonEmpty = (value: string | undefined): string | undefined => (value !== undefined && value.trim() !== '' ? value : undefined);

/** The user's home folder: HOME (USERPROFILE first on Windows), then the OS. Tests inject HOME. */
export function resolveHome(env: Env): string {
  const fromEnv =
    process.platform === 'win32' ? (nonEmpty(env['USERPROFILE']) ?? nonEmpty(env['HOME'])) : (nonEmpty(env['HOME']) ?? nonEmpty(env['USERPROFILE']));
  return resolve(fromEnv ?? homedir());
}

/** `$CLAUDE_CONFIG_DIR` as an absolute path when it is set, else undefined. */
export function claudeConfigDir(options: { env: Env; cwd: string }): string | undefined {
  const value = nonEmpty(options.env['CLAUDE_CONFIG_DIR']);
  return value === undefined ? undefined : resolve(options.cwd, value);
}

/** User scope: `$CLAUDE_CONFIG_DIR/agents` when set (Claude Code then ignores ~/.claude/agents), else `~/.claude/agents`. */
export function userAgentsDir(options: { env: Env; cwd: string }): string {
  const configDir = claudeConfigDir(options);
  return configDir !== undefined ? join(configDir, 'agents') : join(resolveHome(options.env), '.claude', 'agents');
}

/** `~/.claude/agents`, whatever CLAUDE_CONFIG_DIR says (for status). */
export function homeAgentsDir(env: Env): string {
  return join(resolveHome(env), '.claude', 'agents');
}

/**
 * The project root: the nearest folder from `cwd` upwards holding `.git` or `.claude`, never the home folder
 * itself (its `.claude` is the user scope) and never above it; else `cwd`. Undefined when that is the home folder.
 */
export function findProjectRoot(options: { cwd: string; home: string; exists?: (path: string) => boolean }): string | undefined {
  const has = options.exists ?? existsSync;
  const home = resolve(options.home);
  // The working folder comes from the OS as a real path; HOME may name the same folder through a link.
  const homes = new Set([home, realPath(home)]);
  const start = resolve(options.cwd);
  for (let dir = start; ; dir = dirname(dir)) {
    if (homes.has(dir)) break;
    if (has(join(dir, '.git')) || has(join(dir, '.claude'))) return dir;
    if (dirname(dir) === dir) break;
  }
  return homes.has(start) ? undefined : start;
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Project scope: `<project root>/.claude/agents`; PROJECT_IS_HOME when the only candidate is the home folder. */
function projectAgentsDir(options: { env: Env; cwd: string }): string {
  const home = resolveHome(options.env);
  const root = findProjectRoot({ cwd: options.cwd, home });
  if (root === undefined) throw new AgentpackError({ code: 'PROJECT_IS_HOME', params: { home } });
  return join(root, '.claude', 'agents');
}

/** The folder for `--user` (default), `--project` or `--dir <path>`; with `--target <tool>`, that tool's folder (core/tools/folders.ts). */
export function resolveTarget(options: { scope: Scope; dir?: string | undefined; env: Env; cwd: string; tool?: ToolId | undefined }): Target {
  const { scope, env, cwd, tool } = options;
  if (tool !== undefined && tool !== 'claude') return { ...toolFolder({ scope, dir: options.dir, env, cwd, tool }), tool };
  if (scope === 'dir') return { scope, dir: resolve(cwd, options.dir ?? '.') };
  if (scope === 'project') return { scope, dir: projectAgentsDir({ env, cwd }) };
  return { scope, dir: userAgentsDir({ env, cwd }) };
}

/** Another tool's folder: `--dir` as given, its project folder below the project root, or its user folder (its own home variable first). */
function toolFolder(options: { scope: Scope; dir?: string | undefined; env: Env; cwd: string; tool: Exclude<ToolId, 'claude'> }): Target {
  const { scope, env, cwd } = options;
  const { folders } = TOOL_FOLDERS[options.tool];
  if (scope === 'dir') return { scope, dir: resolve(cwd, options.dir ?? '.') };
  const home = resolveHome(env);
  if (scope === 'project') {
    const root = findProjectRoot({ cwd, home });
    if (root === undefined) throw new AgentpackError({ code: 'PROJECT_IS_HOME', params: { home } });
    return { scope, dir: join(root, ...folders.project) };
  }
  const variable = folders.user.env;
  const own = variable ? nonEmpty(env[variable.name]) : undefined;
  if (own !== undefined && variable) {
    const base = variable.tilde === true && (own === '~' || own.startsWith('~/')) ? join(home, own.slice(1)) : resolve(cwd, own);
    return { scope, dir: join(base, ...variable.path) };
  }
  return { scope, dir: join(home, ...folders.user.home) };
}
