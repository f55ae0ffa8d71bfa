import type { CliContext } from './context.js';

/** `CI` set to anything but empty, `0` or `false`: a CI run, where nothing may wait for a key. */
function inCi(env: CliContext['env']): boolean {
  const ci = env['CI']?.trim().toLowerCase();
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
}

/**
 * Whether this run may open the picker: standard input and output are both terminals, `CI` is not set, and
 * neither `--json` nor `--yes` was given. Otherwise every command behaves as it does without a terminal, and
 * nothing reads standard input.
 */
export function isInteractive(options: { ctx: CliContext; yes?: boolean | undefined }): boolean {
  const { ctx } = options;
  if (ctx.json || options.yes === true || inCi(ctx.env)) return false;
  return ctx.stdinIsTTY === true && ctx.stdout.isTTY === true;
}

/** Where the picker starts: the first screen (`agentpack` alone) or the agents to install (`install` with no names). */
export type PickerStart = 'menu' | 'install';
