import { AgentpackError } from '../../core/errors.js';
import { resolveTarget, type Scope, type Target } from '../../io/target/resolve.js';
import type { CliContext } from './context.js';
import { isToolId, TOOL_IDS, type ToolId } from '../../core/target.js';

/** `--user` (`-g`, and the hidden `--global`), `--project`, `--dir <path>` (parseOptions in options.ts). */
export const SCOPE_OPTIONS = { user: 'flag', global: 'flag', project: 'flag', dir: 'value' } as const;
export type ScopeOptions = {
  user?: boolean | undefined;
  global?: boolean | undefined;
  project?: boolean | undefined;
  dir?: string | undefined;
  /** `--target <tool>` (TOOL_OPTIONS), on the commands that take it. */
  target?: string | undefined;
};

/** `-t, --target <tool>`: the coding agent whose folder a command works on (default `claude`). */
export const TOOL_OPTIONS = { target: 'value' } as const;

/** The tool `--target` names (default Claude Code); an unknown one is a usage error naming the known ones. */
export function toolOf(options: ScopeOptions, ctx: CliContext): ToolId {
  const given = options.target;
  if (given === undefined) return 'claude';
  if (isToolId(given)) return given;
  throw new AgentpackError({
    code: 'USAGE',
    params: { detail: ctx.messages.t('usage.targetUnknown', { tool: given, tools: TOOL_IDS.join(', ') }) },
    exitCode: 2,
  });
}

/** The scopes the options name, in the order user, project, dir (`--global` is `--user`). */
function namedScopes(options: ScopeOptions): Scope[] {
  const named: Scope[] = [];
  if (options.user || options.global) named.push('user');
  if (options.project) named.push('project');
  if (options.dir !== undefined) named.push('dir');
  return named;
}

/** Whether the options name a folder at all (`-g`, `--global`, `-p`, `--dir`), rather than leaving the default. */
export function namesScope(options: ScopeOptions): boolean {
  return namedScopes(options).length > 0;
}

/** The one scope the options name (default user); more than one is a usage error. */
export function scopeOf(options: ScopeOptions, ctx: CliContext): { scope: Scope; dir?: string } {
  const given = namedScopes(options);
  if (given.length > 1) {
    throw new AgentpackError({ code: 'USAGE', params: { detail: ctx.messages.t('usage.scopeExclusive') }, exitCode: 2 });
  }
  const scope = given[0] ?? 'user';
  return options.dir !== undefined ? { scope, dir: options.dir } : { scope };
}

/** The scopes `list` and `status` read: those the options name (they add up), else the user and project folders. */
export function scopesOf(options: ScopeOptions): Scope[] {
  const given = namedScopes(options);
  return given.length > 0 ? given : ['user', 'project'];
}

export function targetOf(options: ScopeOptions, ctx: CliContext): Target {
  const tool = toolOf(options, ctx);
  return resolveTarget({ ...scopeOf(options, ctx), env: ctx.env, cwd: ctx.cwd, ...(tool !== 'claude' ? { tool } : {}) });
}
