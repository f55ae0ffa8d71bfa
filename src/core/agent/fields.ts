/**
 * The front-matter's vocabulary: field names, allowed values, tool-list helpers. No zod here, so that the
 * commands which only read agents (list, show, install, locale) never load it; schema.ts builds the zod
 * schema from these constants and stays the source of truth for the spec type, the JSON Schema and the
 * library API.
 */
import { CLAUDE_TOOL_ALIASES, CLAUDE_TOOL_NAMES } from '../claude/tool-names.js';

/** Every front-matter field Claude Code reads, in the order agentpack renders them. */
export const KNOWN_FIELDS = [
  'name',
  'description',
  'tools',
  'disallowedTools',
  'model',
  'permissionMode',
  'maxTurns',
  'skills',
  'mcpServers',
  'hooks',
  'memory',
  'background',
  'effort',
  'isolation',
  'color',
  'initialPrompt',
] as const;
export type KnownField = (typeof KNOWN_FIELDS)[number];

/** Fields that a translation may change; everything else must equal the source. */
export const TRANSLATABLE_FIELDS: readonly string[] = ['description'];

export const MODEL_ALIASES = ['sonnet', 'opus', 'haiku', 'fable', 'inherit'] as const;
export const PERMISSION_MODES = ['default', 'acceptEdits', 'auto', 'dontAsk', 'bypassPermissions', 'plan', 'manual'] as const;
export const MEMORY_SCOPES = ['user', 'project', 'local'] as const;
export const EFFORT_LEVELS = ['low', 'medium', 'high', 'xhigh', 'max'] as const;
export const ISOLATION_MODES = ['worktree'] as const;
export const COLORS = ['red', 'blue', 'green', 'yellow', 'purple', 'orange', 'pink', 'cyan'] as const;

/** Built-in tool names of the pinned Claude Code, read out of its binary (for warnings only: unknown names are passed through). */
export const KNOWN_TOOLS: readonly string[] = CLAUDE_TOOL_NAMES;

/** The current names, for "did you mean": an old name (`Task`, `KillShell`) is accepted but never suggested. */
export const CURRENT_TOOLS: readonly string[] = CLAUDE_TOOL_NAMES.filter((name) => !(name in CLAUDE_TOOL_ALIASES));

/** The portable form of a name, and the only form that becomes a file name. */
export const PORTABLE_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Tri-state tool selection: every tool, no tool, or the listed ones. Absent field = every tool. */
export type ToolSelection = { kind: 'all' } | { kind: 'none' } | { kind: 'list'; tools: string[] };

/** Split a `tools` string on commas/whitespace outside parentheses: `Bash(git diff:*)` stays one entry. */
export function splitToolString(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of value) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === ',' || /\s/.test(ch))) {
      if (current) out.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  if (current) out.push(current);
  return out;
}

export function normaliseTools(value: string | string[] | null): ToolSelection {
  const entries = value === null ? [] : typeof value === 'string' ? splitToolString(value) : value.flatMap(splitToolString);
  if (entries.length === 0) return { kind: 'none' };
  if (entries.includes('*')) return { kind: 'all' };
  return { kind: 'list', tools: entries };
}

/** Why the schema refuses a `name` Claude Code would not load (claude-rules.ts), as its issue message. */
export const NAME_RULE_MESSAGE = 'name must not contain ":", start with "-" or be longer than 256 characters';
