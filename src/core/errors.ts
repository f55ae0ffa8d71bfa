import type { ErrorCode } from './codes.js';
import type { DiagnosticParams } from './diagnostics.js';

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
  }
}

export function isAgentpackError(value: unknown): value is AgentpackError {
  return value instanceof AgentpackError;
}
