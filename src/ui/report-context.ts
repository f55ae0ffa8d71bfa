import type { Messages } from './messages.js';
import type { Style } from './style.js';

/**
 * What a report needs from the run: the language, the colours, the output mode and the two streams. The CLI's
 * context has these fields and more; a report asks for no more than this, so that ui never depends on the CLI.
 */
export interface ReportContext {
  messages: Messages;
  style: Style;
  json: boolean;
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}
