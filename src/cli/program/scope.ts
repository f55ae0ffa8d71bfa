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

/** Quote one argument for a POSIX shell, only when it needs it. */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_./:@%+=,~-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** A command line a user can paste: `agentpack <args…>` plus the flag that selects the same folder. */
export function commandLine(options: { args: string[]; target: Target }): string {
  const { args, target } = options;
  const scope = target.scope === 'project' ? ['--project'] : target.scope === 'dir' ? ['--dir', target.dir] : [];
  return ['agentpack', ...args, ...scope].map((a, i) => (i === 0 ? a : shellQuote(a))).join(' ');
}
