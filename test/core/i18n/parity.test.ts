import { describe, expect, it } from 'vitest';
import { checkParity, extractStructure } from '../../../src/core/i18n/parity.js';

const side = (lines: string[], bodyLine = 1): { body: string; bodyLine: number } => ({ body: lines.join('\n'), bodyLine });

const SOURCE = [
  'Intro line.',
  '- intro item',
  '## Purpose',
  'Text.',
  '## Capabilities',
  '### Serving',
  '- a',
  '- b',
  '  - nested b1',
  '1. first',
  '2) second',
  '```bash',
  '# not a heading',
  '- not an item',
  '```',
  '### Training',
  '* x',
  '+ y',
  '---',
  '* * *',
  '~~~~',
  '## inside tilde fence',
  '~~~',
  '- still inside',
  '~~~~',
];

describe('extractStructure', () => {
  it('counts headings, items and code blocks per section, ignoring fenced code', () => {
    const s = extractStructure(side(SOURCE, 10));
    expect(s.map((x) => [x.level, x.title, x.line, x.items, x.codeBlocks])).toEqual([
      [0, '', 10, 1, 0],
      [2, 'Purpose', 12, 0, 0],
      [2, 'Capabilities', 14, 0, 0],
      [3, 'Serving', 15, 5, 1],
      [3, 'Training', 25, 2, 1],
    ]);
  });

  it('reads heading text without closing hashes, and needs a space after the hashes', () => {
    const s = extractStructure(side(['# Title ##', '#hashtag', '####### seven', '   ## indented']));
    expect(s.slice(1).map((x) => [x.level, x.title])).toEqual([
      [1, 'Title'],
      [2, 'indented'],
    ]);
  });
});

describe('checkParity', () => {
  const check = (translation: string[], options: { sourceLine?: number; translationLine?: number } = {}) =>
    checkParity({
      source: side(SOURCE, options.sourceLine ?? 10),
      translation: side(translation, options.translationLine ?? 8),
      file: 'locales/ja/agents/x.md',
      severity: 'warning',
    });

  it('accepts a translation with the same outline, whatever the words', () => {
    const translated = SOURCE.map((l) =>
      l
        .replace(/Purpose/, '目的')
        .replace(/Serving/, 'サービング')
        .replace(/first/, '最初'),
    );
    expect(check(translated)).toEqual([]);
  });

  it('reports a removed bullet with the section and both line numbers', () => {
    const translated = SOURCE.filter((l) => l !== '- b');
    const d = check(translated);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({
      severity: 'warning',
      code: 'PARITY_ITEMS',
      file: 'locales/ja/agents/x.md',
      line: 13,
      params: { section: 'Serving', line: 15, translatedSection: 'Serving', translatedLine: 13, count: 5, translatedCount: 4 },
    });
  });

  it('reports a heading level change once and stops pairing sections after it', () => {
    const translated = SOURCE.map((l) => (l === '### Serving' ? '## Serving' : l)).filter((l) => l !== '- x');
    const d = check(translated);
    expect(d.map((x) => x.code)).toEqual(['PARITY_HEADING_LEVEL']);
    expect(d[0]?.params).toMatchObject({ section: 'Serving', line: 15, level: 3, translatedLine: 13, translatedLevel: 2 });
  });

  it('reports a missing heading and an extra heading', () => {
    const missing = check(SOURCE.slice(0, 15));
    expect(missing.map((x) => x.code)).toEqual(['PARITY_HEADING_MISSING']);
    expect(missing[0]?.params).toMatchObject({ section: 'Training', line: 25, count: 4, translatedCount: 3, translatedLine: 13 });
    const extra = check([...SOURCE, '## Extra']);
    expect(extra.map((x) => x.code)).toEqual(['PARITY_HEADING_EXTRA']);
    expect(extra[0]?.params).toMatchObject({ translatedSection: 'Extra', translatedLine: 33, count: 4, translatedCount: 5 });
  });

  it('reports code blocks and intro items that differ', () => {
    const translated = SOURCE.filter((l, i) => !(i >= 11 && i <= 14) && l !== '- intro item');
    const codes = check(translated)
      .map((x) => x.code)
      .sort();
    expect(codes).toEqual(['PARITY_CODE_BLOCKS', 'PARITY_INTRO_ITEMS']);
  });

  it('uses the requested severity (error under --strict)', () => {
    const d = checkParity({ source: side(['## A', '- 1']), translation: side(['## A']), file: 'f', severity: 'error' });
    expect(d[0]?.severity).toBe('error');
  });
});
