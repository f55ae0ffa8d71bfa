import { canonicaliseText } from './canonical-hash.js';

/** Lines removed from and added to one section of the source, in the order they appear. */
export interface SectionChange {
  /** The heading line the change sits under (`## Capabilities`), '' before the first heading, `description:` for the description. */
  section: string;
  removed: string[];
  added: string[];
}

const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The heading each line sits under ('' before the first), fenced code blocks skipped. */
function headingsOf(lines: readonly string[]): string[] {
  const out: string[] = [];
  let current = '';
  let fence: string | undefined;
  for (const line of lines) {
    const open = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (open !== undefined && open[0] === fence[0] && open.length >= fence.length && line.trim() === open) fence = undefined;
    } else if (open !== undefined) fence = open;
    else if (HEADING.test(line)) current = line.trim();
    out.push(current);
  }
  return out;
}

/** Most cells an exact line diff may fill; past that the changed middle is reported as removed, then added. */
const MAX_CELLS = 4_000_000;

type Op = { kind: 'same' | 'removed' | 'added'; a: number; b: number };

/** A longest-common-subsequence line diff of the middle that differs (common head and tail trimmed first). */
function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  const ops: Op[] = [];
  for (let i = 0; i < head; i++) ops.push({ kind: 'same', a: i, b: i });
  if (n * m > MAX_CELLS || n === 0 || m === 0) {
    for (let i = 0; i < n; i++) ops.push({ kind: 'removed', a: head + i, b: head });
    for (let j = 0; j < m; j++) ops.push({ kind: 'added', a: head + n, b: head + j });
  } else {
    // lengths[i][j]: LCS of a[head+i..] and b[head+j..], in one flat array.
    const w = m + 1;
    const lengths = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lengths[i * w + j] =
          a[head + i] === b[head + j] ? (lengths[(i + 1) * w + j + 1] ?? 0) + 1 : Math.max(lengths[(i + 1) * w + j] ?? 0, lengths[i * w + j + 1] ?? 0);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[head + i] === b[head + j]) {
        ops.push({ kind: 'same', a: head + i++, b: head + j++ });
      } else if (j === m || (i < n && (lengths[(i + 1) * w + j] ?? 0) >= (lengths[i * w + j + 1] ?? 0))) {
        // Removed lines before added ones: a change reads "was … / now …".
        ops.push({ kind: 'removed', a: head + i++, b: head + j });
      } else {
        ops.push({ kind: 'added', a: head + i, b: head + j++ });
      }
    }
  }
  for (let k = 0; k < tail; k++) ops.push({ kind: 'same', a: a.length - tail + k, b: b.length - tail + k });
  return ops;
}

const linesOf = (text: string): string[] => {
  const canonical = canonicaliseText(text);
  return canonical === '' ? [] : canonical.slice(0, -1).split('\n');
};

/**
 * What changed in a source between two texts (description and body, canonicalised as the hash reads them):
 * the removed and added lines of each changed section, grouped under the heading they sit under (a removed line under
 * its old heading, an added one under its new heading). Empty when nothing changed. Pure.
 */
export function diffSource(options: { before: { description: string; body: string }; after: { description: string; body: string } }): SectionChange[] {
  const { before, after } = options;
  const out: SectionChange[] = [];
  const description = { before: linesOf(before.description), after: linesOf(after.description) };
  if (description.before.join('\n') !== description.after.join('\n'))
    out.push({ section: 'description:', removed: description.before, added: description.after });
  const a = linesOf(before.body);
  const b = linesOf(after.body);
  const headingsA = headingsOf(a);
  const headingsB = headingsOf(b);
  const bySection = new Map<string, SectionChange>();
  for (const op of diffLines(a, b)) {
    if (op.kind === 'same') continue;
    const section = op.kind === 'removed' ? (headingsA[op.a] ?? '') : (headingsB[op.b] ?? '');
    let change = bySection.get(section);
    if (!change) {
      change = { section, removed: [], added: [] };
      bySection.set(section, change);
      out.push(change);
    }
    if (op.kind === 'removed') change.removed.push(a[op.a] ?? '');
    else change.added.push(b[op.b] ?? '');
  }
  // A blank line added or removed beside a change in another section is noise; alone, it is the change.
  const visible = out.filter((c) => [...c.removed, ...c.added].some((line) => line.trim() !== ''));
  return visible.length > 0 ? visible : out;
}
