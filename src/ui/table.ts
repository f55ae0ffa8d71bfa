import { displayWidth, padToWidth, truncateToWidth } from './text-width.js';

export { padToWidth } from './text-width.js';

/**
 * Lay out rows in columns measured with string-width (so Japanese lines up), separated by spaces, with an
 * ASCII rule under the header. When `maxWidth` is given (stdout is a terminal), the last column is cut by
 * grapheme with `…` so that each line fits: a cut line is exactly `maxWidth` columns, or one less when the
 * next character is a wide one that does not fit. Without `maxWidth` every cell is printed in full.
 */
export function formatTable(options: { header: string[]; rows: string[][]; maxWidth?: number; gap?: number }): string {
  const { header, rows, maxWidth } = options;
  const gap = options.gap ?? 2;
  const all = [header, ...rows];
  const columns = header.length;
  const widths = Array.from({ length: columns - 1 }, (_, c) => Math.max(...all.map((r) => displayWidth(r[c] ?? ''))));
  const lead = widths.reduce((sum, w) => sum + w + gap, 0);
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
