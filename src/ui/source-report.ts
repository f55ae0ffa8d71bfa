import type { UiContext } from './context.js';
import { CANONICAL_LOCALE } from '../core/catalog/catalog.js';
import { pickCommand, shellWord, type CommandLine } from '../core/hints.js';
import type { ReadSourceResult } from '../core/catalog/assemble-folder.js';
import { describeDiagnostic, formatDiagnostic } from './diagnostics.js';
import { sanitizeForTerminal } from './style.js';

/** What `--json` adds for a source: where it is, collapsed copies, conflicts and relation problems. */
export function sourceJson(options: { scan: ReadSourceResult; ctx: Pick<UiContext, 'messages'> }): Record<string, unknown> {
  const { scan, ctx } = options;
  return {
    from: scan.from,
    root: scan.root,
    duplicates: scan.duplicates,
    conflicts: scan.conflicts,
    diagnostics: scan.diagnostics.map((d) => describeDiagnostic(d, ctx.messages)),
    unreadable: scan.unreadable,
  };
}

/**
 * The lines after a listing: identical copies counted once (and where else they were found), then each
 * conflict with every path and the command that resolves it (`retry` is the command without picks).
 */
export function formatSourceNotes(options: { scan: ReadSourceResult; ctx: Pick<UiContext, 'messages' | 'style'>; retry: CommandLine }): string[] {
  const { scan, ctx, retry } = options;
  const { t } = ctx.messages;
  const clean = (text: string): string => sanitizeForTerminal(text);
  const lines: string[] = [];
  if (scan.duplicates.length > 0) {
    lines.push('', ctx.style.bold(t('source.duplicates')));
    for (const d of scan.duplicates) {
      const params = { agent: clean(d.name), locale: clean(d.locale ?? CANONICAL_LOCALE), kept: clean(d.kept), paths: clean(d.alsoAt.join(', ')) };
      lines.push(`  ${t('source.duplicate', params)}`);
    }
  }
  if (scan.conflicts.length > 0) {
    lines.push('', ctx.style.bold(t('source.conflicts')));
    for (const c of scan.conflicts) {
      const params = { agent: clean(c.name), locale: clean(c.locale ?? CANONICAL_LOCALE), count: c.paths.length, paths: clean(c.paths.join(', ')) };
      lines.push(`  ${ctx.style.warning(t('source.conflict', params))}`);
      lines.push(`    ${ctx.style.dim(`${t('label.hint')}: ${clean(ctx.messages.named(pickCommand({ retry, path: c.paths[0] ?? '' })))}`)}`);
    }
  }
  return lines;
}

/**
 * On stderr: problems in how the files relate (each with its file), and with `unreadable` (only `list`, the
 * command that shows the whole folder) how many files look like agents but cannot be read: every other
 * command that reads the folder would repeat a line about files the user did not ask about.
 */
export function printSourceProblems(options: { scan: ReadSourceResult; ctx: UiContext; unreadable?: boolean }): void {
  const { scan, ctx } = options;
  if (ctx.json) return;
  const lines: string[] = [];
  for (const d of scan.diagnostics) lines.push(ctx.style.bold(sanitizeForTerminal(d.file ?? '')), formatDiagnostic(d, ctx));
  if (options.unreadable === true && scan.unreadable.length > 0) {
    lines.push(ctx.messages.t('source.unreadable', { count: scan.unreadable.length, from: sanitizeForTerminal(shellWord(scan.from)) }));
  }
  if (lines.length > 0) ctx.stderr.write(`${lines.join('\n')}\n`);
}

/** After a human report: the source's copies and conflicts (formatSourceNotes), when there are any. */
export function printSourceNotes(options: {
  scan: ReadSourceResult;
  ctx: Pick<UiContext, 'messages' | 'style' | 'json' | 'stdout'>;
  retry: CommandLine;
}): void {
  const { ctx } = options;
  const notes = formatSourceNotes(options);
  if (!ctx.json && notes.length > 0) ctx.stdout.write(`${notes.join('\n')}\n`);
}
