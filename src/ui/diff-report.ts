import type { InstallState } from '../core/plan/installation.js';
import type { ManifestSource } from '../core/manifest/manifest.js';
import { sourceName } from './source-name.js';
import { writeJson } from './json.js';
import type { UiContext } from './context.js';
import { sanitizeForTerminal } from './style.js';

/** `diff <agent>`: the unified diff (control characters escaped), a line saying there is none, or with --json both as fields. */
export function printDiff(options: {
  ctx: UiContext;
  agent: string;
  path: string;
  locale: string;
  state: InstallState | 'none';
  patch: string;
  /** The folder the agent was installed from; undefined for the package's agents. */
  source: ManifestSource | undefined;
}): void {
  const { ctx, agent, path, locale, state, patch } = options;
  if (ctx.json) {
    writeJson(ctx, { agent, path, locale, state, identical: patch === '', patch });
    return;
  }
  if (patch === '') ctx.stdout.write(`${ctx.messages.t('diff.identical', { path, locale, source: sourceName(options.source, ctx.messages) })}\n`);
  else ctx.stdout.write(sanitizeForTerminal(patch));
}
