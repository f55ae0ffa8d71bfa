import { Document, Scalar } from 'yaml';
import { KNOWN_FIELDS, type AgentSpec, type ToolSelection } from './schema.js';

/**
 * Render the exact bytes agentpack installs (DESIGN §5): front-matter at byte 0 in canonical field order,
 * `description` on one line, no banner, no `i18n` block, LF, no BOM, a blank line, the body, one final newline.
 * Deterministic: the same spec and body always give the same string.
 */
export function renderAgent(agent: { spec: AgentSpec; body: string; asWritten?: Record<string, unknown> }): string {
  const { spec } = agent;
  const ordered: Record<string, unknown> = {};
  for (const field of KNOWN_FIELDS) {
    const value = spec[field];
    if (value === undefined) {
      // A value Claude Code would drop (e.g. `color: magenta`): kept as the author wrote it, when asked to.
      if (agent.asWritten && Object.prototype.hasOwnProperty.call(agent.asWritten, field)) ordered[field] = agent.asWritten[field];
      continue;
    }
    ordered[field] = field === 'tools' || field === 'disallowedTools' ? renderTools(value as ToolSelection) : value;
  }
  const extra = Object.keys(spec)
    .filter((k) => !(KNOWN_FIELDS as readonly string[]).includes(k) && k !== 'i18n')
    .sort();
  for (const key of extra) ordered[key] = spec[key];

  const doc = new Document(ordered, { sortMapEntries: false });
  const description = doc.get('description', true);
  if (description instanceof Scalar && typeof description.value === 'string' && /[\n\t]/.test(description.value)) {
    description.type = 'QUOTE_DOUBLE';
  }
  const yaml = doc.toString({ lineWidth: 0, minContentWidth: 0, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER });
  return `---\n${yaml}---\n\n${normaliseBody(agent.body)}`;
}

/**
 * Known optional fields that the author wrote but the spec left out because Claude Code would drop their
 * value (reported as FIELD_INVALID): what `renderAgent` keeps as written when given as `asWritten`.
 */
export function fieldsAsWritten(options: { spec: AgentSpec; data: Record<string, unknown> | undefined }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const { spec, data } = options;
  if (!data) return out;
  for (const field of KNOWN_FIELDS) {
    if (field === 'name' || field === 'description' || spec[field] !== undefined) continue;
    if (Object.prototype.hasOwnProperty.call(data, field) && data[field] !== undefined) out[field] = data[field];
  }
  return out;
}

function renderTools(selection: ToolSelection): string | string[] {
  if (selection.kind === 'all') return '*';
  if (selection.kind === 'none') return [];
  return selection.tools.join(', ');
}

/** LF only, no trailing whitespace-only lines at the ends, exactly one final newline. */
export function normaliseBody(body: string): string {
  const text = body.replace(/\r\n?/g, '\n').replace(/^\n+/, '').replace(/\s+$/, '');
  return text === '' ? '' : `${text}\n`;
}
