import * as z from 'zod';
import { AgentpackError } from '../core/errors.js';
import { resolveTarget, type Scope, type Target } from '../io/targets.js';
import type { CliContext } from './context.js';

export const scopeOptionsSchema = z.object({
  user: z.boolean().optional(),
  project: z.boolean().optional(),
  dir: z.string().min(1).optional(),
});

/** The one scope the options name (default user); more than one is a usage error. */
export function scopeOf(options: z.infer<typeof scopeOptionsSchema>, ctx: CliContext): { scope: Scope; dir?: string } {
  const given = [options.user ? 'user' : undefined, options.project ? 'project' : undefined, options.dir !== undefined ? 'dir' : undefined].filter(
    (s): s is Scope => s !== undefined,
  );
  if (given.length > 1) {
    throw new AgentpackError({ code: 'USAGE', params: { detail: ctx.messages.t('usage.scopeExclusive') }, exitCode: 2 });
  }
  const scope = given[0] ?? 'user';
  return options.dir !== undefined ? { scope, dir: options.dir } : { scope };
}

export function targetOf(options: z.infer<typeof scopeOptionsSchema>, ctx: CliContext): Target {
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
