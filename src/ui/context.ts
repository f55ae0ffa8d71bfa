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
}
