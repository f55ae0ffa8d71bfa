import { agentNameProblem, MAX_AGENT_NAME_LENGTH, previewName } from './name.js';
import type { DiagnosticCode } from '../codes.js';
import type { DiagnosticParams, Severity } from '../diagnostics.js';
import { claudeHooksProblem, claudeNameProblem } from '../claude/rules.js';
import { nearestKey } from '../nearest.js';
import { CURRENT_TOOLS, KNOWN_FIELDS, KNOWN_TOOLS, MODEL_ALIASES, type ToolSelection } from './fields.js';
import type { AgentSpec } from './schema.js';
// The zod-free twin of agentFrontMatterSchema, held to it by test/core/agent/schema-check.test.ts: zod is not loaded on the read path.
import { zodFreeRules, type SpecRules } from './schema-check.js';

/** The machine-readable link from a translation to its source, so a stale translation can be caught. */
export interface I18nLink {
  source?: string;
  sourceHash?: string;
}

type Report = (severity: Severity, code: DiagnosticCode, extra?: { line?: number; params?: DiagnosticParams }) => void;

const SOURCE_HASH = /^sha256:[0-9a-f]{64}$/;

/**
 * A `key: value` line that only looks like a key: it follows a description Claude Code's retry had to quote
 * (its text holds ": "), with nothing but such lines in between (`user: …` / `assistant: …` of an example).
 */
function continuesDescription(options: { key: string; fieldLines: Map<string, number>; description: unknown }): boolean {
  const { key, fieldLines, description } = options;
  const start = fieldLines.get('description');
  const line = fieldLines.get(key);
  if (typeof description !== 'string' || !description.includes(': ') || start === undefined || line === undefined || line <= start) return false;
  return [...fieldLines].every(([other, at]) => at <= start || at >= line || !(KNOWN_FIELDS as readonly string[]).includes(other));
}
const OPTIONAL_FIELDS = KNOWN_FIELDS.filter((f) => f !== 'name' && f !== 'description');

/**
 * Check parsed front-matter field by field. Errors make the agent unusable; warnings are what Claude
 * Code would drop silently or what is not portable. Invalid optional fields are left out of the spec.
 */
export function checkFields(options: {
  data: Record<string, unknown>;
  fieldLines: Map<string, number>;
  report: Report;
  rules?: SpecRules;
  /** The front-matter parsed only after Claude Code's retry quoted its values (YAML_LENIENT). */
  lenient?: boolean;
}): {
  spec?: AgentSpec;
  i18n?: I18nLink;
  loadable: boolean;
  notAnAgent: boolean;
} {
  const { data, fieldLines, report } = options;
  const { isFieldValid, parseSpec } = options.rules ?? zodFreeRules;
  const at = (key: string): { line?: number } => {
    const line = fieldLines.get(key);
    return line === undefined ? {} : { line };
  };
  const name = data['name'];
  const description = data['description'];
  if (name === undefined && description === undefined) return { loadable: false, notAnAgent: true };

  let usable = true;
  // Claude Code lists an agent whose description is only blanks; it never delegates to it on its own.
  let claudeLoads = true;
  if (name === undefined || name === null || name === '') {
    report('error', 'NAME_MISSING', { line: fieldLines.values().next().value ?? 1 });
    usable = false;
  } else if (typeof name !== 'string') {
    report('error', 'NAME_INVALID', { ...at('name'), params: { name: preview(name), reason: 'type' } });
    usable = false;
  } else if (claudeNameProblem(name)) {
    report('error', 'NAME_INVALID', { ...at('name'), params: { name, reason: claudeNameProblem(name) ?? '' } });
    usable = false;
  } else {
    // The check the installer applies before a name becomes a file name (name.ts).
    const problem = agentNameProblem(name);
    if (problem === 'pattern') report('warning', 'NAME_NOT_PORTABLE', { ...at('name'), params: { name: previewName(name) } });
    else if (problem === 'reserved') report('warning', 'NAME_RESERVED', { ...at('name'), params: { name } });
    else if (problem === 'too-long') report('warning', 'NAME_TOO_LONG', { ...at('name'), params: { name: previewName(name), limit: MAX_AGENT_NAME_LENGTH } });
  }
  if (!usable) claudeLoads = false;
  if (description === undefined || description === null || description === '') {
    report('error', 'DESCRIPTION_MISSING', at('description'));
    usable = claudeLoads = false;
  } else if (typeof description !== 'string') {
    report('error', 'DESCRIPTION_INVALID', { ...at('description'), params: { type: typeof description } });
    usable = claudeLoads = false;
  } else if (description.trim() === '') {
    report('error', 'DESCRIPTION_BLANK', at('description'));
    usable = false;
  }
  const hooksProblem = claudeHooksProblem(data);
  if (hooksProblem !== undefined) {
    report('error', 'HOOKS_BLOCK_AGENT', { ...at(hooksProblem.split('.')[0] ?? 'hooks'), params: { path: hooksProblem } });
    usable = claudeLoads = false;
  }

  const clean: Record<string, unknown> = {};
  for (const key of Object.keys(data)) {
    const value = data[key];
    if (key === 'i18n') continue;
    if (key === 'name' || key === 'description') {
      clean[key] = value;
      continue;
    }
    if ((OPTIONAL_FIELDS as readonly string[]).includes(key)) {
      const ok = isFieldValid(key as (typeof OPTIONAL_FIELDS)[number], value);
      if (key === 'hooks' && hooksProblem === 'hooks') continue;
      if (!ok || value === undefined) {
        report('warning', 'FIELD_INVALID', { ...at(key), params: { field: key, value: preview(value) } });
        continue;
      }
      clean[key] = value;
      continue;
    }
    if (options.lenient === true && continuesDescription({ key, fieldLines, description })) {
      report('warning', 'DESCRIPTION_LINE_UNQUOTED', { ...at(key), params: { key, line: fieldLines.get(key) ?? 0 } });
      clean[key] = value;
      continue;
    }
    const suggestion = nearestKey(key, [...KNOWN_FIELDS, 'i18n']);
    report('warning', 'UNKNOWN_KEY', { ...at(key), params: suggestion ? { key, suggestion } : { key } });
    clean[key] = value;
  }

  const i18n = checkI18n({ value: data['i18n'], line: at('i18n'), report });
  if (!usable) return i18n ? { i18n, loadable: claudeLoads, notAnAgent: false } : { loadable: claudeLoads, notAnAgent: false };

  const parsed = parseSpec(clean);
  if (!parsed.success) {
    report('error', 'SPEC_INVALID', { params: { detail: parsed.message } });
    return { loadable: false, notAnAgent: false };
  }
  const spec = parsed.data;
  if (typeof spec.model === 'string' && !(MODEL_ALIASES as readonly string[]).includes(spec.model) && !spec.model.includes('claude')) {
    report('warning', 'MODEL_UNKNOWN', { ...at('model'), params: { model: spec.model } });
  }
  for (const field of ['tools', 'disallowedTools'] as const) checkTools({ selection: spec[field], field, line: at(field), report });
  const out: { spec: AgentSpec; i18n?: I18nLink; loadable: boolean; notAnAgent: boolean } = { spec, loadable: true, notAnAgent: false };
  if (i18n) out.i18n = i18n;
  return out;
}

function checkTools(options: { selection: ToolSelection | undefined; field: string; line: { line?: number }; report: Report }): void {
  const { selection, field, line, report } = options;
  if (selection?.kind !== 'list') return;
  for (const entry of selection.tools) {
    const toolName = /^([^()]+)/.exec(entry)?.[1] ?? entry;
    if (toolName.startsWith('mcp__') || KNOWN_TOOLS.includes(toolName)) continue;
    const suggestion = nearestKey(toolName, CURRENT_TOOLS);
    report('warning', 'TOOL_UNKNOWN', { ...line, params: suggestion ? { field, tool: entry, suggestion } : { field, tool: entry } });
  }
}

function checkI18n(options: { value: unknown; line: { line?: number }; report: Report }): I18nLink | undefined {
  const { value, line, report } = options;
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    report('error', 'I18N_INVALID', { ...line, params: { detail: 'not-a-mapping' } });
    return {};
  }
  const record = value as Record<string, unknown>;
  const link: I18nLink = {};
  if (typeof record['source'] === 'string' && record['source'] !== '') link.source = record['source'];
  else report('error', 'I18N_SOURCE_MISSING', line);
  const hash = record['sourceHash'];
  if (typeof hash === 'string' && SOURCE_HASH.test(hash)) link.sourceHash = hash;
  else if (hash !== undefined && hash !== null) report('error', 'I18N_INVALID', { ...line, params: { detail: 'sourceHash' } });
  return link;
}

function preview(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
