import type { Diagnostic } from '../core/diagnostics.js';
import type { AgentpackError } from '../core/errors.js';
import type { Messages } from './messages.js';
import { sanitizeForTerminal, type Style } from './style.js';

/** A diagnostic with its message and hint in the selected language (the `--json` shape). */
export interface DescribedDiagnostic {
  severity: Diagnostic['severity'];
  code: string;
  file?: string;
  line?: number;
  message: string;
  hint: string;
}

export function describeDiagnostic(d: Diagnostic, messages: Messages): DescribedDiagnostic {
  const { message, hint } = messages.describe('diag', d.code, d.params);
  const out: DescribedDiagnostic = { severity: d.severity, code: d.code, message, hint };
  if (d.file !== undefined) out.file = d.file;
  if (d.line !== undefined) out.line = d.line;
  return out;
}

/** One diagnostic as two human lines: `  warning BOM (line 1): message` and `    hint: …`. */
export function formatDiagnostic(d: Diagnostic, ctx: { messages: Messages; style: Style }): string {
  const { messages, style } = ctx;
  const described = describeDiagnostic(d, messages);
  const paint = d.severity === 'error' ? style.error : d.severity === 'warning' ? style.warning : style.info;
  const where = d.line !== undefined ? `:${d.line}` : '';
  const head = `  ${paint(messages.t(`label.${d.severity}`))} ${style.dim(`${d.code}${where}`)} ${sanitizeForTerminal(described.message)}`;
  return described.hint ? `${head}\n    ${style.dim(`${messages.t('label.hint')}: ${sanitizeForTerminal(described.hint)}`)}` : head;
}

export function describeError(error: AgentpackError, messages: Messages): { code: string; message: string; hint: string } {
  const { message, hint } = messages.describe('error', error.code, error.params);
  return { code: error.code, message, hint };
}

/** The human form of a failed command, for stderr. */
export function formatError(error: AgentpackError, ctx: { messages: Messages; style: Style }): string {
  const { message, hint } = describeError(error, ctx.messages);
  const lines = [`${ctx.style.error(`${ctx.messages.t('label.error')} ${error.code}`)}: ${sanitizeForTerminal(message)}`];
  if (hint) lines.push(`${ctx.style.dim(`${ctx.messages.t('label.hint')}:`)} ${sanitizeForTerminal(hint)}`);
  return `${lines.join('\n')}\n`;
}
