import { Chalk, type ChalkInstance } from 'chalk';

export interface Style {
  enabled: boolean;
  error(text: string): string;
  warning(text: string): string;
  info(text: string): string;
  ok(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

/**
 * Colour only on a TTY; `NO_COLOR` (any non-empty value) and `--no-color` turn it off, `FORCE_COLOR`
 * (non-zero) turns it on even when piped. `--json` never has colour.
 */
export function shouldColor(options: { isTTY: boolean; env: Record<string, string | undefined>; flag: boolean; json: boolean }): boolean {
  const { isTTY, env, flag, json } = options;
  if (json || !flag) return false;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  return isTTY;
}

const plain = (text: string): string => text;

export function createStyle(enabled: boolean): Style {
  // No Chalk at all without colour (chalk at level 0 returns its text as is): the CLI build then never
  // loads chalk (BENCHMARKS.md).
  if (!enabled) return { enabled, error: plain, warning: plain, info: plain, ok: plain, dim: plain, bold: plain };
  const chalk: ChalkInstance = new Chalk({ level: 1 });
  return {
    enabled,
    error: (t) => chalk.red(t),
    warning: (t) => chalk.yellow(t),
    info: (t) => chalk.cyan(t),
    ok: (t) => chalk.green(t),
    dim: (t) => chalk.dim(t),
    bold: (t) => chalk.bold(t),
  };
}

/**
 * Make text from files safe for a terminal: control characters (ESC, BEL, …) become visible `\xNN`
 * escapes so that a description can never move the cursor or change colours.
 */
export function sanitizeForTerminal(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
