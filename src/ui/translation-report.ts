import type { UiContext } from './context.js';
import { FAILING_STATUSES, TRANSLATION_STATUSES, type TranslationRow, type TranslationStatus } from '../core/i18n/status.js';
import { commandLine, type CatalogFlags } from '../core/hints.js';
import type { NewTranslation, StampOutcome, StampRefusal, TranslationDiff } from '../core/i18n/stamp.js';
import { TRANSLATE_MARKER } from '../core/i18n/skeleton.js';
import type { MessageKey } from './messages.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { formatDiagnostic } from './diagnostics.js';
import { writeJson } from './json.js';
import { sanitizeForTerminal } from './style.js';
import { formatTable } from './table.js';
import { readGitSpec } from '../core/catalog/git-spec.js';

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
    ...(row.marked === undefined ? {} : { marked: row.marked }),
    declared: row.declared ?? {},
  };
}

/** Statuses counted per language in `i18n status` (invalid and orphaned ones are counted too, when there are any). */
const COUNTED: readonly TranslationStatus[] = ['current', 'outdated', 'untracked', 'skeleton', 'missing'];

/** How many translations of each language have each status. */
function localeCounts(rows: readonly TranslationRow[]): Array<{ locale: string } & Record<TranslationStatus, number>> {
  const locales = [...new Set(rows.map((r) => r.locale))].sort();
  return locales.map((locale) => {
    const mine = rows.filter((r) => r.locale === locale);
    const counts = Object.fromEntries(TRANSLATION_STATUSES.map((s) => [s, mine.filter((r) => r.status === s).length])) as Record<TranslationStatus, number>;
    return { locale, ...counts };
  });
}

/** The table of counts per language: one column per status (invalid and orphaned only when some are). */
function formatLocaleCounts(rows: readonly TranslationRow[], ctx: Pick<UiContext, 'messages'>): string {
  const counts = localeCounts(rows);
  const shown = [...COUNTED, ...(['invalid', 'orphaned'] as const).filter((s) => counts.some((c) => c[s] > 0))];
  return formatTable({
    header: [ctx.messages.t('i18n.locales.header.locale'), ...shown.map((s) => ctx.messages.t(`i18n.status.${s}` as MessageKey))],
    rows: counts.map((c) => [sanitizeForTerminal(c.locale), ...shown.map((s) => String(c[s]))]),
  });
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
    writeJson(ctx, { translations: rows.map(translationRowJson), summary, locales: localeCounts(rows), ...options.json }, ok);
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
  // A repository's cached copy is not written to: the commands are for the user's clone of it.
  const spec = flags.from === undefined ? undefined : readGitSpec(flags.from);
  const repository = spec?.kind === 'git' ? spec.spec : undefined;
  const rowFlags = repository === undefined ? flags : { ...flags, from: messages.t('i18n.yourClone') };
  if (repository !== undefined && rows.some((r) => r.status !== 'current'))
    lines.push(
      `${style.dim(`${messages.t('label.hint')}:`)} ${sanitizeForTerminal(messages.t('i18n.next.repository', { from: flags.from ?? '', url: repository.url }))}`,
    );
  for (const row of rows) {
    if (row.status === 'current') continue;
    const args = row.status === 'invalid' ? ['validate'] : ['i18n', row.status === 'missing' ? 'new' : 'stamp', row.agent, '--locale', row.locale];
    const params = {
      agent: row.agent,
      locale: row.locale,
      path: row.path,
      source: row.source,
      command: commandLine({ args, ...(row.status === 'invalid' ? flags : rowFlags) }),
      marker: TRANSLATE_MARKER,
    };
    lines.push(`${style.dim(`${messages.t('label.hint')}:`)} ${sanitizeForTerminal(messages.t(`i18n.next.${row.status}` as MessageKey, params))}`);
  }
  for (const row of rows) {
    if (!row.declared) continue;
    const fields = Object.entries(row.declared)
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ');
    lines.push(sanitizeForTerminal(messages.t('i18n.status.declared', { path: row.path, fields })));
  }
  const current = rows.filter((r) => r.status === 'current').length;
  lines.push(messages.t('i18n.status.summary', { total: rows.length, current }));
  if (new Set(rows.map((r) => r.locale)).size > 1 || rows.length > 1)
    lines.push('', style.bold(messages.t('i18n.locales.title')), formatLocaleCounts(rows, ctx));
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
  ctx.stdout.write(`${stampLines(outcome, ctx).join('\n')}\n`);
}

function stampLines(outcome: StampOutcome, ctx: Pick<UiContext, 'messages'>): string[] {
  const params = { path: sanitizeForTerminal(outcome.path), hash: outcome.sourceHash, previous: outcome.previousHash ?? '' };
  const key = !outcome.changed ? 'i18n.stamp.unchanged' : outcome.previousHash === null ? 'i18n.stamp.added' : 'i18n.stamp.updated';
  const lines = [ctx.messages.t(key, params)];
  if (outcome.snapshot !== undefined) lines.push(ctx.messages.t('i18n.stamp.snapshot', { snapshot: sanitizeForTerminal(outcome.snapshot) }));
  return lines;
}

/** Print `i18n stamp --all`: what was stamped, then what was refused and why; returns the exit code (1 when anything was refused). */
export function printStampAll(options: { stamped: StampOutcome[]; refused: StampRefusal[]; ctx: UiContext }): number {
  const { stamped, refused, ctx } = options;
  const code = refused.length > 0 ? 1 : 0;
  if (ctx.json) {
    const reasons = refused.map((r) => ({ ...r, message: ctx.messages.t(`error.${r.code}` as MessageKey, r.params) }));
    writeJson(ctx, { stamped, refused: reasons }, code === 0);
    return code;
  }
  if (stamped.length === 0 && refused.length === 0) {
    ctx.stdout.write(`${ctx.messages.t('i18n.stamp.nothing')}\n`);
    return 0;
  }
  const lines = stamped.flatMap((o) => stampLines(o, ctx));
  for (const r of refused) {
    const reason = ctx.messages.t(`error.${r.code}` as MessageKey, r.params);
    const hint = ctx.messages.t(`error.${r.code}.hint` as MessageKey, r.params);
    lines.push(ctx.style.error(sanitizeForTerminal(reason)), `  ${ctx.style.dim(`${ctx.messages.t('label.hint')}:`)} ${sanitizeForTerminal(hint)}`);
  }
  const changed = stamped.filter((o) => o.changed).length;
  lines.push(ctx.messages.t('i18n.stamp.allSummary', { stamped: stamped.length, changed, refused: refused.length }));
  ctx.stdout.write(`${lines.join('\n')}\n`);
  return code;
}

/** Print `i18n diff`: the changed lines of each section, removed then added; returns the exit code (1 when the source changed). */
export function printTranslationDiff(options: { diff: TranslationDiff; flags: CatalogFlags; ctx: UiContext }): number {
  const { diff, flags, ctx } = options;
  const { messages, style } = ctx;
  const code = diff.changed ? 1 : 0;
  if (ctx.json) {
    writeJson(ctx, { ...diff }, !diff.changed);
    return code;
  }
  const params = { path: sanitizeForTerminal(diff.path), source: sanitizeForTerminal(diff.source) };
  if (!diff.changed) {
    ctx.stdout.write(`${messages.t('i18n.diff.current', params)}\n`);
    return 0;
  }
  const show = (line: string): string => (line.trim() === '' ? messages.t('i18n.diff.blank') : sanitizeForTerminal(line));
  const lines = [messages.t('i18n.diff.intro', params)];
  for (const change of diff.changes) {
    lines.push('', style.bold(change.section === '' ? messages.t('i18n.diff.top') : sanitizeForTerminal(change.section)));
    // As in a unified diff: the sign, then the line as written (a bullet reads "-- item" / "+- item").
    for (const line of change.removed) lines.push(style.error(`-${show(line)}`));
    for (const line of change.added) lines.push(style.ok(`+${show(line)}`));
  }
  const command = commandLine({ args: ['i18n', 'stamp', diff.agent, '--locale', diff.locale], ...flags });
  lines.push('', `${style.dim(`${messages.t('label.hint')}:`)} ${sanitizeForTerminal(messages.t('i18n.diff.next', { ...params, command }))}`);
  ctx.stdout.write(`${lines.join('\n')}\n`);
  return code;
}

/** Print what `i18n new` wrote. */
export function printNewTranslation(options: { created: NewTranslation; flags: CatalogFlags; ctx: UiContext }): void {
  const { created, flags, ctx } = options;
  if (ctx.json) {
    writeJson(ctx, { ...created, marker: TRANSLATE_MARKER });
    return;
  }
  const command = commandLine({ args: ['i18n', 'stamp', created.agent, '--locale', created.locale], ...flags });
  const params = { path: created.path, source: created.source, count: created.marked, marker: TRANSLATE_MARKER, command };
  const lines = [ctx.messages.t('i18n.new.created', params)];
  if (created.backup !== undefined) lines.push(ctx.messages.t('i18n.new.backup', { backup: created.backup }));
  lines.push(`${ctx.style.dim(`${ctx.messages.t('label.hint')}:`)} ${ctx.messages.t('i18n.new.next', params)}`);
  ctx.stdout.write(`${sanitizeForTerminal(lines.join('\n'))}\n`);
}

/** Why a translation cannot be stamped, before the refusal itself: human output only (--json has them in the error's details). */
export function printStampProblems(options: { diagnostics: readonly Diagnostic[]; ctx: UiContext }): void {
  const { ctx } = options;
  if (ctx.json) return;
  for (const d of options.diagnostics) ctx.stderr.write(`${formatDiagnostic(d, ctx)}\n`);
}
