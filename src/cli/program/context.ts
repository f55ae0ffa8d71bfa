import type { UiContext } from '../../ui/context.js';

/** What every command receives: the reports' context, plus the environment, working folder and exit code. */
export interface CliContext extends UiContext {
  env: Record<string, string | undefined>;
  cwd: string;
  /** Standard input is a terminal (the picker may read keys from it; see program/interactive.ts). */
  stdinIsTTY?: boolean;
  /** Set by a command that completed but found problems (e.g. validate with errors). */
  exitCode: number;
}
