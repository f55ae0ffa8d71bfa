import { isQuiet, isVerbose, type UiContext } from './context.js';
import type { SourceProblems } from './run-summary.js';
import { CANONICAL_LOCALE } from '../core/catalog/catalog.js';
import { chooseCommand, describeConflict } from '../core/catalog/conflicts.js';
import { shellWord, type CommandLine } from '../core/hints.js';
import type { ReadSourceResult, SourceConflict } from '../core/catalog/assemble-folder.js';
import { describeDiagnostic, formatDiagnostic } from './diagnostics.js';
import { formatCandidates } from './conflict-report.js';
import { sanitizeForTerminal } from './style.js';

/**
 * What `--json` adds for a source: where it is (for a repository, its URL, ref, folder and commit), collapsed copies, conflicts (each file with its plugin,
 * description, model and tools), relation problems, unreadable files and files Claude Code would skip.
 */
export function sourceJson(options: {
  scan: ReadSourceResult;
  ctx: Pick<UiContext, 'messages'>;
  conflicts?: readonly SourceConflict[];
}): Record<string, unknown> {
  const { scan, ctx } = options;
  return {
    from: scan.from,
    root: scan.root,
    ...(scan.git ? { git: scan.git } : {}),
    duplicates: scan.duplicates,
    conflicts: (options.conflicts ?? scan.conflicts).map((conflict) => describeConflict({ scan, conflict })),
    diagnostics: scan.diagnostics.map((d) => describeDiagnostic(d, ctx.messages)),
    unreadable: scan.unreadable,
    skipped: scan.skipped.map((s) => ({ path: s.relPath, name: s.name })),
  };
}

/**
 * The lines after a listing: identical copies counted once (and where else they were found), then each
 * conflict with every path and the command that resolves it (`retry` is the command without picks).
 */
export function formatSourceNotes(options: {
  scan: ReadSourceResult;
  ctx: Pick<UiContext, 'messages' | 'style'>;
  retry: CommandLine;
  conflicts?: readonly SourceConflict[];
}): string[] {
  const { scan, ctx, retry } = options;
  const { t } = ctx.messages;
  const clean = (text: string): string => sanitizeForTerminal(text);
  const lines: string[] = [];
  const localeAt = new Map(scan.files.map((f) => [f.relPath, f.locale]));
  if (scan.duplicates.length > 0) {
    lines.push('', ctx.style.bold(t('source.duplicates')));
    for (const d of scan.duplicates) {
      const locale = d.locale ?? localeAt.get(d.kept) ?? CANONICAL_LOCALE;
      const params = { agent: clean(d.name), locale: clean(locale), kept: clean(d.kept), paths: clean(d.alsoAt.join(', ')) };
      lines.push(`  ${t('source.duplicate', params)}`);
    }
  }
  const conflicts = options.conflicts ?? scan.conflicts;
  if (conflicts.length > 0) {
    lines.push('', ctx.style.bold(t('source.conflicts')));
    for (const found of conflicts) {
      const c = describeConflict({ scan, conflict: found });
      const params = { agent: clean(c.name), locale: clean(c.locale), count: c.paths.length, paths: clean(c.paths.join(', ')) };
      lines.push(`  ${ctx.style.warning(t('source.conflict', params))}`);
      lines.push(...formatCandidates({ conflict: c, messages: ctx.messages }).map((line) => `    ${line}`));
      const first = c.candidates[0];
      const command = first ? chooseCommand({ retry, conflict: found, candidate: first }) : '';
      lines.push(`    ${ctx.style.dim(`${t('label.hint')}: ${clean(ctx.messages.named(command))}`)}`);
    }
  }
  return lines;
}

/**
 * On stderr: problems in how the files relate (each with its file), and with `unreadable` (only `list`, the
 * command that shows the whole folder) how many files look like agents but cannot be read: every other
 * command that reads the folder would repeat a line about files the user did not ask about. With `grouped`
 * (a run that ends on a summary: the command that shows them) and without --verbose they are not printed but
 * counted, for the summary line; with --quiet they are not printed.
 */
export function printSourceProblems(options: { scan: ReadSourceResult; ctx: UiContext; unreadable?: boolean; grouped?: string }): SourceProblems | undefined {
  const { scan, ctx } = options;
  if (ctx.json) return undefined;
  const problems = scan.diagnostics.filter((d) => d.severity !== 'info');
  if (options.grouped !== undefined && !isVerbose(ctx)) {
    return { count: problems.length, errors: problems.filter((d) => d.severity === 'error').length, command: options.grouped };
  }
  if (isQuiet(ctx)) return undefined;
  const lines: string[] = [];
  for (const d of scan.diagnostics) lines.push(ctx.style.bold(sanitizeForTerminal(d.file ?? '')), formatDiagnostic(d, ctx));
  if (options.unreadable === true && scan.unreadable.length > 0) {
    lines.push(ctx.messages.t('source.unreadable', { count: scan.unreadable.length, from: sanitizeForTerminal(shellWord(scan.from)) }));
  }
  if (lines.length > 0) ctx.stderr.write(`${lines.join('\n')}\n`);
  return undefined;
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
