import { AgentpackError } from '../../core/errors.js';
import { resolveTarget, type Scope, type Target } from '../../io/target/resolve.js';
import type { CliContext } from './context.js';

/** `--user`, `--project`, `--dir <path>` (parseOptions in options.ts). */
export const SCOPE_OPTIONS = { user: 'flag', project: 'flag', dir: 'value' } as const;
export type ScopeOptions = { user?: boolean | undefined; project?: boolean | undefined; dir?: string | undefined };

/** The one scope the options name (default user); more than one is a usage error. */
export function scopeOf(options: ScopeOptions, ctx: CliContext): { scope: Scope; dir?: string } {
  const given = [options.user ? 'user' : undefined, options.project ? 'project' : undefined, options.dir !== undefined ? 'dir' : undefined].filter(
    (s): s is Scope => s !== undefined,
  );
  if (given.length > 1) {
    throw new AgentpackError({ code: 'USAGE', params: { detail: ctx.messages.t('usage.scopeExclusive') }, exitCode: 2 });
  }
  const scope = given[0] ?? 'user';
  return options.dir !== undefined ? { scope, dir: options.dir } : { scope };
}

export function targetOf(options: ScopeOptions, ctx: CliContext): Target {
  return resolveTarget({ ...scopeOf(options, ctx), env: ctx.env, cwd: ctx.cwd });
}
