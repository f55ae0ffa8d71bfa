import type { ErrorCode } from './codes.js';
import type { DiagnosticParams } from './diagnostics.js';

/**
 * Marks agentpack errors whichever copy of this module made them: the CLI build bundles each command's
 * action separately (tsup.config.ts), so `instanceof` alone would miss an error thrown by an action's file.
 */
const BRAND = Symbol.for('agentpack.error');

/**
 * The one error type commands throw. `code` is stable; the message and hint are looked up in the
 * locale catalogs as `error.<CODE>` and `error.<CODE>.hint` with `params` filled in.
 * Exit code 1: the operation failed; 2: bad usage.
 */
export class AgentpackError extends Error {
  readonly code: ErrorCode;
  readonly params: DiagnosticParams;
  readonly exitCode: 1 | 2;
  /** Extra machine-readable data for `--json` (e.g. the conflicting files). */
  readonly details: unknown;

  constructor(options: { code: ErrorCode; params?: DiagnosticParams; exitCode?: 1 | 2; details?: unknown }) {
    super(options.code);
    this.name = 'AgentpackError';
    this.code = options.code;
    this.params = options.params ?? {};
    this.exitCode = options.exitCode ?? 1;
    this.details = options.details;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

export function isAgentpackError(value: unknown): value is AgentpackError {
  return value instanceof AgentpackError || (typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true);
}
