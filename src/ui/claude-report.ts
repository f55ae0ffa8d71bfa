import type { ClaudeStatus } from '../core/claude/compare.js';
import type { UiContext } from './context.js';
import { describeError, formatError } from './diagnostics.js';
import { sanitizeForTerminal } from './style.js';

/** `claude` of `status --json`: language-neutral, with the error described when the probe failed. */
export function claudeJson(status: ClaudeStatus, ctx: UiContext): Record<string, unknown> {
  if (status.available) return { available: true, binary: status.binary, version: status.version, agents: status.agents };
  if (status.reason === 'no-binary') return { available: false, reason: status.reason };
  return { available: false, reason: status.reason, binary: status.binary, error: describeError(status.error, ctx.messages) };
}

/** The human lines of `status --claude`. */
export function claudeLines(status: ClaudeStatus, ctx: UiContext): string[] {
  const { t } = ctx.messages;
  const { style } = ctx;
  if (!status.available) {
    const first = status.reason === 'no-binary' ? style.warning(t('status.claude.noBinary')) : formatError(status.error, ctx);
    return [first, style.dim(t('status.claude.staticOnly'))];
  }
  const lines = [style.bold(t('status.claude.heading', { version: status.version ?? '?', bin: sanitizeForTerminal(status.binary) }))];
  if (status.agents.length === 0) lines.push(`  ${style.dim(t('status.claude.noAgents'))}`);
  for (const a of status.agents) {
    const params = { agent: sanitizeForTerminal(a.name), scope: t(`status.scope.${a.scope}`), path: sanitizeForTerminal(a.path) };
    if (!a.seen) lines.push(`  ${style.error(t('status.claude.notSeen', params))}`);
    else if (!a.descriptionMatches) lines.push(`  ${style.warning(t('status.claude.otherWins', params))}`);
    else lines.push(`  ${style.ok(t('status.claude.seen', params))}`);
  }
  return lines;
}
