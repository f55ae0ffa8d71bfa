import type { AgentpackError } from '../core/errors.js';
import { describeError, formatError } from './diagnostics.js';
import { writeJson } from './json.js';
import type { UiContext } from './context.js';
import type { Style } from './style.js';

/**
 * A failed command: with `--json` the error object on stdout; always the human form on stderr, painted with
 * `style` (the colours of stderr, which may differ from stdout's), after `stack` when one is to be shown.
 * Returns the exit code.
 */
export function printError(options: {
  error: AgentpackError;
  ctx: Pick<UiContext, 'messages' | 'json' | 'stdout' | 'stderr'>;
  style: Style;
  stack?: string | undefined;
}): number {
  const { error, ctx, style } = options;
  if (options.stack !== undefined) ctx.stderr.write(`${options.stack}\n`);
  if (ctx.json) {
    const described: Record<string, unknown> = describeError(error, ctx.messages);
    if (error.details !== undefined) described['details'] = error.details;
    writeJson(ctx, { error: described }, false);
  }
  ctx.stderr.write(formatError(error, { messages: ctx.messages, style }));
  return error.exitCode;
}
