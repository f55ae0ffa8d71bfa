import { Document, parseDocument, Scalar, visit } from 'yaml';
import { KNOWN_FIELDS, splitToolString, type ToolSelection } from './fields.js';
import type { AgentSpec } from './schema.js';
import { stringifySimpleMapping } from '../yaml/simple.js';

/**
 * Render the exact bytes agentpack installs (deterministic, so the manifest's hash can tell an edit): front-matter at byte 0 in canonical field order,
 * `description` on one line, no banner, no `i18n` block, LF, no BOM, a blank line, the body, one final newline.
 * Deterministic: the same spec and body always give the same string. `description`, when given, is what
 * Claude Code showed for the original file (ParsedAgent.shownDescription): it is written instead of the
 * trimmed `spec.description`, double-quoted with `\n` escapes when it holds a newline, so that Claude Code
 * shows exactly that text again.
 */
export function renderAgent(agent: { spec: AgentSpec; body: string; asWritten?: Record<string, unknown>; description?: string | undefined }): string {
  const spec = agent.description === undefined ? agent.spec : { ...agent.spec, description: agent.description };
  const ordered: Record<string, unknown> = {};
  for (const field of KNOWN_FIELDS) {
    const value = spec[field];
    if (value === undefined) {
      // A value Claude Code would drop (e.g. `color: magenta`): kept as the author wrote it, when asked to.
      if (agent.asWritten && Object.hasOwn(agent.asWritten, field)) ordered[field] = agent.asWritten[field];
      continue;
    }
    ordered[field] = field === 'tools' || field === 'disallowedTools' ? renderTools(value as ToolSelection) : value;
  }
  const extra = Object.keys(spec)
    .filter((k) => !(KNOWN_FIELDS as readonly string[]).includes(k) && k !== 'i18n')
    .sort();
  for (const key of extra) ordered[key] = spec[key];

  // Plain `key: text` front-matter (most agents) is written directly, byte for byte what the yaml
  // package prints for it (test/yaml-simple.test.ts); the rest by the yaml package.
  const simple = stringifySimpleMapping(ordered);
  return `---\n${simple ?? stringifyWithYaml(ordered)}---\n\n${normaliseBody(agent.body)}`;
}

/** The front-matter text as the yaml package prints it (any values). */
export function stringifyWithYaml(ordered: Record<string, unknown>): string {
  // No anchors: an object used twice is written out twice.
  const doc = new Document(ordered, { sortMapEntries: false, aliasDuplicateObjects: false });
  const description = doc.get('description', true);
  if (description instanceof Scalar && typeof description.value === 'string' && /[\n\t]/.test(description.value)) {
    description.type = 'QUOTE_DOUBLE';
  }
  quoteFences(doc);
  const options = { lineWidth: 0, minContentWidth: 0, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER } as const;
  let yaml = hideFences(doc.toString(options));
  // yaml 2.x writes some block scalars that do not read back (the list item " \n" comes back as "\n"):
  // then every multi-line string is written double-quoted, which always does.
  if (!readsBack(yaml, doc)) yaml = hideFences(doc.toString({ ...options, blockQuote: false }));
  return yaml;
}

/**
 * Claude Code ends the front-matter at the first "---" anywhere, even inside a value (see readAsCut in
 * parse-agent.ts): a key or value holding "---" is written double-quoted, so that hideFences can escape it.
 */
function quoteFences(doc: Document): void {
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && node.value.includes('---')) node.type = 'QUOTE_DOUBLE';
    },
  });
}

/**
 * Write every third dash of a run as the escape \x2d, which only double-quoted scalars contain after
 * quoteFences: the rendered front-matter never holds "---", and reads back to the same text.
 */
function hideFences(yaml: string): string {
  return yaml.replace(/--(?=-)/g, '-\\x2d');
}

/**
 * `tools` as one comma-separated string, or as a YAML list when the string would not split back into
 * the same entries (an unbalanced parenthesis such as `Bash(x` swallows the commas after it).
 */
function readsBack(yaml: string, doc: Document): boolean {
  const again = parseDocument(yaml, { schema: 'core', version: '1.2', uniqueKeys: false });
  return again.errors.length === 0 && JSON.stringify(again.toJS()) === JSON.stringify(doc.toJS());
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
    if (Object.hasOwn(data, field) && data[field] !== undefined) out[field] = data[field];
  }
  return out;
}

export function renderTools(selection: ToolSelection): string | string[] {
  if (selection.kind === 'all') return '*';
  if (selection.kind === 'none') return [];
  const joined = selection.tools.join(', ');
  const back = splitToolString(joined);
  return back.length === selection.tools.length && back.every((t, i) => t === selection.tools[i]) ? joined : [...selection.tools];
}

/** LF only, no trailing whitespace-only lines at the ends, exactly one final newline. */
export function normaliseBody(body: string): string {
  // trimEnd(), not /\s+$/: the regex is quadratic on a long run of blanks followed by text.
  const text = body.replace(/\r\n?/g, '\n').replace(/^\n+/, '').trimEnd();
  return text === '' ? '' : `${text}\n`;
}
