import { isMap, isScalar, isSeq, type Document } from 'yaml';

/**
 * Cheap linear pre-checks that keep hostile YAML away from the parser's recursive paths. The `yaml`
 * package composes nested collections recursively: 10,000 `[` cost it a second and end in a stack
 * overflow whose point depends on the stack size, so the outcome would not be a stable diagnostic.
 */

/**
 * The deepest nesting a scan without a parser can see: open flow brackets (`[`, `{`) outside quotes and
 * comments, or compact block indicators on one line (`- - - x`, `? ? x`). May over-count brackets inside
 * plain scalars (harmless: only more than `limit` unclosed ones are rejected); never reads past `limit`.
 */
export function exceedsNesting(source: string, limit: number): boolean {
  let flow = 0;
  let quote: '' | '"' | "'" = '';
  let lineStart = true;
  let compact = 0;
  let prev = '\n';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (quote === '"') {
      if (ch === '\\') i++;
      else if (ch === '"') quote = '';
    } else if (quote === "'") {
      if (ch === "'") quote = '';
    } else if (ch === '#' && (prev === ' ' || prev === '\t' || prev === '\n')) {
      while (i + 1 < source.length && source[i + 1] !== '\n') i++;
    } else if ((ch === '"' || ch === "'") && /[\s:[{,?-]/.test(prev)) {
      quote = ch;
    } else if (ch === '[' || ch === '{') {
      if (++flow > limit) return true;
    } else if (ch === ']' || ch === '}') {
      if (flow > 0) flow--;
    }
    if (ch === '\n') {
      lineStart = true;
      compact = 0;
    } else if (lineStart && quote === '') {
      const next = source[i + 1];
      if ((ch === '-' || ch === '?' || ch === ':') && (next === ' ' || next === '\t' || next === '\n' || next === undefined)) {
        if (++compact > limit) return true;
      } else if (ch !== ' ' && ch !== '\t') lineStart = false;
    }
    prev = source[i] as string;
  }
  return false;
}

/**
 * Where some mapping first repeats a key (offset of the repeated key in the source, -1 when none), with the
 * equality `yaml`'s own `uniqueKeys` uses (same scalar value). Done here in linear time because the
 * built-in check compares every key with every other one: 25,000 keys took 36 s.
 */
export function duplicateKeyOffset(doc: Document, limit: number): number {
  const visit = (node: unknown, depth: number): number => {
    if (depth > limit) return -1;
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          const value = pair.key.value;
          if (value === null || typeof value !== 'object') {
            if (seen.has(value)) return pair.key.range?.[0] ?? 0;
            seen.add(value);
          }
        }
        const inner = visit(pair.key, depth + 1);
        if (inner !== -1) return inner;
        const below = visit(pair.value, depth + 1);
        if (below !== -1) return below;
      }
      return -1;
    }
    if (isSeq(node)) {
      for (const item of node.items) {
        const inner = visit(item, depth + 1);
        if (inner !== -1) return inner;
      }
    }
    return -1;
  };
  return visit(doc.contents, 0);
}
