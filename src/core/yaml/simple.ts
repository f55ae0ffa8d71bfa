/**
 * A fast path for the front-matter most agent files have: `key: plain text` lines, and one level of
 * `key:` followed by `  sub: text` lines or `  - text` items (the `i18n` block, a `tools` list); values
 * may also be small integers, `true`, `false`, or one-line quoted text.
 * For such input it returns exactly what parseYamlMapping's full YAML parse returns (null-prototype
 * objects, arrays, strings, numbers, booleans, null); for anything else — escapes, flow collections,
 * comments, blank lines, tabs, multi-line values, other numbers, anchors, tags, duplicate or unsafe keys —
 * it returns undefined and the caller parses with `yaml` as before. test/yaml-simple.test.ts holds the
 * two to the same results on generated and mutated documents and on the hostile corpus. Parsing this
 * subset is ~20× cheaper than a full parse, and the CLI build then never loads `yaml` (BENCHMARKS.md).
 * stringifySimpleMapping is the way back, for rendering (the same test holds it to render.ts's output).
 */

/** Short ASCII keys only (YAML refuses implicit keys over 1024 characters). */
const KEY = /^[A-Za-z_][A-Za-z0-9_-]{0,127}$/;
/** Keys that a YAML schema could read as something other than a string, or that yaml-safe drops. */
const SPECIAL_KEYS = /^(?:null|true|false|yes|no|on|off|y|n|__proto__|constructor|prototype)$/i;
/** First characters YAML gives a meaning (indicators). */
const SPECIAL_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** Anything that could end the value early, continue it, or that YAML treats specially inside it. */
const SPECIAL_INSIDE =
  /: |:$| #|[\t\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** What YAML 1.2's core schema resolves to null, bool, int or float (yaml/dist/schema/core), and more. */
const NOT_A_STRING =
  /^(?:~|null|true|false|0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/i;

/** A plain scalar that YAML's core schema reads as this very string (and `yaml` prints plain), or undefined. */
function plainString(text: string): string | undefined {
  if (text === '' || text !== text.trim() || text.startsWith('...')) return undefined;
  if (SPECIAL_START.test(text) || SPECIAL_INSIDE.test(text) || NOT_A_STRING.test(text)) return undefined;
  return text;
}

/** Decimal integers without sign or leading zero that a double holds exactly, as YAML's core schema reads them. */
const SMALL_INT = /^(?:0|[1-9][0-9]{0,14})$/;

/** Characters a quoted value may not contain here (controls, line separators, BOM, lone surrogates). */
const SPECIAL_QUOTED = /[\t\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * A one-line quoted scalar: 'single' (with '' for a quote) or "double" whose only escapes are \" and
 * \\ — what hand-written descriptions use. Anything else (other escapes, text after the closing quote)
 * is left to the full parser.
 */
function quotedString(text: string): string | undefined {
  const quote = text[0];
  if ((quote !== '"' && quote !== "'") || text.length < 2 || text[text.length - 1] !== quote || SPECIAL_QUOTED.test(text)) return undefined;
  let out = '';
  for (let i = 1; i < text.length - 1; i++) {
    const ch = text[i];
    if (quote === "'" && ch === "'") {
      if (text[i + 1] !== "'" || i + 1 === text.length - 1) return undefined;
      out += "'";
      i++;
    } else if (quote === '"' && ch === '\\') {
      const next = text[i + 1];
      if ((next !== '"' && next !== '\\') || i + 1 === text.length - 1) return undefined;
      out += next;
      i++;
    } else if (quote === '"' && ch === '"') {
      return undefined;
    } else {
      out += ch;
    }
  }
  return out;
}

/** A plain scalar read as YAML's core schema reads it: a string, a small integer, true or false; else undefined. */
function plainScalar(text: string): string | number | boolean | undefined {
  if (text[0] === '"' || text[0] === "'") return quotedString(text);
  if (SMALL_INT.test(text)) return Number(text);
  if (text === 'true') return true;
  if (text === 'false') return false;
  return plainString(text);
}

/** `key: value` / `key:` split at the first colon, with the key checked; undefined when not that shape. */
function keyLine(line: string): { key: string; rest: string } | undefined {
  const colon = line.indexOf(':');
  if (colon <= 0) return undefined;
  const key = line.slice(0, colon);
  if (!KEY.test(key) || SPECIAL_KEYS.test(key)) return undefined;
  const rest = line.slice(colon + 1);
  if (rest !== '' && rest[0] !== ' ') return undefined;
  return { key, rest };
}

/** Parse the simple subset, or return undefined to let the full YAML parser decide. */
export function parseSimpleMapping(source: string): Record<string, unknown> | undefined {
  // A closed block ends every line with a newline (front-matter.ts): the last one ends the text.
  const lines = (source.endsWith('\n') ? source.slice(0, -1) : source).split('\n');
  if (source === '' || lines.length > 512) return undefined;
  const out = Object.create(null) as Record<string, unknown>;
  let i = 0;
  while (i < lines.length) {
    const top = keyLine(lines[i] ?? '');
    if (!top || top.key in out) return undefined;
    i++;
    if (top.rest !== '') {
      const value = plainScalar(top.rest.slice(1));
      if (value === undefined) return undefined;
      out[top.key] = value;
      continue;
    }
    // `key:` alone: null, or a nested block indented by exactly two spaces.
    const block: string[] = [];
    while (i < lines.length && (lines[i] ?? '').startsWith(' ')) block.push(lines[i++] ?? '');
    if (block.length === 0) {
      out[top.key] = null;
      continue;
    }
    const nested = block[0]?.startsWith('  - ') ? parseItems(block) : parseSubMapping(block);
    if (nested === undefined) return undefined;
    out[top.key] = nested;
  }
  return out;
}

function parseItems(block: readonly string[]): unknown[] | undefined {
  const items: unknown[] = [];
  for (const line of block) {
    if (!line.startsWith('  - ')) return undefined;
    const value = plainScalar(line.slice(4));
    if (value === undefined) return undefined;
    items.push(value);
  }
  return items;
}

function parseSubMapping(block: readonly string[]): Record<string, unknown> | undefined {
  const out = Object.create(null) as Record<string, unknown>;
  for (const line of block) {
    if (!line.startsWith('  ') || line[2] === ' ') return undefined;
    const entry = keyLine(line.slice(2));
    if (!entry || entry.key in out) return undefined;
    if (entry.rest === '') {
      out[entry.key] = null;
      continue;
    }
    const value = plainScalar(entry.rest.slice(1));
    if (value === undefined) return undefined;
    out[entry.key] = value;
  }
  return out;
}

/**
 * `key: value` lines for a mapping whose keys and values are all simple strings (what parseSimpleMapping
 * reads back), byte for byte as render.ts prints them with `yaml`; undefined for anything else, including
 * a value holding "---" (render.ts quotes and escapes those: Claude Code would end the front-matter there).
 */
export function stringifySimpleMapping(data: Record<string, unknown>): string | undefined {
  const keys = Object.keys(data);
  if (keys.length === 0) return undefined;
  let out = '';
  for (const key of keys) {
    const value = data[key];
    if (
      !KEY.test(key) ||
      SPECIAL_KEYS.test(key) ||
      key.includes('---') ||
      typeof value !== 'string' ||
      value.includes('---') ||
      plainString(value) === undefined
    )
      return undefined;
    out += `${key}: ${value}\n`;
  }
  return out;
}
