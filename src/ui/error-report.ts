import type { AgentpackError } from '../core/errors.js';
import { conflictOf, formatCandidates } from './conflict-report.js';
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
  const text = formatError(error, { messages: ctx.messages, style });
  // An ambiguous name: each file under the message, told apart by plugin, description, model and tools.
  const conflict = error.code === 'AGENT_AMBIGUOUS' ? conflictOf(error.details) : undefined;
  const [message, ...rest] = text.split('\n');
  const candidates = conflict ? formatCandidates({ conflict, messages: ctx.messages }).map((line) => `  ${line}`) : [];
  ctx.stderr.write([message, ...candidates, ...rest].join('\n'));
  return error.exitCode;
}
