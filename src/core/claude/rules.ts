/**
 * Rules the real Claude Code applies when it reads an agent file, found by running Claude Code 2.1.332
 * against hand-made files (test-claude/agreement.test.ts keeps them honest). Pure.
 */

/** Files larger than this many bytes are skipped before they are parsed. */
export const CLAUDE_MAX_FILE_BYTES = 1_048_576;
/** Longer names are rejected. */
const CLAUDE_MAX_NAME_LENGTH = 256;

/** Why Claude Code rejects a `name`, or undefined when it accepts it. Checked after NFKC, as Claude Code does. */
export function claudeNameProblem(name: string): 'dash' | 'colon' | 'length' | undefined {
  if (name.startsWith('-')) return 'dash';
  if (name.length > CLAUDE_MAX_NAME_LENGTH) return 'length';
  if (name.normalize('NFKC').includes(':')) return 'colon';
  return undefined;
}

/**
 * What Claude Code shows as the description, from the YAML value as parsed (untrimmed, so a `|` or `>` block
 * keeps its final newline): a literal backslash-n (two characters) becomes a newline, in every scalar style.
 */
export function claudeDescription(description: string): string {
  return description.replaceAll('\\n', '\n');
}

/** Hook events whose malformed entries make Claude Code skip the whole agent (they may guard permissions). */
const GUARD_EVENTS = new Set(['PreToolUse', 'PermissionRequest', 'PreSkillShellCommand']);
/** Every hook event Claude Code 2.1.332 knows. */
const HOOK_EVENTS = new Set([
  'PreToolUse',
  'PostToolUse',
  'PostToolUseFailure',
  'PostToolBatch',
  'Notification',
  'UserPromptSubmit',
  'UserPromptExpansion',
  'SessionStart',
  'SessionEnd',
  'Stop',
  'StopFailure',
  'SubagentStart',
  'SubagentStop',
  'PreCompact',
  'PostCompact',
  'PreModelSwitch',
  'PostModelSwitch',
  'PermissionRequest',
  'PermissionDenied',
  'Setup',
  'TeammateIdle',
  'TaskCreated',
  'TaskCompleted',
  'Elicitation',
  'ElicitationResult',
  'ConfigChange',
  'WorktreeCreate',
  'WorktreeRemove',
  'InstructionsLoaded',
  'CwdChanged',
  'FileChanged',
  'DirectoryAdded',
  'MessageDisplay',
  'PreSkillShellCommand',
]);
const HOOK_TYPES = new Set(['command', 'prompt', 'agent', 'http', 'mcp_tool']);
/** Keys Claude Code does not search for misplaced hooks. */
const UNSCANNED = new Set(['metadata', 'mcpServers', 'lspServers']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object holding a guard event with a value (`{ PreToolUse: [ … ] }`). */
function holdsGuard(value: unknown): boolean {
  if (!isRecord(value)) return false;
  return Object.entries(value).some(([k, v]) => GUARD_EVENTS.has(k) && v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0));
}

/** A matcher object such as `{ matcher: Bash, hooks: [ … ] }`. */
function isMatcher(value: unknown): boolean {
  if (!isRecord(value)) return false;
  if (!('matcher' in value) && Object.keys(value).some((k) => HOOK_EVENTS.has(k))) return false;
  const hooks = value['hooks'];
  if (Array.isArray(hooks)) return hooks.length > 0;
  return isRecord(hooks) && ('matcher' in value || typeof hooks['type'] === 'string');
}

/** Guard hooks (or, where they count, hook matchers) within `depth` levels of `value`. */
function holdsHooks(value: unknown, options: { depth: number; matchers: boolean; inHooksList?: boolean }): boolean {
  const { depth, matchers } = options;
  if (holdsGuard(value) || (matchers && isMatcher(value))) return true;
  if (depth === 0 || typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some((v) => holdsHooks(v, { ...options, depth: depth - 1 }));
  if (options.inHooksList && typeof (value as Record<string, unknown>)['type'] === 'string') return false;
  return Object.entries(value).some(
    ([k, v]) =>
      !UNSCANNED.has(k) && holdsHooks(v, { depth: depth - 1, matchers: matchers && !HOOK_EVENTS.has(k), inHooksList: k === 'hooks' && Array.isArray(v) }),
  );
}

function validGuardEntries(value: unknown[]): boolean {
  return value.every(
    (entry) =>
      isRecord(entry) &&
      Array.isArray(entry['hooks']) &&
      entry['hooks'].every((hook) => isRecord(hook) && typeof hook['type'] === 'string' && HOOK_TYPES.has(hook['type'])),
  );
}

/**
 * The first hooks problem that makes Claude Code skip the whole agent, as a key path, or undefined. It
 * never runs an agent whose permission-guarding hooks (PreToolUse, PermissionRequest) it cannot load, nor
 * one with hooks outside `hooks:` or a `hooks:` that is not a map of events. Other hook mistakes only
 * drop the hook and are left to the field checks.
 */
export function claudeHooksProblem(data: Record<string, unknown>): string | undefined {
  for (const [key, value] of Object.entries(data)) {
    if (key === 'hooks' || UNSCANNED.has(key)) continue;
    if (GUARD_EVENTS.has(key) ? holdsGuard({ [key]: value }) : holdsHooks(value, { depth: 3, matchers: !HOOK_EVENTS.has(key) })) return key;
  }
  const hooks = data['hooks'];
  if (!hooks) return undefined;
  if (!isRecord(hooks) || isMatcher(hooks)) return 'hooks';
  for (const [event, value] of Object.entries(hooks)) {
    const path = `hooks.${event}`;
    if (!HOOK_EVENTS.has(event)) {
      if (holdsHooks(value, { depth: 3, matchers: !Array.isArray(value) })) return path;
    } else if (!Array.isArray(value)) {
      if ((GUARD_EVENTS.has(event) && value !== null) || holdsHooks(value, { depth: 3, matchers: false })) return path;
    } else if (GUARD_EVENTS.has(event) && !validGuardEntries(value)) return path;
  }
  return undefined;
}
