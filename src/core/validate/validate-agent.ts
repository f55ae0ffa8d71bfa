import { countBySeverity, type Diagnostic } from '../diagnostics.js';
import { parseAgent, type ParsedAgent } from '../agent/parse.js';

export interface AgentValidation {
  /** No errors (and, with `strict`, no warnings). */
  ok: boolean;
  errors: number;
  warnings: number;
  diagnostics: Diagnostic[];
  loadableAsIs: boolean;
  parsed: ParsedAgent;
}

/** Validate the text of one agent file. */
export function validateAgent(text: string, options: { path?: string; strict?: boolean } = {}): AgentValidation {
  const parsed = parseAgent(text, options.path === undefined ? {} : { path: options.path });
  const { errors, warnings } = countBySeverity(parsed.diagnostics);
  return {
    ok: errors === 0 && (!options.strict || warnings === 0),
    errors,
    warnings,
    diagnostics: parsed.diagnostics,
    loadableAsIs: parsed.loadableAsIs,
    parsed,
  };
}
