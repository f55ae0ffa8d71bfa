import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Terminal columns a string takes (East Asian wide characters count 2, ANSI colour codes 0). */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** The grapheme clusters of a string (an emoji with modifiers or a kana with a combining mark stays whole). */
export function graphemes(text: string): string[] {
  return [...segmenter.segment(text)].map((s) => s.segment);
}

/** Cut text to at most `width` terminal columns, by grapheme, ending with `…` when cut. */
export function truncateToWidth(text: string, width: number): string {
  if (width <= 0) return '';
  if (stringWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const segment of graphemes(text)) {
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

// Japanese line-breaking rules (kinsoku), simplified: never start a line with closing punctuation,
// never end one with opening punctuation.
const NO_BREAK_BEFORE = /^[、。，．）」』】〕〉》！？：；ー…・々ぁぃぅぇぉっゃゅょァィゥェォッャュョ,.:;!?)\]}]$/u;
const NO_BREAK_AFTER = /^[（「『【〔〈《([{]$/u;

/** Split one line into units that may not be broken: words of narrow text, single wide graphemes, spaces. */
function breakUnits(line: string): string[] {
  const units: string[] = [];
  let word = '';
  const flush = (): void => {
    if (word) units.push(word);
    word = '';
  };
  for (const g of graphemes(line)) {
    if (/^\s+$/u.test(g)) {
      flush();
      units.push(g);
    } else if (stringWidth(g) >= 2) {
      flush();
      units.push(g);
    } else {
      word += g;
    }
  }
  flush();
  // Glue units where a break is not allowed.
  const glued: string[] = [];
  for (const unit of units) {
    const prev = glued[glued.length - 1];
    const glueToPrev = prev !== undefined && !/^\s/u.test(unit) && !/\s$/u.test(prev) && (NO_BREAK_BEFORE.test(graphemes(unit)[0] ?? '') || NO_BREAK_AFTER.test(graphemes(prev).at(-1) ?? ''));
    if (glueToPrev) glued[glued.length - 1] = prev + unit;
    else glued.push(unit);
  }
  return glued;
}

/**
 * Wrap text to `width` columns, measuring with string-width. Breaks at spaces, and between Japanese
 * characters (which have no spaces), keeping closing punctuation with the character before it.
 * Existing line breaks are kept; a single unit wider than `width` stays whole on its own line.
 */
export function wrapToWidth(text: string, width: number): string {
  const out: string[] = [];
  for (const line of text.split(/\r\n|\n/)) {
    let current = '';
    let used = 0;
    let wrapped = false;
    for (const unit of breakUnits(line)) {
      const w = stringWidth(unit);
      const isSpace = /^\s+$/u.test(unit);
      if (isSpace && wrapped && current === '') continue; // no spaces at the start of a continuation line
      if (current === '' || isSpace || used + w <= width) {
        current += unit;
        used += w;
        continue;
      }
      out.push(current.trimEnd());
      current = unit;
      used = w;
      wrapped = true;
    }
    out.push(current);
  }
  return out.join('\n');
}
