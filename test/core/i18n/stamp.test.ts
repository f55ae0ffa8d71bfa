import { describe, expect, it } from 'vitest';
import { stampSourceHash } from '../../../src/core/i18n/stamp.js';

const OLD = `sha256:${'a'.repeat(64)}`;
const NEW = `sha256:${'b'.repeat(64)}`;
const SOURCE = '../../../agents/demo.md';

/** Lines of `after` that differ from `before`, as [index, before, after] — insertions have before = undefined. */
function changedLines(before: string, after: string): Array<[number, string | undefined, string | undefined]> {
  const a = before.split('\n');
  const b = after.split('\n');
  const out: Array<[number, string | undefined, string | undefined]> = [];
  if (a.length === b.length) {
    a.forEach((line, i) => {
      if (line !== b[i]) out.push([i, line, b[i]]);
    });
    return out;
  }
  let p = 0;
  while (p < a.length && a[p] === b[p]) p++;
  let q = 0;
  while (q < a.length - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
  for (let i = p; i < b.length - q; i++) out.push([i, undefined, b[i]]);
  for (let i = p; i < a.length - q; i++) out.push([i, a[i], undefined]);
  return out;
}

function stamp(text: string): { text: string; method?: string; kind: string } {
  const r = stampSourceHash({ text, sourceHash: NEW, source: SOURCE });
  if (r.kind === 'stamped') return { text: r.text, method: r.method, kind: r.kind };
  if (r.kind === 'unchanged') return { text: r.text, kind: r.kind };
  return { text, kind: `unsafe:${r.reason}` };
}

describe('stampSourceHash', () => {
  it('replaces only the sourceHash line, through the Document API', () => {
    const text = [
      '---',
      'name: demo',
      'description: デモです。',
      'model: sonnet',
      'i18n:',
      `  source: ${SOURCE}`,
      `  sourceHash: ${OLD}`,
      '---',
      '',
      'Body',
      '',
    ].join('\n');
    const r = stamp(text);
    expect(r).toMatchObject({ kind: 'stamped', method: 'document' });
    expect(changedLines(text, r.text)).toEqual([[6, `  sourceHash: ${OLD}`, `  sourceHash: ${NEW}`]]);
  });

  it('keeps comments, odd spacing, flow lists, folded scalars and quoting by splicing when serialising would reformat', () => {
    const text = [
      '---',
      '# agent definition',
      'name: demo    # the id',
      'description: >-',
      '  Folded text that',
      '  spans two lines.',
      'tools: [Read,   Grep]',
      "model: 'sonnet'",
      '',
      'i18n:   # link',
      `  source: "${SOURCE}"`,
      `  sourceHash: "${OLD}" # stamped`,
      '---',
      'Body',
    ].join('\n');
    const r = stamp(text);
    expect(r).toMatchObject({ kind: 'stamped', method: 'splice' });
    expect(changedLines(text, r.text)).toEqual([[11, `  sourceHash: "${OLD}" # stamped`, `  sourceHash: "${NEW}" # stamped`]]);
  });

  it('adds sourceHash under an existing source', () => {
    const text = ['---', 'name: demo', 'description: d', 'i18n:', `  source: ${SOURCE}`, 'model: sonnet', '---', 'Body'].join('\n');
    const r = stamp(text);
    expect(r.kind).toBe('stamped');
    expect(changedLines(text, r.text)).toEqual([[5, undefined, `  sourceHash: ${NEW}`]]);
  });

  it('adds the i18n block when there is none, leaving the banner before the front-matter (seed form) alone', () => {
    const text = ['> **[English](../x.md)** | **日本語**', '', '---', 'name: demo', 'description: d', 'model: sonnet', '---', '', 'Body', ''].join('\n');
    const r = stamp(text);
    expect(r.kind).toBe('stamped');
    expect(changedLines(text, r.text)).toEqual([
      [6, undefined, 'i18n:'],
      [7, undefined, `  source: ${SOURCE}`],
      [8, undefined, `  sourceHash: ${NEW}`],
    ]);
  });

  it('keeps CRLF line endings and a BOM', () => {
    const text = `\uFEFF${['---', 'name: demo', 'description: d', 'i18n:', `  source: ${SOURCE}`, `  sourceHash: ${OLD}`, '---', 'Body', ''].join('\r\n')}`;
    const r = stamp(text);
    expect(r.kind).toBe('stamped');
    expect(r.text).toBe(text.replace(OLD, NEW));
  });

  it('changes nothing when the hash is already recorded', () => {
    const text = ['---', 'name: demo', 'description: d', 'i18n:', `  source: ${SOURCE}`, `  sourceHash: ${NEW}`, '---', 'Body'].join('\n');
    expect(stamp(text)).toEqual({ kind: 'unchanged', text });
  });

  it.each([
    ['no front-matter', 'Just text\n', 'unsafe:no-front-matter'],
    ['an unclosed front-matter', '---\nname: demo\n', 'unsafe:no-front-matter'],
    ['YAML that does not parse', '---\nname: [demo\n---\n', 'unsafe:yaml'],
    ['an i18n block that is not a mapping', '---\nname: demo\ndescription: d\ni18n: text\n---\n', 'unsafe:i18n-not-mapping'],
  ])('refuses %s', (_name, text, kind) => {
    expect(stamp(text).kind).toBe(kind);
  });
});
