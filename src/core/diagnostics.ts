import type { DiagnosticCode } from './codes.js';

/** A problem found in an agent file. Messages are looked up from the locale catalogs by `code`. */
export type Severity = 'error' | 'warning' | 'info';

export type DiagnosticParams = Record<string, string | number>;

export interface Diagnostic {
  severity: Severity;
  /** Stable SCREAMING_CASE code; the catalogs hold `diag.<CODE>` and `diag.<CODE>.hint`. */
  code: DiagnosticCode;
  file?: string;
  line?: number;
  params: DiagnosticParams;
}

export function makeDiagnostic(options: { severity: Severity; code: DiagnosticCode; file?: string; line?: number; params?: DiagnosticParams }): Diagnostic {
  const d: Diagnostic = { severity: options.severity, code: options.code, params: options.params ?? {} };
  if (options.file !== undefined) d.file = options.file;
  if (options.line !== undefined) d.line = options.line;
  return d;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}
