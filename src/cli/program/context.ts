import type { Messages } from '../../ui/messages.js';
import type { Style } from '../../ui/style.js';

/** What every command receives: the chosen language, output streams, environment and output mode. */
export interface CliContext {
  messages: Messages;
  style: Style;
  json: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Set by a command that completed but found problems (e.g. validate with errors). */
  exitCode: number;
}
