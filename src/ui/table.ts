import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Cut text to at most `width` terminal columns, by grapheme, ending with `…` when cut. */
export function truncateToWidth(text: string, width: number): string {
  if (width <= 0) return '';
  if (stringWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/**
 * Lay out rows in columns measured with string-width (so Japanese lines up). When `maxWidth` is given,
 * the last column is truncated so that no line is wider; otherwise it is printed in full.
 */
export function formatTable(options: { header: string[]; rows: string[][]; maxWidth?: number; gap?: number }): string {
  const { header, rows, maxWidth } = options;
  const gap = options.gap ?? 2;
  const all = [header, ...rows];
  const columns = header.length;
  const widths = Array.from({ length: columns - 1 }, (_, c) => Math.max(...all.map((r) => stringWidth(r[c] ?? ''))));
  const lead = widths.reduce((sum, w) => sum + w + gap, 0);
  const lines = all.map((row) => {
    const cells = widths.map((w, c) => padToWidth(row[c] ?? '', w + gap)).join('');
    const last = row[columns - 1] ?? '';
    const line = cells + (maxWidth !== undefined ? truncateToWidth(last, Math.max(1, maxWidth - lead)) : last);
    return line.replace(/\s+$/, '');
  });
  const rule = lines.length > 0 ? '-'.repeat(Math.min(maxWidth ?? Infinity, Math.max(...lines.map((l) => stringWidth(l))))) : '';
  return [lines[0] ?? '', rule, ...lines.slice(1)].join('\n');
}
