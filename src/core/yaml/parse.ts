import { isMap, isSeq, parseDocument } from 'yaml';
import { duplicateKeyOffset, exceedsNesting } from './guards.js';
import { parseSimpleMapping } from './simple.js';

/** Limits that keep hostile YAML bounded. */
const YAML_LIMITS = { maxAliasCount: 20, maxDepth: 64 } as const;

/** Keys that must never reach an object: they are dropped and reported. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const DUPLICATE_KEY = 'Map keys must be unique';

export type YamlResult =
  | { ok: true; data: Record<string, unknown>; unsafeKeys: string[]; ignoredTags: string[] }
  | { ok: false; code: 'YAML_INVALID' | 'YAML_ALIAS_LIMIT' | 'YAML_TOO_DEEP' | 'FRONTMATTER_NOT_MAPPING'; detail: string; line?: number };

/**
 * Parse a front-matter block into plain data with null-prototype objects. Never executes code: the
 * `yaml` package's core schema has no function tags, unknown tags (`!!js/function`) stay strings.
 */
export function parseYamlMapping(source: string): YamlResult {
  // Most front-matter is flat `key: text`: read without building a YAML document (yaml-simple.ts).
  const simple = parseSimpleMapping(source);
  if (simple) return { ok: true, data: simple, unsafeKeys: [], ignoredTags: [] };
  return parseMapping(source, true);
}

/** parseYamlMapping without the fast path: always the full YAML parse (tests compare the two). */
export function parseYamlDocument(source: string): YamlResult {
  return parseMapping(source, true);
}

function parseMapping(source: string, uniqueKeys: boolean): YamlResult {
  if (exceedsNesting(source, YAML_LIMITS.maxDepth)) return { ok: false, code: 'YAML_TOO_DEEP', detail: `deeper than ${YAML_LIMITS.maxDepth}` };
  let doc;
  try {
    // Unique keys are checked below in linear time when asked for; the built-in check is quadratic.
    doc = parseDocument(source, { uniqueKeys: false, prettyErrors: false, schema: 'core', version: '1.2', keepSourceTokens: false });
  } catch (error) {
    return { ok: false, code: 'YAML_TOO_DEEP', detail: describe(error) };
  }
  const first = doc.errors[0];
  // The yaml package turns a stack overflow on deeply nested collections into a RESOURCE_EXHAUSTION error.
  const exhausted = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
  if (exhausted) return { ok: false, code: 'YAML_TOO_DEEP', detail: exhausted.message.split('\n')[0] ?? exhausted.code };
  if (first) {
    // prettyErrors is off, so linePos is not filled in: count lines up to the error's offset.
    const line = first.linePos?.[0]?.line ?? lineAt(source, first.pos[0]);
    const result: YamlResult = { ok: false, code: 'YAML_INVALID', detail: first.message.split('\n')[0] ?? first.code };
    if (line !== undefined) result.line = line;
    return result;
  }
  const duplicate = uniqueKeys ? duplicateKeyOffset(doc, YAML_LIMITS.maxDepth) : -1;
  if (duplicate !== -1) return { ok: false, code: 'YAML_INVALID', detail: DUPLICATE_KEY, line: lineAt(source, duplicate) };
  const ignoredTags = doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED').map((w) => w.message.split('\n')[0] ?? '');
  if (doc.contents === null) return { ok: true, data: Object.create(null) as Record<string, unknown>, unsafeKeys: [], ignoredTags };
  if (!isMap(doc.contents)) {
    return { ok: false, code: 'FRONTMATTER_NOT_MAPPING', detail: isSeq(doc.contents) ? 'sequence' : 'scalar' };
  }
  let js: unknown;
  try {
    js = doc.toJS({ mapAsMap: true, maxAliasCount: YAML_LIMITS.maxAliasCount });
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, code: 'YAML_TOO_DEEP', detail: describe(error) };
    const detail = describe(error);
    // Only an alias count over the limit is a bomb; an undefined alias is plain invalid YAML.
    return { ok: false, code: /excessive alias/i.test(detail) ? 'YAML_ALIAS_LIMIT' : 'YAML_INVALID', detail };
  }
  const unsafeKeys: string[] = [];
  const converted = toPlain({ value: js, path: '', depth: 0, unsafeKeys });
  if (converted === TOO_DEEP) return { ok: false, code: 'YAML_TOO_DEEP', detail: `deeper than ${YAML_LIMITS.maxDepth}` };
  return { ok: true, data: converted as Record<string, unknown>, unsafeKeys, ignoredTags };
}

const TOO_DEEP = Symbol('too-deep');

function toPlain(options: { value: unknown; path: string; depth: number; unsafeKeys: string[] }): unknown {
  const { value, path, depth, unsafeKeys } = options;
  if (depth > YAML_LIMITS.maxDepth) return TOO_DEEP;
  if (value instanceof Map) {
    const out = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of value) {
      const key = typeof k === 'string' ? k : String(k);
      const keyPath = path ? `${path}.${key}` : key;
      if (UNSAFE_KEYS.has(key)) {
        unsafeKeys.push(keyPath);
        continue;
      }
      const child = toPlain({ value: v, path: keyPath, depth: depth + 1, unsafeKeys });
      if (child === TOO_DEEP) return TOO_DEEP;
      out[key] = child;
    }
    return out;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      const child = toPlain({ value: value[i], path: `${path}[${i}]`, depth: depth + 1, unsafeKeys });
      if (child === TOO_DEEP) return TOO_DEEP;
      out.push(child);
    }
    return out;
  }
  if (value instanceof Set) return [...value].map(String);
  if (value instanceof Uint8Array) return '[binary]';
  if (value instanceof Date) return value.toISOString();
  return value;
}

function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
}

/**
 * Claude Code retries a front-matter that fails to parse after rewriting it: every top-level
 * `key: value` whose value is not already quoted (nor a flow list) and holds `: ` or one of
 * `{}[]*&#!|>%@\`` is put in double quotes, and leading tabs become two spaces each. Reproduce that
 * rewrite exactly so we can tell "loads thanks to the retry" from "does not load".
 */
export function quoteColonValues(source: string): string {
  return source
    .split('\n')
    .map((line) => {
      const m = /^([a-zA-Z_-]+):\s+(\S.*)$/.exec(line);
      if (!m || m[1] === undefined || m[2] === undefined) return line;
      const value = m[2];
      if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) return line;
      if (value.startsWith('[') && value.endsWith(']') && isFlowList(value)) return line;
      if (!RETRY_QUOTED.test(value)) return line;
      return `${m[1]}: "${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
    })
    .join('\n')
    .replace(/^\t+/gm, (tabs) => '  '.repeat(tabs.length));
}

const RETRY_QUOTED = /[{}[\]*&#!|>%@`]|: /;

function isFlowList(value: string): boolean {
  // Linear rejections first: a hostile value of 16,000 "[]" would otherwise cost a full second parse.
  if (closesEarly(value) || exceedsNesting(value, YAML_LIMITS.maxDepth)) return false;
  const doc = parseDocument(value, { schema: 'core', prettyErrors: false });
  return doc.errors.length === 0 && isSeq(doc.contents);
}

/**
 * Whether a value starting with "[" has its first collection closed before its last character ("[a] [b]",
 * "[][]"): then it is not one flow list. Only decided without quotes or comments, which could hide a bracket.
 */
function closesEarly(value: string): boolean {
  if (/["'#]/.test(value)) return false;
  let depth = 0;
  for (let i = 0; i < value.length - 1; i++) {
    const ch = value[i];
    if (ch === '[' || ch === '{') depth++;
    else if ((ch === ']' || ch === '}') && --depth <= 0) return true;
  }
  return false;
}

/**
 * Read a front-matter that strict YAML rejects the way Claude Code does: its parser lets a repeated key
 * pass (the last one wins) and tab indentation too; when that still fails, it retries once with the
 * rewrite of `quoteColonValues`. A result that is not a mapping is final, as in Claude Code.
 */
export function parseYamlAsClaude(options: { source: string; strict: YamlResult }): YamlResult {
  const { source, strict } = options;
  // Each step is skipped when it would parse the same text the same way as the step before: on hostile
  // input (16,000 YAML errors within the 32 KiB limit) one parse costs a second or more.
  const tabs = /^\t/m.test(source);
  const repeatedKey = !strict.ok && strict.detail === DUPLICATE_KEY;
  if (tabs || repeatedKey) {
    const first = parseMapping(tabs ? source.replace(/^\t+/gm, (t) => '  '.repeat(t.length)) : source, false);
    if (first.ok || first.code === 'FRONTMATTER_NOT_MAPPING' || first.code === 'YAML_TOO_DEEP') return first;
  }
  const quoted = quoteColonValues(source);
  return quoted === source ? strict : parseMapping(quoted, false);
}
