/** What the manifest schema and its zod-free twin (schema-check.ts) both need to agree on. */
export const MANIFEST_VERSION = 1;
export const HASH_PATTERN = /^sha256:[0-9a-f]{64}$/;
/** A git commit id: SHA-1 or SHA-256, lowercase hex. */
export const COMMIT_PATTERN = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
export const LOCALE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/;
/** A translation's status when it was installed (i18n/status.ts's statuses), or `source` for the canonical variant. */
export const RECORDED_STATUSES = ['source', 'current', 'outdated', 'untracked', 'skeleton', 'missing', 'invalid', 'orphaned'] as const;
export const AGENT_KEY_MESSAGE = 'agent name must be one Claude Code loads (no ":", not starting with "-") of at most 128 characters';
export const AGENT_FILE_MESSAGE = 'file must be lowercase letters, digits and single hyphens, then .md (.agent.md or .toml for another tool)';
export const ORIGINAL_NAME_MESSAGE = 'originalName must be one Claude Code loads (no ":", not starting with "-") of at most 128 characters';
