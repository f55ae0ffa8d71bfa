import type { UiContext } from './context.js';
import { writeJson } from './json.js';
import { sanitizeForTerminal } from './style.js';

export interface UpdateAvailable {
  agent: string;
  locale: string;
  path: string;
}

/**
 * `update --check`: the agents `update` would rewrite and the command that does it, or a line saying every
 * installed agent is up to date. Returns the exit code: 1 when an update is available (for CI), else 0.
 */
export function printUpdateCheck(options: {
  ctx: UiContext;
  dir: string;
  updates: readonly UpdateAvailable[];
  command: string;
  /** How many agents agentpack installed there: none is said as `update` says it, not as "all up to date". */
  installed: number;
}): number {
  const { ctx, dir, updates } = options;
  const { t } = ctx.messages;
  const code = updates.length > 0 ? 1 : 0;
  if (ctx.json) {
    writeJson(ctx, { dir, updates: updates.map((u) => ({ ...u })) }, code === 0);
    return code;
  }
  const where = sanitizeForTerminal(dir);
  if (updates.length === 0) {
    ctx.stdout.write(`${t(options.installed === 0 ? 'install.nothingInstalled' : 'update.check.none', { dir: where })}\n`);
    return code;
  }
  const lines = [ctx.style.bold(t('update.check.header', { dir: where }))];
  for (const u of updates) lines.push(`  ${ctx.style.info(t('update.check.agent', { agent: sanitizeForTerminal(u.agent), locale: u.locale }))}`);
  lines.push(t('update.check.apply', { command: options.command }));
  ctx.stdout.write(`${lines.join('\n')}\n`);
  return code;
}
