import { displayWidth, padToWidth, truncateToWidth } from './text-width.js';

export { padToWidth } from './text-width.js';

/** Widest cell of each column but the last, and the columns they take with their gaps. */
function measure(options: { all: readonly string[][]; columns: number; gap: number }): { widths: number[]; lead: number } {
  const { all, columns, gap } = options;
  const widths = Array.from({ length: columns - 1 }, (_, c) => Math.max(...all.map((r) => displayWidth(r[c] ?? ''))));
  return { widths, lead: widths.reduce((sum, w) => sum + w + gap, 0) };
}

/**
 * The table without the `optional` columns (in that order) that would leave the last column fewer than
 * `minLast` columns, or fewer than its widest cell when that is narrower: a path gives way to a description.
 */
function dropOptional(options: {
  header: string[];
  rows: string[][];
  maxWidth: number;
  gap: number;
  optional: readonly number[];
  minLast: number;
}): string[][] {
  const { maxWidth, gap, minLast } = options;
  let all = [options.header, ...options.rows];
  const last = Math.max(0, ...all.map((r) => displayWidth(r[r.length - 1] ?? '')));
  const keep = new Set(all[0]?.keys());
  for (const column of options.optional) {
    const { lead } = measure({ all, columns: all[0]?.length ?? 0, gap });
    if (maxWidth - lead >= Math.min(minLast, last)) break;
    keep.delete(column);
    all = [options.header, ...options.rows].map((r) => r.filter((_, c) => keep.has(c)));
  }
  return all;
}

/**
 * Lay out rows in columns measured with string-width (so Japanese lines up), separated by spaces, with an
 * ASCII rule under the header as wide as the widest line. When `maxWidth` is given, the `optional` columns
 * give way first when the last one would get fewer than `minLast` columns (default 60), then the last column
 * is cut by grapheme with `…` so that each line fits: a cut line is exactly `maxWidth` columns, or one less
 * when the next character is a wide one that does not fit. Without `maxWidth` every cell is printed in full.
 */
export function formatTable(options: {
  header: string[];
  rows: string[][];
  maxWidth?: number;
  gap?: number;
  optional?: readonly number[];
  minLast?: number;
}): string {
  const { maxWidth } = options;
  const gap = options.gap ?? 2;
  const all =
    maxWidth === undefined || !options.optional
      ? [options.header, ...options.rows]
      : dropOptional({ ...options, maxWidth, gap, optional: options.optional, minLast: options.minLast ?? 60 });
  const header = all[0] ?? [];
  const columns = header.length;
  const { widths, lead } = measure({ all, columns, gap });
  const lines = all.map((row) => {
    const cells = widths.map((w, c) => padToWidth(row[c] ?? '', w + gap)).join('');
    const last = row[columns - 1] ?? '';
    if (maxWidth === undefined) return (cells + last).trimEnd();
    // The first columns are never cut unless they alone overflow; then the whole line is cut.
    return truncateToWidth((cells + truncateToWidth(last, Math.max(1, maxWidth - lead))).trimEnd(), maxWidth);
  });
  const widest = Math.max(0, ...lines.map((l) => displayWidth(l)));
  const rule = '-'.repeat(Math.min(maxWidth ?? Infinity, widest));
  return [lines[0] ?? '', rule, ...lines.slice(1)].join('\n');
}
