/**
 * agentpack's library API: read, check and render Claude Code subagent files, for editors and other tools.
 * No commander, no chalk, no process exit.
 */
export { parseAgent, MAX_FILE_CHARS, MAX_FRONTMATTER_CHARS, type ParsedAgent } from './core/agent/parse.js';
export { validateAgent, type AgentValidation } from './core/validate/validate-agent.js';
export { renderAgent } from './core/agent/render.js';
export { loadAgent } from './io/read-agent.js';
export {
  agentFrontMatterSchema,
  agentFrontMatterJsonSchema,
  KNOWN_FIELDS,
  TRANSLATABLE_FIELDS,
  type AgentSpec,
  type AgentFrontMatterInput,
  type ToolSelection,
} from './core/agent/schema.js';
export { canonicalHash, canonicaliseText, contentHash } from './core/i18n/canonical-hash.js';
export type { Diagnostic, Severity } from './core/diagnostics.js';
export type { Banner, BannerLink } from './core/agent/banner.js';
export type { I18nLink } from './core/agent/check-fields.js';
export { DIAGNOSTIC_CODES, ERROR_CODES, type DiagnosticCode, type ErrorCode } from './core/codes.js';
export { AgentpackError } from './core/errors.js';
