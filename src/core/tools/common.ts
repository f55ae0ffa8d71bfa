import type { ToolSelection } from '../agent/fields.js';
import { normaliseBody, stringifyWithYaml } from '../agent/render.js';
import { parseYamlMapping } from '../yaml/parse.js';
import type { Loss, ToolAgent } from './tool.js';

/** Claude Code tools that only read: a list made of these alone is a read-only agent. */
const READ_ONLY_TOOLS: ReadonlySet<string> = new Set(['Read', 'Grep', 'Glob', 'LS', 'NotebookRead', 'WebFetch', 'WebSearch', 'TodoWrite', 'TodoRead']);

/** `Bash(git diff:*)` → `Bash`: the tool a scoped entry names. */
function baseTool(entry: string): string {
  const open = entry.indexOf('(');
  return (open === -1 ? entry : entry.slice(0, open)).trim();
}

/** Whether an agent's tools only read (absent or `*`: every tool, so no). */
export function isReadOnly(tools: ToolSelection | undefined): boolean {
  if (tools === undefined || tools.kind === 'all') return false;
  if (tools.kind === 'none') return true;
  return tools.tools.every((entry) => READ_ONLY_TOOLS.has(baseTool(entry)));
}

/**
 * Claude tool names → the tool's names through a table (a Claude name the table lacks, or maps to null, has no
 * equivalent: a loss); a scoped entry is widened to its whole tool (a loss). In the table's order of first use, no duplicates.
 */
export function mapTools(options: { tools: ToolSelection; table: Readonly<Record<string, string | null>> }): { names: string[]; losses: Loss[] } {
  const { tools, table } = options;
  if (tools.kind !== 'list') return { names: [], losses: [] };
  const names: string[] = [];
  const losses: Loss[] = [];
  for (const entry of tools.tools) {
    const base = baseTool(entry);
    const to = Object.hasOwn(table, base) ? table[base] : undefined;
    if (to === undefined || to === null) {
      losses.push({ kind: 'tool-unmapped', tool: entry });
      continue;
    }
    if (base !== entry) losses.push({ kind: 'tool-widened', tool: entry, to });
    if (!names.includes(to)) names.push(to);
  }
  return { names, losses };
}

/** Every front-matter field of the agent that the tool's file does not carry. */
export function droppedFields(options: { agent: ToolAgent; carried: readonly string[] }): Loss[] {
  const carried = new Set(['name', 'description', 'i18n', ...options.carried]);
  return Object.keys(options.agent.spec)
    .filter((field) => options.agent.spec[field] !== undefined && !carried.has(field))
    .sort()
    .map((field) => ({ kind: 'field-dropped', field }));
}

/**
 * The agent's `model` through a tool's table (kept as data in each tool's folder): a Claude alias or id the table
 * maps is written mapped (a loss that says to what), `null` or a model the table lacks is left out (a loss: the
 * tool then uses its own default). No model: nothing to say.
 */
export function mapModel(options: { spec: ToolAgent['spec']; table: Readonly<Record<string, string | null>>; prefix?: { from: string; to: string } }): {
  model?: string;
  losses: Loss[];
} {
  const model = options.spec.model;
  if (typeof model !== 'string') return { losses: [] };
  const mapped = Object.hasOwn(options.table, model) ? options.table[model] : undefined;
  if (mapped === null || (mapped === undefined && !(options.prefix && model.startsWith(options.prefix.from)))) {
    return { losses: [{ kind: 'model-dropped', model }] };
  }
  const to = mapped ?? `${options.prefix?.to ?? ''}${model}`;
  return { model: to, losses: to === model ? [] : [{ kind: 'model-mapped', model, to }] };
}

/** `---`, the front-matter as the yaml package writes it (fences inside values escaped), `---`, a blank line, the body. */
export function markdownFile(options: { fields: Record<string, unknown>; body: string }): string {
  return `---\n${stringifyWithYaml(options.fields)}---\n\n${normaliseBody(options.body)}`;
}

type FieldRule = 'string' | 'string-list' | 'boolean' | 'number' | 'any';

/**
 * A Markdown agent file by a tool's rules: front-matter at byte 0 that is a YAML mapping, the required fields
 * non-empty strings, every field one the tool knows, with the type it takes.
 */
export function validateMarkdown(options: { content: string; required: readonly string[]; fields: Readonly<Record<string, FieldRule>> }): string[] {
  const { content, required, fields } = options;
  if (!content.startsWith('---\n')) return ['the file must start with YAML front-matter'];
  const end = content.indexOf('\n---\n', 3);
  if (end === -1) return ['the front-matter is not closed'];
  const parsed = parseYamlMapping(content.slice(4, end + 1));
  if (!parsed.ok) return [`the front-matter is not YAML: ${parsed.detail}`];
  const data = parsed.data;
  const problems: string[] = [];
  for (const field of required) {
    const value = data[field];
    if (typeof value !== 'string' || value.trim() === '') problems.push(`${field} is required`);
  }
  for (const [field, value] of Object.entries(data)) {
    const rule = Object.hasOwn(fields, field) ? fields[field] : undefined;
    if (rule === undefined) problems.push(`${field} is not a field this tool knows`);
    else if (!fits(rule, value)) problems.push(`${field} must be ${rule === 'string-list' ? 'a YAML list of strings' : `a ${rule}`}`);
  }
  return problems;
}

function fits(rule: FieldRule, value: unknown): boolean {
  if (rule === 'any') return true;
  if (rule === 'string-list') return Array.isArray(value) && value.every((v) => typeof v === 'string');
  return typeof value === rule;
}
