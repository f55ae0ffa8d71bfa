import { describe, expect, it } from 'vitest';
import { parseAgent } from '../../../src/core/agent/parse.js';
import { EN_PATH, JA_PATH, readText, SEED_PATH } from '../../helpers/fixtures.js';

/**
 * A deliberately tiny, self-contained outline of a Markdown body (the parity module of issue 4 is built
 * elsewhere): each ATX heading with its level, and the list items that follow it until the next heading,
 * split into unordered (`-`, `*`, `+`) and ordered (`1.`, `1)`) ones. Fenced code blocks are skipped.
 */
interface Section {
  level: number;
  title: string;
  bullets: number;
  ordered: number;
}

function outline(body: string): Section[] {
  const sections: Section[] = [];
  let current: Section = { level: 0, title: '(before the first heading)', bullets: 0, ordered: 0 };
  let fenced = false;
  for (const line of body.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const heading = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      current = { level: heading[1]!.length, title: heading[2]!, bullets: 0, ordered: 0 };
      sections.push(current);
    } else if (/^\s*[-*+]\s+\S/.test(line)) current.bullets++;
    else if (/^\s*\d+[.)]\s+\S/.test(line)) current.ordered++;
  }
  return sections;
}

/** The shape only: level and item counts, position by position. */
const shape = (sections: Section[]): Array<[number, number, number]> => sections.map((s) => [s.level, s.bullets, s.ordered]);

describe('agents/ml-engineer.md mirrors the Japanese structure', () => {
  const en = outline(parseAgent(readText(EN_PATH)).body);
  const ja = outline(parseAgent(readText(JA_PATH)).body);
  const seed = outline(parseAgent(readText(SEED_PATH)).body);

  it('has 16 headings in each variant, like the seed', () => {
    expect(en).toHaveLength(16);
    expect(ja).toHaveLength(16);
    expect(shape(ja)).toEqual(shape(seed));
  });

  it('matches heading by heading (level and position) and bullet by bullet (count under each heading)', () => {
    for (let i = 0; i < ja.length; i++) {
      // One assertion per section so a failure names the section that differs.
      expect({ position: i, en: en[i]?.title, ...pick(en[i]) }).toEqual({ position: i, en: en[i]?.title, ...pick(ja[i]) });
    }
    expect(shape(en)).toEqual(shape(ja));
  });

  it('has the counts the issue prescribes: 2 + 10 × ### with 7 or 8 bullets, then 10/10/8/8', () => {
    expect(shape(ja).slice(0, 2)).toEqual([
      [2, 0, 0],
      [2, 0, 0],
    ]);
    const subsections = ja.slice(2, 12);
    expect(subsections.every((s) => s.level === 3 && (s.bullets === 7 || s.bullets === 8) && s.ordered === 0)).toBe(true);
    expect(shape(ja).slice(12)).toEqual([
      [2, 10, 0],
      [2, 10, 0],
      [2, 0, 8],
      [2, 8, 0],
    ]);
    const total = (o: Section[]): number => o.reduce((n, s) => n + s.bullets + s.ordered, 0);
    expect(total(en)).toBe(total(ja));
    expect(total(ja)).toBe(107);
  });

  it('negative controls: the helper sees a dropped bullet, a changed level and a missing heading', () => {
    const body = parseAgent(readText(EN_PATH)).body;
    const dropped = body.replace(/^- .*\n/m, '');
    expect(shape(outline(dropped))).not.toEqual(shape(ja));
    const releveled = body.replace(/^### /m, '#### ');
    expect(shape(outline(releveled))).not.toEqual(shape(ja));
    const merged = body.replace(/^## Purpose\n/m, '');
    expect(outline(merged)).toHaveLength(15);
    expect(outline('```\n# not a heading\n- not an item\n```\n# real\n- item\n1. step\n')).toEqual([{ level: 1, title: 'real', bullets: 1, ordered: 1 }]);
  });
});

function pick(s: Section | undefined): { level?: number; bullets?: number; ordered?: number } {
  return s ? { level: s.level, bullets: s.bullets, ordered: s.ordered } : {};
}
