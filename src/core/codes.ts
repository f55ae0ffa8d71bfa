/**
 * Every diagnostic code agentpack reports. Codes are stable API (`--json`); the catalogs hold
 * `diag.<CODE>` (message) and `diag.<CODE>.hint` for each, which the type checker enforces in ui/messages.ts.
 */
export const DIAGNOSTIC_CODES = [
  'BANNER_BEFORE_FRONTMATTER',
  'BOM',
  'CONTENT_BEFORE_FRONTMATTER',
  'CRLF',
  'DESCRIPTION_INVALID',
  'DESCRIPTION_MISSING',
  'ENCODING_INVALID',
  'FIELD_INVALID',
  'FILE_TOO_LARGE',
  'FRONTMATTER_CODE',
  'FRONTMATTER_CUT_SHORT',
  'FRONTMATTER_LANGUAGE_TAG',
  'FRONTMATTER_NOT_MAPPING',
  'FRONTMATTER_TOO_LARGE',
  'FRONTMATTER_UNCLOSED',
  'I18N_INVALID',
  'I18N_SOURCE_MISSING',
  'MODEL_UNKNOWN',
  'NAME_INVALID',
  'NAME_MISSING',
  'NAME_NOT_PORTABLE',
  'NAME_RESERVED',
  'NAME_TOO_LONG',
  'NOT_AN_AGENT',
  'NOT_MD_EXTENSION',
  'NUL_BYTE',
  'READ_FAILED',
  'SPEC_INVALID',
  'TOOL_UNKNOWN',
  'UNKNOWN_KEY',
  'UNSAFE_KEY',
  'YAML_ALIAS_LIMIT',
  'YAML_INVALID',
  'YAML_LENIENT',
  'YAML_TAG_IGNORED',
  'YAML_TOO_DEEP',
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/** Every error code a command can end with. Catalogs hold `error.<CODE>` and `error.<CODE>.hint`. */
export const ERROR_CODES = [
  'AGENT_UNKNOWN',
  'INTERNAL',
  'LOCALE_UNKNOWN',
  'LOCALE_UNAVAILABLE',
  'PATH_NOT_FOUND',
  'USAGE',
  'VALIDATION_FAILED',
  'AGENT_INVALID',
  'AGENT_NAME_UNSAFE',
  'PATH_UNSAFE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
