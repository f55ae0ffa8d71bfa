import { isMap, isSeq, parseDocument } from 'yaml';
import { exceedsNesting, hasDuplicateKey } from './yaml-guards.js';

/** Limits that keep hostile YAML bounded. */
export const YAML_LIMITS = { maxAliasCount: 20, maxDepth: 64 } as const;

/** Keys that must never reach an object: they are dropped and reported. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type YamlResult =
  | { ok: true; data: Record<string, unknown>; unsafeKeys: string[]; ignoredTags: string[] }
  | { ok: false; code: 'YAML_INVALID' | 'YAML_ALIAS_LIMIT' | 'YAML_TOO_DEEP' | 'FRONTMATTER_NOT_MAPPING'; detail: string; line?: number };

/**
 * Parse a front-matter block into plain data with null-prototype objects. Never executes code: the
 * `yaml` package's core schema has no function tags, unknown tags (`!!js/function`) stay strings.
 */
export function parseYamlMapping(source: string): YamlResult {
  if (exceedsNesting(source, YAML_LIMITS.maxDepth)) return { ok: false, code: 'YAML_TOO_DEEP', detail: `deeper than ${YAML_LIMITS.maxDepth}` };
  let doc;
  try {
    // uniqueKeys is checked below in linear time; the built-in check is quadratic.
    doc = parseDocument(source, { uniqueKeys: false, prettyErrors: false, schema: 'core', version: '1.2', keepSourceTokens: false });
  } catch (error) {
    return { ok: false, code: 'YAML_TOO_DEEP', detail: describe(error) };
  }
  // The composer reports a stack overflow as RESOURCE_EXHAUSTION: that is nesting, whatever else failed.
  const exhausted = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
  if (exhausted) return { ok: false, code: 'YAML_TOO_DEEP', detail: exhausted.message.split('\n')[0] ?? exhausted.code };
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line;
    const result: YamlResult = { ok: false, code: 'YAML_INVALID', detail: first.message.split('\n')[0] ?? first.code };
    if (line !== undefined) result.line = line;
    return result;
  }
  if (hasDuplicateKey(doc, YAML_LIMITS.maxDepth)) return { ok: false, code: 'YAML_INVALID', detail: 'Map keys must be unique' };
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
    // `*a` without an `&a` before it is a mistake, not an attack.
    if (describe(error).startsWith('Unresolved alias')) return { ok: false, code: 'YAML_INVALID', detail: describe(error) };
    return { ok: false, code: 'YAML_ALIAS_LIMIT', detail: describe(error) };
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

function describe(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
}

/**
 * Claude Code retries a front-matter that fails to parse after quoting every `key: value` whose value
 * itself contains `: `. Reproduce that so we can tell "loads thanks to the retry" from "does not load".
 */
export function quoteColonValues(source: string): string {
  return source
    .split('\n')
    .map((line) => {
      // `[^\n]*`, not `.*`: `.` stops at U+2028, and the backtracking into `[ \t]+` was then quadratic.
      const m = /^(\s*[A-Za-z_][\w-]*):[ \t]+([^\n]*)$/.exec(line);
      if (!m || m[1] === undefined || m[2] === undefined) return line;
      const value = m[2];
      if (/[\r\u2028\u2029]/.test(value)) return line; // what `.*` refused to match before
      if (!value.includes(': ') || /^["'[{|>]/.test(value)) return line;
      return `${m[1]}: ${JSON.stringify(value)}`;
    })
    .join('\n');
}
