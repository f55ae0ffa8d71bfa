import type { ParsedAgent } from '../agent/parse.js';
import type { Diagnostic } from '../diagnostics.js';
import type { TranslationRow } from '../i18n/status.js';

/** What `validate` found in one file. */
export interface FileReport {
  /** Path as shown to the user (relative to the working directory or the package). */
  path: string;
  agent: string | null;
  locale?: string;
  isAgent: boolean;
  loadableAsIs: boolean;
  diagnostics: Diagnostic[];
}

export interface ValidationReport {
  files: FileReport[];
  /** Translation status per agent and locale (package/catalog mode only; empty for paths). */
  translations: TranslationRow[];
}

export function toReport(parsed: ParsedAgent, shownPath: string, locale?: string): FileReport {
  const report: FileReport = {
    path: shownPath,
    agent: parsed.spec?.name ?? (typeof parsed.data?.['name'] === 'string' ? parsed.data['name'] : null),
    isAgent: parsed.isAgent,
    loadableAsIs: parsed.loadableAsIs,
    diagnostics: parsed.diagnostics.map((d) => ({ ...d, file: shownPath })),
  };
  if (locale !== undefined) report.locale = locale;
  return report;
}
