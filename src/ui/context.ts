import type { Messages } from './messages.js';
import type { Style } from './style.js';

/** A stream the output goes to; the fields a terminal adds are there only on a terminal. */
interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** What every report of `src/ui` needs: the language, the colours, the output mode and the two streams. */
export interface UiContext {
  messages: Messages;
  style: Style;
  json: boolean;
  stdout: OutputStream;
  stderr: OutputStream;
  /**
   * `-q/--quiet`: errors and the one summary line of a run; `-v/--verbose`: every line (each agent, each warning);
   * absent: the summary, grouped lines and what needs the user.
   */
  verbosity?: 'quiet' | 'verbose' | undefined;
}

/** The lines a report prints at this verbosity: `quiet` drops everything but errors and the summary. */
export function isQuiet(ctx: Pick<UiContext, 'verbosity'>): boolean {
  return ctx.verbosity === 'quiet';
}

export function isVerbose(ctx: Pick<UiContext, 'verbosity'>): boolean {
  return ctx.verbosity === 'verbose';
}
