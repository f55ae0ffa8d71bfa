import { isMap, isScalar, parseDocument, type Scalar, type Document } from 'yaml';
import { splitFrontMatter } from '../agent/front-matter.js';
import { sameValue } from './fields.js';
import type { TranslationStatus } from './status.js';
import type { ErrorCode } from '../codes.js';
import type { SectionChange } from './section-diff.js';

export type StampResult =
  | { kind: 'stamped'; text: string; previousHash: string | null; method: 'document' | 'splice' }
  | { kind: 'unchanged'; text: string }
  | { kind: 'unsafe'; reason: 'no-front-matter' | 'yaml' | 'i18n-not-mapping' | 'reformat' };

type Mode = { kind: 'replace'; node: Scalar; previous: string | null } | { kind: 'add-hash'; sourceNode: Scalar } | { kind: 'add-block' };

const PARSE_OPTIONS = { uniqueKeys: true, prettyErrors: false, schema: 'core', version: '1.2' } as const;

function parse(text: string): Document.Parsed | undefined {
  const doc = parseDocument(text, PARSE_OPTIONS);
  return doc.errors.length === 0 && isMap(doc.contents) ? doc : undefined;
}

function lines(text: string): string[] {
  return text.replace(/\n$/, '').split('\n');
}

/** A plain YAML scalar when it is safe as one, else a double-quoted string. */
function yamlString(value: string): string {
  return /^[\w./-][\w./:-]*$/.test(value) && !value.endsWith(':') ? value : JSON.stringify(value);
}

/** The edit through the yaml Document API: parseDocument → set → toString. */
function viaDocument(options: { yaml: string; mode: Mode; source: string; sourceHash: string }): string[] | undefined {
  const doc = parse(options.yaml);
  if (!doc) return undefined;
  if (options.mode.kind === 'add-block') doc.set('i18n', doc.createNode({ source: options.source, sourceHash: options.sourceHash }));
  else doc.setIn(['i18n', 'sourceHash'], options.sourceHash);
  return lines(doc.toString({ lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false }));
}

/** The same edit as a splice at the positions the Document API reports, for front-matter it would reformat. */
function viaSplice(options: { yaml: string; mode: Mode; source: string; sourceHash: string }): string[] | undefined {
  const { yaml, mode, sourceHash } = options;
  if (mode.kind === 'replace') {
    const [start, end] = mode.node.range ?? [];
    if (start === undefined || end === undefined || end <= start) return undefined;
    const quote = mode.node.type === 'QUOTE_DOUBLE' ? '"' : mode.node.type === 'QUOTE_SINGLE' ? "'" : '';
    return lines(`${yaml.slice(0, start)}${quote}${sourceHash}${quote}${yaml.slice(end)}`);
  }
  const out = lines(yaml);
  if (mode.kind === 'add-hash') {
    const [start, end] = mode.sourceNode.range ?? [];
    if (start === undefined || end === undefined) return undefined;
    const firstLine = yaml.slice(0, start).split('\n').length - 1;
    const lastLine = yaml.slice(0, Math.max(start, end - 1)).split('\n').length - 1;
    const indent = /^(\s*)/.exec(out[firstLine] ?? '')?.[1] ?? '';
    out.splice(lastLine + 1, 0, `${indent}sourceHash: ${sourceHash}`);
    return out;
  }
  const kept = yaml === '' ? [] : out;
  return [...kept, 'i18n:', `  source: ${yamlString(options.source)}`, `  sourceHash: ${sourceHash}`];
}

/** True when `after` differs from `before` only by the sourceHash line (or the inserted i18n lines) and means the same plus the new hash. */
function isMinimal(options: { before: string[]; after: string[]; mode: Mode; expected: unknown }): boolean {
  const { before, after, mode } = options;
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let q = 0;
  while (q < before.length - p && q < after.length - p && before[before.length - 1 - q] === after[after.length - 1 - q]) q++;
  const removed = before.slice(p, before.length - q);
  const added = after.slice(p, after.length - q);
  const linesOk =
    mode.kind === 'replace'
      ? removed.length === 1 && added.length === 1
      : removed.length === 0 && added.length === (mode.kind === 'add-hash' ? 1 : 3) && added.every((l) => /^\s*(i18n|source|sourceHash):/.test(l));
  if (!linesOk) return false;
  const reparsed = parse(`${after.join('\n')}\n`);
  return reparsed !== undefined && sameValue(reparsed.toJS(), options.expected);
}

/**
 * Record `sourceHash` in the `i18n` block of a translation's front-matter (adding the block, with `source`,
 * when it is absent), changing nothing else: comments, key order, quoting, the banner, the body, the BOM and
 * the line endings stay as they were. The edit is made with the yaml Document API; when its serialisation
 * would touch any other line, the same edit is spliced in at the node's source range instead. Pure.
 */
export function stampSourceHash(options: { text: string; sourceHash: string; source: string }): StampResult {
  const { text, sourceHash, source } = options;
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const raw = text.slice(bom.length).split('\n');
  const clean = raw.map((l) => l.replace(/\r$/, ''));
  const split = splitFrontMatter(clean);
  if (split.kind !== 'found' || split.closeLine === -1 || split.language !== undefined) return { kind: 'unsafe', reason: 'no-front-matter' };
  const before = clean.slice(split.openLine + 1, split.closeLine);
  const yaml = before.length === 0 ? '' : `${before.join('\n')}\n`;
  const doc = parse(yaml);
  if (!doc) return { kind: 'unsafe', reason: 'yaml' };
  const block = doc.get('i18n', true);
  let mode: Mode;
  if (block === undefined) mode = { kind: 'add-block' };
  else if (!isMap(block)) return { kind: 'unsafe', reason: 'i18n-not-mapping' };
  else {
    const node = block.get('sourceHash', true);
    const sourceNode = block.get('source', true);
    if (isScalar(node)) mode = { kind: 'replace', node, previous: node.value === null ? null : String(node.value) };
    else if (node === undefined && isScalar(sourceNode)) mode = { kind: 'add-hash', sourceNode };
    else return { kind: 'unsafe', reason: 'i18n-not-mapping' };
  }
  if (mode.kind === 'replace' && mode.previous === sourceHash) return { kind: 'unchanged', text };
  const expected = doc.toJS() as Record<string, unknown>;
  const link = (mode.kind === 'add-block' ? {} : expected['i18n']) as Record<string, unknown>;
  expected['i18n'] = { ...link, ...(mode.kind === 'add-block' ? { source } : {}), sourceHash };
  const edit = { yaml, mode, source, sourceHash };
  for (const [method, make] of [
    ['document', viaDocument],
    ['splice', viaSplice],
  ] as const) {
    const after = make(edit);
    if (!after || !isMinimal({ before, after, mode, expected })) continue;
    const eol = raw[split.openLine]?.endsWith('\r') ? '\r' : '';
    const out = [...raw.slice(0, split.openLine + 1), ...after.map((l) => l + eol), ...raw.slice(split.closeLine)];
    return { kind: 'stamped', text: bom + out.join('\n'), previousHash: mode.kind === 'replace' ? mode.previous : null, method };
  }
  return { kind: 'unsafe', reason: 'reformat' };
}

/** What `i18n stamp` did to one translation. */
export interface StampOutcome {
  agent: string;
  locale: string;
  /** The translation, relative to the catalog root. */
  path: string;
  changed: boolean;
  /** Status before stamping (`current` when nothing had to change). */
  previousStatus: TranslationStatus;
  previousHash: string | null;
  sourceHash: string;
  /** The source's text as of this stamp, kept for `i18n diff`, when this run wrote it (relative to the catalog root). */
  snapshot?: string;
}

/** A translation `i18n stamp --all` refused . */
export interface StampRefusal {
  agent: string;
  locale: string;
  path: string;
  code: ErrorCode;
  params: Record<string, string | number>;
}

/** What `i18n diff` found. */
export interface TranslationDiff {
  agent: string;
  locale: string;
  path: string;
  source: string;
  recordedHash: string;
  sourceHash: string;
  changed: boolean;
  changes: SectionChange[];
}

/** What `i18n new` wrote. */
export interface NewTranslation {
  agent: string;
  locale: string;
  path: string;
  source: string;
  sourceHash: string;
  marked: number;
  backup?: string;
  snapshot?: string;
}
