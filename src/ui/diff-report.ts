import type { InstallState } from '../core/plan/installation.js';
import type { ManifestSource } from '../core/manifest/manifest.js';
import { sourceName } from './source-name.js';
import { writeJson } from './json.js';
import type { UiContext } from './context.js';
import { sanitizeForTerminal, type Style } from './style.js';

/** One line of a unified diff in the colours `git diff` uses: headers bold, hunks cyan, removals red, additions green. */
function paintLine(line: string, style: Style): string {
  if (line.startsWith('--- ') || line.startsWith('+++ ')) return style.bold(line);
  if (line.startsWith('@@')) return style.info(line);
  if (line.startsWith('-')) return style.error(line);
  if (line.startsWith('+')) return style.ok(line);
  return line;
}

/**
 * `diff <agent>`: the unified diff (control characters escaped, coloured on a terminal), a line saying there
 * is none, or with --json both as fields. Returns the exit code: 1 when the files differ, as diff's.
 */
export function printDiff(options: {
  ctx: UiContext;
  agent: string;
  path: string;
  locale: string;
  state: InstallState | 'none';
  patch: string;
  /** The folder the agent was installed from; undefined for the package's agents. */
  source: ManifestSource | undefined;
}): number {
  const { ctx, agent, path, locale, state, patch } = options;
  const identical = patch === '';
  if (ctx.json) {
    writeJson(ctx, { agent, path, locale, state, identical, patch }, identical);
    return identical ? 0 : 1;
  }
  if (identical) {
    ctx.stdout.write(`${ctx.messages.t('diff.identical', { path, locale, source: sourceName(options.source, ctx.messages) })}\n`);
    return 0;
  }
  const text = sanitizeForTerminal(patch);
  ctx.stdout.write(
    ctx.style.enabled
      ? text
          .split('\n')
          .map((line) => paintLine(line, ctx.style))
          .join('\n')
      : text,
  );
  return 1;
}
