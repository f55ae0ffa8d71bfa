/**
 * The start-up and throughput work (issue 7, BENCHMARKS.md) replaced a few hot helpers with shortcuts.
 * Each shortcut is held here to the plain version it replaces, on generated and hand-picked inputs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBannerLine } from '../../src/core/agent/banner.js';
import { canonicaliseLines, canonicaliseText } from '../../src/core/i18n/canonical-hash.js';
import { parseAgent } from '../../src/core/agent/parse.js';
import { readBounded, readBoundedSync } from '../../src/io/fs/read-bounded.js';
import { displayWidth, graphemes } from '../../src/ui/text-width.js';
import { tempDir } from '../helpers/cli.js';

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'a',
  'word',
  ' ',
  '\t',
  '\n',
  '\n\n',
  '\n\n\n',
  '\r',
  '\r\n',
  '\uFEFF',
  'é',
  'e\u0301',
  'ｶﾞ',
  '日本語',
  '- item',
  '## H',
  '> **[English](x.md)** | **日本語**',
  '---',
];

function text(next: () => number, pieces = PIECES): string {
  let out = '';
  for (let i = 0, n = Math.floor(next() * 24); i < n; i++) out += pieces[Math.floor(next() * pieces.length)];
  return out;
}

describe('canonicaliseText shortcut', () => {
  it('gives what the line-by-line recipe gives, on generated text', () => {
    const next = random(3);
    let shortcut = 0;
    for (let i = 0; i < 20000; i++) {
      const t = text(next);
      const nfc = t.normalize('NFC');
      if (canonicaliseLines(t) === nfc) shortcut++;
      expect(canonicaliseText(t), JSON.stringify(t)).toBe(canonicaliseLines(t));
    }
    // Both branches are exercised (not a vacuous pass).
    expect(shortcut).toBeGreaterThan(500);
    expect(shortcut).toBeLessThan(19500);
  });

  it('still normalises what needs it', () => {
    expect(canonicaliseText('a \nb\n')).toBe('a\nb\n');
    expect(canonicaliseText('\ufeffa\n')).toBe('a\n');
    expect(canonicaliseText('a\n\n\nb\n')).toBe('a\n\nb\n');
    expect(canonicaliseText('e\u0301\n')).toBe('\u00e9\n');
    expect(canonicaliseText('a\n\n')).toBe('a\n');
  });
});

describe('parseAgent body by offsets', () => {
  /** The body as the line-array version computed it: blank and banner lines dropped from the top. */
  function reference(rest: string): { body: string; skipped: number } {
    const lines = rest.split('\n');
    let first = 0;
    for (;;) {
      while (first < lines.length && (lines[first] ?? '').trim() === '') first++;
      if (first < lines.length && parseBannerLine(lines[first] ?? '', 1)) {
        first++;
        continue;
      }
      break;
    }
    return { body: lines.slice(first).join('\n'), skipped: first };
  }

  it('gives the body and its line that splitting every line gives, on generated bodies', () => {
    const next = random(5);
    const pieces = [
      'x',
      ' ',
      '\n',
      '\n\n',
      '  \n',
      '\t\n',
      '> **[English](../../../agents/a.md)** | **日本語**\n',
      '> **English** | **[日本語](../locales/ja/agents/a.md)**\n',
      '本文',
    ];
    for (let i = 0; i < 5000; i++) {
      const rest = text(next, pieces);
      const parsed = parseAgent(`---\nname: a\ndescription: d\n---\n${rest}`);
      const ref = reference(rest);
      expect(parsed.body, JSON.stringify(rest)).toBe(ref.body);
      expect(parsed.bodyLine, JSON.stringify(rest)).toBe(5 + ref.skipped);
    }
  });

  it('reads front-matter that closes beyond the first lines split, and reports what lies past the fence', () => {
    const long = Array.from({ length: 200 }, (_, i) => `k${i}: v`).join('\n');
    const parsed = parseAgent(`---\nname: a\ndescription: d\n${long}\n---\nbody\n`);
    expect(parsed.spec?.name).toBe('a');
    expect(parsed.body).toBe('body\n');
    expect(parsed.bodyLine).toBe(205);
    const unclosed = parseAgent(`---\nname: a\ndescription: d\n${long}\nbody\n`);
    expect(unclosed.diagnostics.map((d) => d.code)).toContain('FRONTMATTER_UNCLOSED');
  });
});

describe('readBoundedSync', () => {
  it('reads exactly what readBounded reads, and refuses the same things', async () => {
    const dir = tempDir();
    const files: Record<string, string | Buffer> = { empty: '', small: 'abc', exact: 'x'.repeat(64), over: 'y'.repeat(65), big: Buffer.alloc(300_000, 7) };
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    mkdirSync(join(dir, 'folder'));
    symlinkSync(join(dir, 'small'), join(dir, 'link'));
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    for (const name of [...Object.keys(files), 'folder', 'link', 'fifo']) {
      for (const limit of [64, 1_000_000]) {
        const path = join(dir, name);
        const [a, b] = [readBoundedSync({ path, limit }), await readBounded({ path, limit })];
        expect(a, `${name} ${limit}`).toEqual(b);
      }
    }
    expect(readBoundedSync({ path: join(dir, 'fifo'), limit: 10 })).toEqual({ kind: 'not-a-file' });
    expect(readBoundedSync({ path: join(dir, 'over'), limit: 64 })).toEqual({ kind: 'too-large', size: 65 });
    expect(() => readBoundedSync({ path: join(dir, 'missing'), limit: 10 })).toThrow(/ENOENT/);
  });
});

describe('text width shortcuts for printable ASCII', () => {
  it('split and measure as Intl.Segmenter and string-width do', async () => {
    const { default: stringWidth } = await import('string-width');
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const next = random(9);
    const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i));
    for (const extra of [[], ['\r\n', '\u00e9', 'e\u0301', '日本', '\u001b[31m', '👍🏽', '\t']]) {
      for (let i = 0; i < 3000; i++) {
        const t = text(next, [...ascii, ...extra]);
        expect(graphemes(t), JSON.stringify(t)).toEqual([...segmenter.segment(t)].map((s) => s.segment));
        expect(displayWidth(t), JSON.stringify(t)).toBe(stringWidth(t));
      }
    }
  });
});

describe('text width shortcuts for Japanese and other simple text', () => {
  // The ranges of SIMPLE in src/ui/text-width.ts.
  const RANGES: [number, number][] = [
    [0x20, 0x7e],
    [0xa1, 0xac],
    [0xae, 0xff],
    [0x2010, 0x2027],
    [0x2030, 0x205e],
    [0x3000, 0x3029],
    [0x3030, 0x303e],
    [0x3041, 0x3096],
    [0x309b, 0x30ff],
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
    [0xff01, 0xff9d],
    [0xffe0, 0xffe6],
  ];
  const simple = RANGES.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i)));
  const segment = (t: string): string[] => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(t)].map((s) => s.segment);

  it('every such character is a grapheme of its own, next to any other, and as wide as string-width says', async () => {
    const { default: stringWidth } = await import('string-width');
    expect(simple.length).toBeGreaterThan(28_000);
    // A character that joined its neighbour (a mark, a joiner, a prepended sign) would merge two here.
    const mismatches: string[] = [];
    // In overlapping windows (Intl.Segmenter takes seconds on one 28,000-character string), so that every
    // two neighbours of each order meet in some window.
    for (const order of [simple, [...simple].reverse(), simple.filter((_, i) => i % 2 === 0).concat(simple.filter((_, i) => i % 2 === 1))]) {
      for (let start = 0; start < order.length; start += 200) {
        const window = order.slice(start, start + 201);
        const text = window.join('');
        const bySegmenter = segment(text);
        if (bySegmenter.length !== window.length)
          mismatches.push(`Intl.Segmenter made ${bySegmenter.length} graphemes of ${window.length} characters from U+${text.charCodeAt(0).toString(16)}`);
        if (graphemes(text).join('\0') !== bySegmenter.join('\0'))
          mismatches.push(`graphemes() differs from Intl.Segmenter from U+${text.charCodeAt(0).toString(16)}`);
        if (displayWidth(text) !== stringWidth(text)) mismatches.push(`width differs from U+${text.charCodeAt(0).toString(16)}`);
      }
    }
    for (const ch of simple) {
      if (displayWidth(ch) !== stringWidth(ch)) mismatches.push(`U+${ch.charCodeAt(0).toString(16)}: ${displayWidth(ch)} vs ${stringWidth(ch)}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('mixed with anything else, text is split and measured as Intl.Segmenter and string-width do', async () => {
    const { default: stringWidth } = await import('string-width');
    const next = random(11);
    const pick = (): string => simple[Math.floor(next() * simple.length)] ?? 'a';
    // Characters outside the ranges that combine or are zero-width, wide or emoji (the fallback path).
    const others = [
      'か\u3099',
      '\u3099',
      'ｶ\uff9e',
      '\uff9f',
      '\u302a',
      'e\u0301',
      '\u200b',
      '\u200d',
      '\u00ad',
      '\ufe0f',
      '👍🏽',
      '🇯🇵',
      '\u203c\ufe0f',
      '한',
      '\u1100\u1161',
      '\r\n',
      '\t',
      '\u001b[31m',
      '\u00a0',
      '\u303f',
    ];
    for (let i = 0; i < 2000; i++) {
      const pieces = Array.from({ length: 1 + Math.floor(next() * 12) }, () =>
        i % 2 === 0 || next() < 0.8 ? pick() : (others[Math.floor(next() * others.length)] ?? ''),
      );
      const t = pieces.join('');
      expect(graphemes(t), JSON.stringify(t)).toEqual(segment(t));
      expect(displayWidth(t), JSON.stringify(t)).toBe(stringWidth(t));
    }
    // Negative control: these are not one grapheme per character, so the shortcut must not take them.
    expect(graphemes('か\u3099')).toEqual(['か\u3099']);
    expect(graphemes('ｶ\uff9e')).toEqual(['ｶ\uff9e']);
  });
});
