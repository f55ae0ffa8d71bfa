import * as z from 'zod';
import { claudeNameProblem } from './claude-rules.js';

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

/** Built-in Claude Code tool names (for warnings only: unknown names are passed through). */
export const KNOWN_TOOLS: readonly string[] = [
  'Agent', 'AskUserQuestion', 'Bash', 'BashOutput', 'Edit', 'ExitPlanMode', 'Glob', 'Grep', 'KillBash', 'KillShell',
  'LS', 'ListMcpResourcesTool', 'MultiEdit', 'NotebookEdit', 'NotebookRead', 'Read', 'ReadMcpResourceTool', 'Skill',
  'SlashCommand', 'Task', 'TodoWrite', 'WebFetch', 'WebSearch', 'Write',
];

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

const toolsField = z
  .union([z.string(), z.array(z.string()), z.null()])
  .transform((v) => normaliseTools(v))
  .meta({ description: 'Tools the subagent may use: a comma/space separated string or a list. Absent: all tools; empty: none.' });

const nameField = z
  .string()
  .min(1)
  .refine((v) => claudeNameProblem(v) === undefined, { message: 'name must not contain ":", start with "-" or be longer than 256 characters' })
  .meta({ description: 'Identity of the subagent. Lowercase letters, digits and hyphens are portable.' });

/**
 * The Claude Code subagent front-matter. Unknown keys are kept (Claude Code ignores them);
 * agentpack reports them as warnings.
 */
export const agentFrontMatterSchema = z
  .object({
    name: nameField,
    description: z.string().trim().min(1).meta({ description: 'When Claude should delegate to this subagent.' }),
    tools: toolsField.optional(),
    disallowedTools: toolsField.optional(),
    model: z
      .string()
      .min(1)
      .meta({ description: 'sonnet, opus, haiku, fable, inherit, or a full model id.', examples: [...MODEL_ALIASES] })
      .optional(),
    permissionMode: z.enum(PERMISSION_MODES).optional(),
    maxTurns: z.number().int().positive().optional(),
    skills: z.union([z.string(), z.array(z.string())]).optional(),
    mcpServers: z.array(z.union([z.string(), z.record(z.string(), z.unknown())])).optional(),
    hooks: z.record(z.string(), z.unknown()).optional(),
    memory: z.enum(MEMORY_SCOPES).optional(),
    background: z.boolean().optional(),
    effort: z.enum(EFFORT_LEVELS).optional(),
    isolation: z.enum(ISOLATION_MODES).optional(),
    color: z.enum(COLORS).optional(),
    initialPrompt: z.string().optional(),
  })
  .catchall(z.unknown())
  .meta({ title: 'Claude Code subagent front-matter', description: 'Front-matter of a Claude Code subagent Markdown file.' });

/** A validated agent: the front-matter after normalisation. Unknown keys are kept as extra properties. */
export type AgentSpec = z.infer<typeof agentFrontMatterSchema>;
export type AgentFrontMatterInput = z.input<typeof agentFrontMatterSchema>;

/** Per-field schemas, used to check optional fields one by one (Claude Code drops a bad one silently). */
export const fieldSchemas = agentFrontMatterSchema.shape;

/** JSON Schema of the front-matter, for editors (printed by `agentpack schema`). */
export function agentFrontMatterJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(agentFrontMatterSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return schema;
}
