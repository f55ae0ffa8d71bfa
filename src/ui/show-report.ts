import type { Diagnostic } from '../core/diagnostics.js';
import { describeDiagnostic, formatDiagnostic } from './diagnostics.js';
import { writeJson } from './json.js';
import type { UiContext } from './context.js';
import { sanitizeForTerminal } from './style.js';

/**
 * `show <agent>`: the bytes install would write, then on stderr the warnings of the file they come from. With
 * `--json` they are fields; `fromFolder` (--from) adds the file's path and its warnings.
 */
export function printShow(options: {
  ctx: UiContext;
  agent: string;
  locale: string;
  content: string;
  relPath: string;
  warnings: Diagnostic[];
  fromFolder: boolean;
}): void {
  const { ctx, agent, locale, content, relPath, warnings } = options;
  if (ctx.json) {
    const extra = options.fromFolder ? { path: relPath, warnings: warnings.map((d) => describeDiagnostic(d, ctx.messages)) } : {};
    writeJson(ctx, { agent, locale, content, ...extra });
    return;
  }
  // Piped or redirected: the exact bytes. On a terminal, control characters (ESC, BEL, …) from the file
  // are shown as \xNN so that an agent file cannot drive the terminal (see SECURITY.md).
  ctx.stdout.write(ctx.stdout.isTTY ? sanitizeForTerminal(content) : content);
  if (warnings.length > 0) ctx.stderr.write(`${[sanitizeForTerminal(relPath), ...warnings.map((d) => formatDiagnostic(d, ctx))].join('\n')}\n`);
}
