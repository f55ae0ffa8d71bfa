import type { UiContext } from './context.js';
import { FAILING_STATUSES, TRANSLATION_STATUSES, type TranslationRow, type TranslationStatus } from '../core/i18n/status.js';
import { commandLine, type CatalogFlags } from '../core/hints.js';
import type { StampOutcome } from '../core/i18n/stamp.js';
import type { MessageKey } from './messages.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { formatDiagnostic } from './diagnostics.js';
import { writeJson } from './json.js';
import { sanitizeForTerminal } from './style.js';
import { formatTable } from './table.js';

/** A row as `--json` prints it: stable keys, codes for values. */
export function translationRowJson(row: TranslationRow): Record<string, unknown> {
  return {
    agent: row.agent,
    locale: row.locale,
    status: row.status,
    path: row.path,
    source: row.source,
    recordedHash: row.recordedHash,
    sourceHash: row.sourceHash,
    problems: [...new Set(row.problems)],
  };
}

/** The status in the CLI's language, coloured by how urgent it is. */
function formatStatus(status: TranslationStatus, ctx: Pick<UiContext, 'messages' | 'style'>): string {
  const label = ctx.messages.t(`i18n.status.${status}` as MessageKey);
  if (status === 'current') return ctx.style.ok(label);
  return FAILING_STATUSES.includes(status) ? ctx.style.error(label) : ctx.style.warning(label);
}

/** The lines `validate` adds after the files: one per translation. */
export function formatTranslationLines(rows: readonly TranslationRow[], ctx: Pick<UiContext, 'messages' | 'style'>): string[] {
  if (rows.length === 0) return [];
  const lines = ['', ctx.style.bold(ctx.messages.t('validate.translations'))];
  for (const row of rows) {
    lines.push(
      `  ${ctx.messages.t('validate.translation', { agent: sanitizeForTerminal(row.agent), locale: sanitizeForTerminal(row.locale), status: formatStatus(row.status, ctx), path: sanitizeForTerminal(row.path) })}`,
    );
  }
  return lines;
}

/** Print `i18n status` (table or `--json`) and return the exit code: 1 when a shipped translation is not current. */
export function printTranslationStatus(options: { rows: TranslationRow[]; flags: CatalogFlags; ctx: UiContext; json?: Record<string, unknown> }): number {
  const { rows, flags, ctx } = options;
  const { messages, style } = ctx;
  const ok = rows.every((r) => !FAILING_STATUSES.includes(r.status));
  if (ctx.json) {
    const summary = Object.fromEntries(TRANSLATION_STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length]));
    writeJson(ctx, { translations: rows.map(translationRowJson), summary, ...options.json }, ok);
    return ok ? 0 : 1;
  }
  if (rows.length === 0) {
    ctx.stdout.write(`${messages.t('i18n.status.empty')}\n`);
    return 0;
  }
  const table = formatTable({
    header: [messages.t('i18n.header.agent'), messages.t('i18n.header.locale'), messages.t('i18n.header.status'), messages.t('i18n.header.file')],
    rows: rows.map((r) => [sanitizeForTerminal(r.agent), sanitizeForTerminal(r.locale), formatStatus(r.status, ctx), sanitizeForTerminal(r.path)]),
  });
  const lines = [table, ''];
  for (const row of rows) {
    if (row.status === 'current') continue;
    const args = row.status === 'invalid' ? ['validate'] : ['i18n', 'stamp', row.agent, '--locale', row.locale];
    const params = { agent: row.agent, locale: row.locale, path: row.path, source: row.source, command: commandLine({ args, ...flags }) };
    lines.push(`${style.dim(`${messages.t('label.hint')}:`)} ${sanitizeForTerminal(messages.t(`i18n.next.${row.status}` as MessageKey, params))}`);
  }
  const current = rows.filter((r) => r.status === 'current').length;
  lines.push(messages.t('i18n.status.summary', { total: rows.length, current }));
  ctx.stdout.write(`${lines.join('\n')}\n`);
  return ok ? 0 : 1;
}

/** Print the result of `i18n stamp`. */
export function printStamp(options: { outcome: StampOutcome; ctx: UiContext }): void {
  const { outcome, ctx } = options;
  if (ctx.json) {
    writeJson(ctx, { ...outcome });
    return;
  }
  const params = { path: sanitizeForTerminal(outcome.path), hash: outcome.sourceHash, previous: outcome.previousHash ?? '' };
  const key = !outcome.changed ? 'i18n.stamp.unchanged' : outcome.previousHash === null ? 'i18n.stamp.added' : 'i18n.stamp.updated';
  ctx.stdout.write(`${ctx.messages.t(key, params)}\n`);
}

/** Why a translation cannot be stamped, before the refusal itself: human output only (--json has them in the error's details). */
export function printStampProblems(options: { diagnostics: readonly Diagnostic[]; ctx: UiContext }): void {
  const { ctx } = options;
  if (ctx.json) return;
  for (const d of options.diagnostics) ctx.stderr.write(`${formatDiagnostic(d, ctx)}\n`);
}
