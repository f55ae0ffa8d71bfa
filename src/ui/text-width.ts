import stringWidth from 'string-width';

// Made on first use: building a segmenter loads ICU data, which a run that measures nothing never needs.
let segmenter: Intl.Segmenter | undefined;

/**
 * Text made only of characters that are each a grapheme of their own whatever surrounds them and whose
 * width string-width takes from East Asian Width alone: printable ASCII and Latin-1 (not the soft hyphen),
 * general punctuation (dashes, quotes, `…`, `※`), CJK symbols and punctuation (not the combining marks
 * U+302A–302F), hiragana and katakana (not the combining voiced marks U+3099–309A), CJK ideographs, and
 * full- and halfwidth forms (not the halfwidth voiced marks U+FF9E–FF9F). No combining mark, joiner,
 * variation selector, emoji sequence, Hangul jamo or control character can be in it. Such text (most
 * Japanese help and descriptions) is split and measured here: Intl.Segmenter and string-width's Unicode
 * property patterns cost far more to set up than the whole rest of a run (BENCHMARKS.md).
 * test/core/hot-paths.test.ts holds every one of these characters to Intl.Segmenter and string-width.
 */
const SIMPLE =
  /^[\x20-\x7e\xa1-\xac\xae-\xff\u2010-\u2027\u2030-\u205e\u3000-\u3029\u3030-\u303e\u3041-\u3096\u309b-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff9d\uffe0-\uffe6]*$/;

/** Columns of SIMPLE text: from U+3000 up, two for each character but the halfwidth forms U+FF61–FF9D. */
function simpleWidth(text: string): number {
  let width = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x3000 && (code < 0xff61 || code > 0xff9d)) width++;
  }
  return width;
}

/**
 * Terminal columns a string takes (East Asian wide characters count 2, ANSI colour codes 0). Printable
 * ASCII and other SIMPLE text are counted directly: the CLI build then loads string-width only for other
 * text.
 */
export function displayWidth(text: string): number {
  return SIMPLE.test(text) ? simpleWidth(text) : stringWidth(text);
}

/** The grapheme clusters of a string (an emoji with modifiers or a kana with a combining mark stays whole). */
export function graphemes(text: string): string[] {
  // Printable ASCII and other SIMPLE text: every character is a grapheme of its own (no ICU needed).
  if (SIMPLE.test(text)) return text.split('');
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return [...segmenter.segment(text)].map((s) => s.segment);
}

/** Cut text to at most `width` terminal columns, by grapheme, ending with `…` when cut. */
export function truncateToWidth(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const segment of graphemes(text)) {
    const w = displayWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

type CharClass = 'space' | 'narrow' | 'hiragana' | 'katakana' | 'han' | 'open' | 'close' | 'wide';

const OPEN = /^[（「『【〔〈《［｛]$/u;
const CLOSE = /^[、。，．）」』】〕〉》］｝！？：；…・]$/u;

function classify(g: string): CharClass {
  if (/^\s+$/u.test(g)) return 'space';
  if (OPEN.test(g)) return 'open';
  if (CLOSE.test(g)) return 'close';
  if (/^\p{Script=Hiragana}/u.test(g)) return 'hiragana';
  if (/^(\p{Script=Katakana}|ー)/u.test(g)) return 'katakana';
  if (/^(\p{Script=Han}|々)/u.test(g)) return 'han';
  return displayWidth(g) >= 2 ? 'wide' : 'narrow';
}

/**
 * Split one line into units a line break may not fall inside: words of narrow text, spaces, and Japanese
 * phrases — a run of kanji or katakana with the hiragana that follows it (`対応言語を`, `表示します`),
 * closing punctuation kept with what precedes it and opening punctuation with what follows.
 */
/** A word holding a placeholder (`<owner>`, `github:<オーナー>/<リポジトリ>`), with closing punctuation after it: never broken inside. */
const PLACEHOLDER_WORD = /((?:[\x21-\x7e]*<[^<>\s]+>)+[\x21-\x7e]*[、。）」』]*)/u;

function breakUnits(line: string): string[] {
  if (!line.includes('<')) return breakPlain(line);
  const parts = line.split(PLACEHOLDER_WORD);
  // split with a capture group: odd indices are the placeholder words themselves.
  return parts.flatMap((part, i) => (i % 2 === 1 ? [part] : part === '' ? [] : breakPlain(part)));
}

function breakPlain(line: string): string[] {
  const units: string[] = [];
  let unit = '';
  let kind: CharClass | undefined;
  let glueNext = false;
  const start = (g: string, k: CharClass): void => {
    if (unit) units.push(unit);
    unit = g;
    kind = k;
  };
  for (const g of graphemes(line)) {
    const k = classify(g);
    if (glueNext && k !== 'space') {
      unit += g;
      kind = k === 'open' ? kind : k;
      glueNext = k === 'open';
      continue;
    }
    glueNext = false;
    if (k === 'close' && kind !== undefined && kind !== 'space') unit += g;
    else if (k === 'open') {
      start(g, k);
      glueNext = true;
    } else if (k === 'space') start(g, k);
    else if (k === 'narrow' && kind === 'narrow') unit += g;
    else if ((k === 'han' || k === 'katakana') && (kind === 'han' || kind === 'katakana')) {
      // `インストール済み`, `各エージェント`: kanji and katakana side by side make one word.
      unit += g;
      kind = k;
    } else if (k === 'hiragana' && (kind === 'han' || kind === 'katakana' || kind === 'hiragana')) {
      unit += g;
      kind = 'hiragana';
    } else start(g, k);
    if (k === 'close') kind = 'close';
  }
  if (unit) units.push(unit);
  return joinCompounds(units);
}

/** Hiragana that end a phrase after a kanji: particles and the te-form, where a line may break. */
const PARTICLE = /^[はがをにでとのもへやかよねなて]$/u;

/**
 * A kanji with a single okurigana kana before another kanji is one word, not two phrases: `切り`+`替え`,
 * `読み`+`込み`, `問い`+`合わせ` (a particle, as in `言語を`+`一覧`, still ends a phrase). A phrase that
 * starts with hiragana after a word of narrow text and a space (`Schema を…`, `agentpack が…`) stays with
 * that word: a line never starts with a particle.
 */
function joinCompounds(units: string[]): string[] {
  const out: string[] = [];
  for (const unit of units) {
    const prev = out.at(-1);
    const first = classify(graphemes(unit)[0] ?? '');
    if (prev !== undefined && endsWithOkurigana(prev) && first === 'han') out[out.length - 1] = prev + unit;
    else if (first === 'hiragana' && out.length >= 2 && /^\s+$/u.test(prev ?? '') && classify(graphemes(out.at(-2) ?? '').at(-1) ?? '') === 'narrow') {
      out.push(`${out.pop() ?? ''}${unit}`);
      out[out.length - 2] += out.pop() ?? '';
    } else out.push(unit);
  }
  return out;
}

function endsWithOkurigana(unit: string): boolean {
  const chars = graphemes(unit);
  const last = chars.at(-1) ?? '';
  return classify(last) === 'hiragana' && !PARTICLE.test(last) && classify(chars.at(-2) ?? '') === 'han';
}

/** A Japanese phrase too long for a line is broken between characters (closing punctuation kept attached). */
function splitLongUnit(unit: string): string[] {
  const out: string[] = [];
  for (const g of graphemes(unit)) {
    if (out.length > 0 && classify(g) === 'close') out[out.length - 1] += g;
    else out.push(g);
  }
  return out;
}

/**
 * Wrap text to `width` columns, measuring with string-width. Breaks at spaces, and in Japanese (which has
 * no spaces) between phrases, never before closing punctuation nor after opening punctuation. Existing
 * line breaks are kept; a word of narrow text wider than `width` (a URL) stays whole on its own line.
 */
export function wrapToWidth(text: string, width: number): string {
  const out: string[] = [];
  for (const line of text.split(/\r\n|\n/)) {
    let current = '';
    let used = 0;
    let wrapped = false;
    const queue = breakUnits(line);
    for (let unit = queue.shift(); unit !== undefined; unit = queue.shift()) {
      const w = displayWidth(unit);
      const isSpace = /^\s+$/u.test(unit);
      if (isSpace && wrapped && current === '') continue; // no spaces at the start of a continuation line
      if (current === '' || isSpace || used + w <= width) {
        if (w > width && /[^\x00-\x7f]/u.test(unit) && graphemes(unit).length > 1) {
          queue.unshift(...splitLongUnit(unit));
          continue;
        }
        current += unit;
        used += w;
        continue;
      }
      if (w > width && /[^\x00-\x7f]/u.test(unit) && graphemes(unit).length > 1) {
        queue.unshift(...splitLongUnit(unit));
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
