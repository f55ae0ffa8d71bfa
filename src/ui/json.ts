import type { UiContext } from './context.js';

/**
 * The one `--json` envelope: a single object on stdout with `ok` first (false when the command failed or needs
 * attention, as its exit code says), then the command's fields, two-space indented, one line feed at the end.
 */
export function writeJson(ctx: Pick<UiContext, 'stdout'>, payload: Record<string, unknown> & { ok?: never }, ok = true): void {
  ctx.stdout.write(`${JSON.stringify({ ok, ...payload }, null, 2)}\n`);
}
