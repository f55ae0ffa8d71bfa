import { claudeNameProblem } from '../claude/rules.js';
import {
  COLORS,
  EFFORT_LEVELS,
  ISOLATION_MODES,
  KNOWN_FIELDS,
  MEMORY_SCOPES,
  NAME_RULE_MESSAGE,
  normaliseTools,
  PERMISSION_MODES,
  type KnownField,
} from './fields.js';
import type { AgentSpec } from './schema.js';

/**
 * A zod-free twin of `agentFrontMatterSchema` (schema.ts), for the commands that read agents on every
 * start (list, show, install, locale, validate): loading zod cost more than the rest of those commands.
 * The zod schema stays the source of truth (spec type, JSON Schema, library API); test/core/agent/schema-check.test.ts
 * proves that both accept and reject the same values, produce the same data and report the same first
 * message. Change them together.
 */

/** What zod's English messages call the type of a value (`received array`). */
function received(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : Number.isFinite(value) ? 'number' : String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') {
    const ctor = 'constructor' in value ? (value as { constructor?: { name?: string } }).constructor : undefined;
    if (Object.getPrototypeOf(value) !== Object.prototype && ctor) return String(ctor.name);
  }
  return typeof value;
}

const expected = (type: string, value: unknown): string => `Invalid input: expected ${type}, received ${received(value)}`;
const INVALID = 'Invalid input';

/** zod's `util.isPlainObject`, the test `z.record` applies. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const ctor = (value as { constructor?: unknown }).constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const proto = (ctor as { prototype?: unknown }).prototype;
  if (typeof proto !== 'object' || proto === null || Array.isArray(proto)) return false;
  return Object.hasOwn(proto, 'isPrototypeOf');
}

/** `z.record(z.string(), z.unknown())`'s output: a fresh plain object over the same enumerable keys and values. */
function copyRecord(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Reflect.ownKeys(value)) {
    if (key === '__proto__' || typeof key !== 'string' || !Object.prototype.propertyIsEnumerable.call(value, key)) continue;
    out[key] = value[key];
  }
  return out;
}

function checkString(value: unknown): string | undefined {
  return typeof value === 'string' ? undefined : expected('string', value);
}

function checkNonEmpty(value: unknown): string | undefined {
  return checkString(value) ?? (value === '' ? 'Too small: expected string to have >=1 characters' : undefined);
}

function checkStringList(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function checkEnum(values: readonly string[]): (value: unknown) => string | undefined {
  return (value) => {
    if (values.includes(value as string)) return undefined;
    return values.length === 1 ? `Invalid input: expected "${values[0]}"` : `Invalid option: expected one of ${values.map((v) => `"${v}"`).join('|')}`;
  };
}

function checkPositiveInt(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return expected('number', value);
  if (!Number.isInteger(value)) return expected('int', value);
  if (value > Number.MAX_SAFE_INTEGER) return `Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}`;
  if (value < Number.MIN_SAFE_INTEGER) return `Too small: expected int to be >=${Number.MIN_SAFE_INTEGER}`;
  return value > 0 ? undefined : 'Too small: expected number to be >0';
}

type Rule = { check(value: unknown): string | undefined; output?(value: unknown): unknown };

const tools: Rule = {
  check: (value) => (typeof value === 'string' || value === null || checkStringList(value) ? undefined : INVALID),
  output: (value) => normaliseTools(value as string | string[] | null),
};

/** One rule per field of the zod schema, in the schema's order. */
const RULES: Record<KnownField, Rule> = {
  name: {
    check: (value) => checkNonEmpty(value) ?? (claudeNameProblem(value as string) === undefined ? undefined : NAME_RULE_MESSAGE),
  },
  description: {
    check: (value) => checkString(value) ?? ((value as string).trim() === '' ? 'Too small: expected string to have >=1 characters' : undefined),
    output: (value) => (value as string).trim(),
  },
  tools,
  disallowedTools: tools,
  model: { check: checkNonEmpty },
  permissionMode: { check: checkEnum(PERMISSION_MODES) },
  maxTurns: { check: checkPositiveInt },
  skills: { check: (value) => (typeof value === 'string' || checkStringList(value) ? undefined : INVALID) },
  mcpServers: {
    check: (value) => {
      if (!Array.isArray(value)) return expected('array', value);
      return value.every((item) => typeof item === 'string' || isPlainObject(item)) ? undefined : INVALID;
    },
    output: (value) => (value as unknown[]).map((item) => (typeof item === 'string' ? item : copyRecord(item as Record<string, unknown>))),
  },
  hooks: {
    check: (value) => (isPlainObject(value) ? undefined : expected('record', value)),
    output: (value) => copyRecord(value as Record<string, unknown>),
  },
  memory: { check: checkEnum(MEMORY_SCOPES) },
  background: { check: (value) => (typeof value === 'boolean' ? undefined : expected('boolean', value)) },
  effort: { check: checkEnum(EFFORT_LEVELS) },
  isolation: { check: checkEnum(ISOLATION_MODES) },
  color: { check: checkEnum(COLORS) },
  initialPrompt: { check: checkString },
};

const REQUIRED: ReadonlySet<string> = new Set(['name', 'description']);
const KNOWN: ReadonlySet<string> = new Set(KNOWN_FIELDS);

/** As `agentFrontMatterSchema.shape[field].safeParse(value).success`. */
export function isFieldValid(field: KnownField, value: unknown): boolean {
  if (value === undefined) return !REQUIRED.has(field);
  return RULES[field].check(value) === undefined;
}

/**
 * As `agentFrontMatterSchema.safeParse(input)`: on success the same data (same keys in the same order,
 * tools normalised, description trimmed, unknown keys kept); on failure the message of zod's first issue.
 */
export function parseSpec(input: Record<string, unknown>): { success: true; data: AgentSpec } | { success: false; message: string } {
  const out: Record<string, unknown> = {};
  let first: string | undefined;
  for (const field of KNOWN_FIELDS) {
    const present = field in input;
    const value = input[field];
    if (value === undefined) {
      if (REQUIRED.has(field)) first ??= expected('string', value);
      else if (present) out[field] = undefined;
      continue;
    }
    const rule = RULES[field];
    const problem = rule.check(value);
    if (problem !== undefined) {
      first ??= problem;
      continue;
    }
    out[field] = rule.output ? rule.output(value) : value;
  }
  for (const key in input) {
    if (KNOWN.has(key) || key === '__proto__') continue;
    out[key] = input[key];
  }
  return first === undefined ? { success: true, data: out as AgentSpec } : { success: false, message: first };
}

/** The two checks checkFields needs; test/core/agent/schema-check.test.ts passes zod-backed ones to compare whole reports. */
export interface SpecRules {
  isFieldValid(field: KnownField, value: unknown): boolean;
  parseSpec(input: Record<string, unknown>): { success: true; data: AgentSpec } | { success: false; message: string };
}

export const zodFreeRules: SpecRules = { isFieldValid, parseSpec };
