import { parseBannerLine, type Banner } from './banner.js';

/** Where the front-matter and body sit in a file (after BOM removal and LF normalisation). */
export type FrontMatterSplit =
  | {
      kind: 'found';
      /** Index (0-based) of the opening `---` line. */
      openLine: number;
      /** Language written after the opening fence (`---js` → `js`), lower-cased, if any. */
      language?: string;
      /** What stands before the opening fence. */
      leading: 'none' | 'banner' | 'blank' | 'comment' | 'text';
      bannerBefore?: Banner;
      /** Index of the closing `---` line, or -1 when the block never closes. */
      closeLine: number;
      yaml: string;
      /** Text after the closing fence. */
      rest: string;
    }
  | { kind: 'none' };

// Written so that no two quantifiers can share a run of blanks: `---` + a million spaces + `!` is linear.
const FENCE = /^---[ \t]*(?:([A-Za-z][\w-]*)[ \t]*)?$/;
const CLOSE = /^---[ \t]*$/;

/** How far past a line of text the opening fence may be, and how long the block after it may be, to count. */
const TEXT_LOOKAHEAD = 20;
const BLOCK_LOOKAHEAD = 200;

/**
 * Whether what follows line `from` is plainly an agent's front-matter: a `---` within a few lines, then `name:`
 * and `description:` lines before the closing `---`. Text before it (a `# Title`, a banner Claude Code does
 * not read as one) then stands before the front-matter, which Claude Code skips; anything else is a document.
 */
function agentBlockFollows(lines: readonly string[], from: number): boolean {
  for (let i = from; i < lines.length && i < from + TEXT_LOOKAHEAD; i++) {
    if (!FENCE.test(lines[i] ?? '')) continue;
    let name = false;
    let description = false;
    for (let j = i + 1; j < lines.length && j <= i + BLOCK_LOOKAHEAD; j++) {
      const line = lines[j] ?? '';
      if (CLOSE.test(line)) return name && description;
      if (/^name:[ \t]*\S/.test(line)) name = true;
      if (/^description:/.test(line)) description = true;
    }
    return false;
  }
  return false;
}

/**
 * Split a file into front-matter and body without any YAML or code engine. Accepts the banner (or
 * blank lines, or an HTML comment) before the front-matter, as found in the wild; the caller reports it.
 * `text`, when given, is the text `lines` were split from (`lines` may then be only its first lines, as
 * `text.split('\n', n)` gives): `rest` is sliced from it instead of re-joining the body's lines.
 */
export function splitFrontMatter(lines: readonly string[], text?: string): FrontMatterSplit {
  let i = 0;
  let leading: 'none' | 'banner' | 'blank' | 'comment' | 'text' = 'none';
  let bannerBefore: Banner | undefined;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (FENCE.test(line)) break;
    if (line.trim() === '') {
      if (leading === 'none') leading = 'blank';
      continue;
    }
    const banner = bannerBefore ? undefined : parseBannerLine(line, i + 1);
    if (banner) {
      bannerBefore = banner;
      leading = 'banner';
      continue;
    }
    if (/^\s*<!--.*-->\s*$/.test(line)) {
      if (leading !== 'banner') leading = 'comment';
      continue;
    }
    if (leading !== 'text' && !agentBlockFollows(lines, i + 1)) return { kind: 'none' };
    leading = 'text';
  }
  if (i >= lines.length) return { kind: 'none' };
  const open = FENCE.exec(lines[i] ?? '');
  const language = open?.[1]?.toLowerCase();
  let close = -1;
  for (let j = i + 1; j < lines.length; j++) {
    if (CLOSE.test(lines[j] ?? '')) {
      close = j;
      break;
    }
  }
  const yamlEnd = close === -1 ? lines.length : close;
  const split: FrontMatterSplit = {
    kind: 'found',
    openLine: i,
    leading,
    closeLine: close,
    // Every line of a closed block ends with a newline; keeping the last one matters to `|+` scalars.
    yaml:
      close === -1
        ? lines.slice(i + 1).join('\n')
        : lines
            .slice(i + 1, yamlEnd)
            .map((l) => `${l}\n`)
            .join(''),
    rest: close === -1 ? '' : text === undefined ? lines.slice(close + 1).join('\n') : text.slice(offsetOfLine(lines, close + 1)),
  };
  if (language !== undefined) split.language = language;
  if (bannerBefore) split.bannerBefore = bannerBefore;
  return split;
}

/** Find the index of a later `---` line after `from`, used to explain a block cut short by a value. */
export function nextFenceAfter(lines: readonly string[], from: number): number {
  for (let j = from + 1; j < lines.length; j++) if (CLOSE.test(lines[j] ?? '')) return j;
  return -1;
}

/**
 * Where Claude Code ends the front-matter: the first "---" after an opening "---" line at byte 0, even in
 * the middle of a line or of "----". Index into the text, or -1 when it finds no front-matter.
 */
export function claudeCloseIndex(source: string): number {
  const open = /^---\s*\n/.exec(source);
  return open ? source.indexOf('---', open[0].length) : -1;
}

/** Character offset of the start of line `index` (0-based) in `lines` joined by LF; -1 for -1. */
export function offsetOfLine(lines: readonly string[], index: number): number {
  if (index < 0) return -1;
  let offset = 0;
  for (let i = 0; i < index; i++) offset += (lines[i] ?? '').length + 1;
  return offset;
}
