import * as z from 'zod';
import { claudeNameProblem } from '../claude/rules.js';

export {
  COLORS,
  EFFORT_LEVELS,
  ISOLATION_MODES,
  KNOWN_FIELDS,
  KNOWN_TOOLS,
  MEMORY_SCOPES,
  MODEL_ALIASES,
  PERMISSION_MODES,
  TRANSLATABLE_FIELDS,
  type ToolSelection,
} from './fields.js';
import { COLORS, EFFORT_LEVELS, ISOLATION_MODES, MEMORY_SCOPES, MODEL_ALIASES, NAME_RULE_MESSAGE, normaliseTools, PERMISSION_MODES } from './fields.js';

const toolsField = z
  .union([z.string(), z.array(z.string()), z.null()])
  .transform((v) => normaliseTools(v))
  .meta({ description: 'Tools the subagent may use: a comma/space separated string or a list. Absent: all tools; empty: none.' });

const nameField = z
  .string()
  .min(1)
  .refine((v) => claudeNameProblem(v) === undefined, { message: NAME_RULE_MESSAGE })
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

/** JSON Schema of the front-matter, for editors (printed by `agentpack schema`). */
export function agentFrontMatterJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(agentFrontMatterSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return schema;
}
