import { isQuiet, isVerbose, type UiContext } from './context.js';
import { countBySeverity } from '../core/diagnostics.js';
import type { ValidationReport } from '../core/validate/report.js';
import { describeDiagnostic, formatDiagnostic } from './diagnostics.js';
import { writeJson } from './json.js';
import { sanitizeForTerminal } from './style.js';
import { formatTranslationLines, translationRowJson } from './translation-report.js';

/** Print a validation report (human or `--json`) and return the exit code. */
export function printValidation(options: { report: ValidationReport; strict: boolean; ctx: UiContext }): number {
  const { report, strict, ctx } = options;
  const { messages, style } = ctx;
  const all = report.files.flatMap((f) => f.diagnostics);
  const { errors, warnings } = countBySeverity(all);
  const ok = errors === 0 && (!strict || warnings === 0);
  if (ctx.json) {
    const payload = {
      files: report.files.map((f) => ({
        path: f.path,
        agent: f.agent,
        ...(f.locale !== undefined ? { locale: f.locale } : {}),
        isAgent: f.isAgent,
        loadableAsIs: f.loadableAsIs,
        diagnostics: f.diagnostics.map((d) => describeDiagnostic(d, messages)),
      })),
      summary: { files: report.files.length, errors, warnings },
      translations: report.translations.map(translationRowJson),
    };
    writeJson(ctx, payload, ok);
    return ok ? 0 : 1;
  }
  const lines: string[] = [];
  // The linters' convention: only the files with problems (--quiet: with errors, and only those), then the count;
  // --verbose also lists the clean files and those that are not agents.
  const shown = (severity: string): boolean => severity === 'error' || (severity === 'warning' && !isQuiet(ctx));
  for (const file of report.files) {
    const header = style.bold(sanitizeForTerminal(file.path));
    const problems = file.diagnostics.filter((d) => shown(d.severity));
    // A file that is not an agent has nothing to report, unless it is a plugin manifest that cannot be read.
    if (!file.isAgent && problems.length === 0) {
      if (isVerbose(ctx)) lines.push(`${header}  ${style.dim(messages.t('validate.notAgent'))}`);
      continue;
    }
    if (problems.length === 0 && !isVerbose(ctx)) continue;
    lines.push(problems.length === 0 ? `${header}  ${style.ok(messages.t('validate.file.clean'))}` : header);
    for (const d of problems) lines.push(formatDiagnostic(d, ctx));
    if (file.isAgent && !file.loadableAsIs && problems.every((d) => d.severity !== 'error'))
      lines.push(`  ${style.dim(messages.t('validate.file.notLoadable'))}`);
  }
  // A translation that is current is clean too.
  const translations = isVerbose(ctx) ? report.translations : report.translations.filter((row) => row.status !== 'current');
  lines.push(...(lines.length === 0 ? formatTranslationLines(translations, ctx).slice(1) : formatTranslationLines(translations, ctx)));
  if (lines.length > 0) lines.push('');
  lines.push(messages.t('validate.summary', { files: report.files.length, errors, warnings }));
  ctx.stdout.write(`${lines.join('\n')}\n`);
  return ok ? 0 : 1;
}
