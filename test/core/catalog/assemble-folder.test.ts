import { describe, expect, it } from 'vitest';
import { renderVariant } from '../../../src/core/catalog/lookup.js';
import { parseAgent } from '../../../src/core/agent/parse.js';
import { assembleSource, type SourceScan } from '../../../src/core/catalog/assemble-folder.js';
import { conflictFor } from '../../../src/core/catalog/conflicts.js';
import { mirroredPath, treePlaceOf } from '../../../src/core/catalog/folder-layout.js';
import { assessTranslations } from '../../../src/core/i18n/status.js';

/** An agent file: front-matter (name, description, extra lines), an optional banner before or after it, a body. */
function agent(options: { name: string; description?: string; extra?: string; before?: string; after?: string; body?: string }): string {
  const fm = `---\nname: ${options.name}\ndescription: ${options.description ?? `About ${options.name}.`}\n${options.extra ?? ''}---\n`;
  const body = `${options.after ? `${options.after}\n\n` : ''}${options.body ?? 'You help.'}\n`;
  return `${options.before ? `${options.before}\n\n` : ''}${fm}\n${body}`;
}

/** A scan of in-memory files (relPath → text), as io/read-source.ts builds one from a folder. */
function scanOf(files: Record<string, string>, options: { picks?: string[]; single?: boolean } = {}): SourceScan {
  const list = Object.entries(files).map(([relPath, text]) => ({ path: `/src/${relPath}`, relPath, parsed: parseAgent(text, { path: `/src/${relPath}` }) }));
  return assembleSource({ root: '/src', files: list, ...options });
}

/** Agents → locale → relPath: what the scan found, exactly. */
function localeMap(scan: SourceScan): Record<string, Record<string, string>> {
  return Object.fromEntries(
    [...scan.catalog.agents.values()].map((a) => [a.name, Object.fromEntries([...a.variants.entries()].map(([l, v]) => [l, v.relPath]))]),
  );
}

const JA_BANNER = (href: string): string => `> **[English](${href})** | **日本語**`;

describe('variants of an agent in a source folder', () => {
  const layouts: { name: string; files: Record<string, string>; expected: Record<string, Record<string, string>>; orphans?: string[] }[] = [
    {
      name: 'i18n/ja/<path> mirrors the canonical path beside it',
      files: { 'agents/a.md': agent({ name: 'a' }), 'i18n/ja/agents/a.md': agent({ name: 'a', description: 'あ' }) },
      expected: { a: { en: 'agents/a.md', ja: 'i18n/ja/agents/a.md' } },
    },
    {
      name: 'sibling language trees locales/en/ and locales/ja/',
      files: { 'locales/en/a.md': agent({ name: 'a' }), 'locales/ja/a.md': agent({ name: 'a' }), 'locales/ja/b.md': agent({ name: 'b' }) },
      // b exists only in Japanese: a Japanese agent (it was an orphaned translation).
      expected: { a: { en: 'locales/en/a.md', ja: 'locales/ja/a.md' }, b: { ja: 'locales/ja/b.md' } },
    },
    {
      name: 'an English folder en/ and i18n/ja/ with the same inner path',
      files: { 'en/x/a.md': agent({ name: 'a' }), 'i18n/ja/x/a.md': agent({ name: 'a' }) },
      expected: { a: { en: 'en/x/a.md', ja: 'i18n/ja/x/a.md' } },
    },
    {
      name: 'the package layout agents/ + locales/<lang>/agents/',
      files: { 'agents/a.md': agent({ name: 'a' }), 'locales/ja/agents/a.md': agent({ name: 'a' }), 'locales/fr/agents/a.md': agent({ name: 'a' }) },
      expected: { a: { en: 'agents/a.md', fr: 'locales/fr/agents/a.md', ja: 'locales/ja/agents/a.md' } },
    },
    {
      name: 'a banner before the front-matter linking to a file anywhere in the folder',
      files: { 'a.md': agent({ name: 'a' }), 'translations/a-ja.md': agent({ name: 'a', before: JA_BANNER('../a.md') }) },
      expected: { a: { en: 'a.md', ja: 'translations/a-ja.md' } },
    },
    {
      name: 'a banner as the first body line',
      files: { 'a.md': agent({ name: 'a' }), 'a.ja.md': agent({ name: 'a', after: JA_BANNER('a.md') }) },
      expected: { a: { en: 'a.md', ja: 'a.ja.md' } },
    },
    {
      name: 'an i18n.source block, language from the banner',
      files: {
        'a.md': agent({ name: 'a' }),
        'ja/a.md': agent({ name: 'a', extra: 'i18n:\n  source: ../a.md\n', after: '> **[English](https://example.com/a)** | **日本語**' }),
      },
      expected: { a: { en: 'a.md', ja: 'ja/a.md' } },
    },
    {
      name: 'i18n.source wins over the tree it sits in',
      files: {
        'agents/a.md': agent({ name: 'a' }),
        'other/a.md': agent({ name: 'a', description: 'Other.' }),
        'i18n/ja/agents/a.md': agent({ name: 'a', extra: 'i18n:\n  source: ../../../other/a.md\n' }),
      },
      expected: {},
    },
    {
      name: 'a canonical banner link makes its plain target (same name) a translation',
      files: { 'a.md': agent({ name: 'a', after: '> **English** | **[日本語](docs/a.md)**' }), 'docs/a.md': agent({ name: 'a', description: 'あ' }) },
      expected: { a: { en: 'a.md', ja: 'docs/a.md' } },
    },
    {
      name: 'a banner link to a file with another name leaves that file its own agent',
      files: { 'a.md': agent({ name: 'a', after: '> **English** | **[日本語](b.md)**' }), 'b.md': agent({ name: 'b' }) },
      expected: { a: { en: 'a.md' }, b: { en: 'b.md' } },
    },
    {
      name: 'a folder name that is not a language is no tree (negative control)',
      files: { 'agents/a.md': agent({ name: 'a' }), 'i18n/v2/agents/b.md': agent({ name: 'b' }) },
      expected: { a: { en: 'agents/a.md' }, b: { en: 'i18n/v2/agents/b.md' } },
    },
  ];
  for (const layout of layouts) {
    it(layout.name, () => {
      const scan = scanOf(layout.files);
      if (layout.name.startsWith('i18n.source wins')) {
        // Two different English definitions of `a`: a conflict; the Japanese file belongs to other/a.md.
        expect(scan.conflicts).toEqual([{ name: 'a', paths: ['agents/a.md', 'other/a.md'] }]);
        expect(localeMap(scanOf(layout.files, { picks: ['other/a.md'] }))).toEqual({ a: { en: 'other/a.md', ja: 'i18n/ja/agents/a.md' } });
        expect(localeMap(scanOf(layout.files, { picks: ['agents/a.md'] }))).toEqual({ a: { en: 'agents/a.md' } });
        return;
      }
      expect(localeMap(scan)).toEqual(layout.expected);
      expect(scan.catalog.orphans.map((o) => o.relPath)).toEqual(layout.orphans ?? []);
      expect(scan.conflicts).toEqual([]);
    });
  }

  it('a translation without a language is left out with a warning', () => {
    const scan = scanOf({ 'a.md': agent({ name: 'a' }), 'b.md': agent({ name: 'a', extra: 'i18n:\n  source: a.md\n' }) });
    expect(localeMap(scan)).toEqual({ a: { en: 'a.md' } });
    expect(scan.diagnostics.map((d) => [d.severity, d.code, d.file, d.params])).toEqual([['warning', 'VARIANT_LOCALE_UNKNOWN', 'b.md', { source: 'a.md' }]]);
  });

  it('a translation whose name differs is an error, attached to the variant so it never renders', () => {
    const scan = scanOf({ 'agents/a.md': agent({ name: 'a' }), 'i18n/ja/agents/a.md': agent({ name: 'a-ja' }) });
    expect(localeMap(scan)).toEqual({ a: { en: 'agents/a.md', ja: 'i18n/ja/agents/a.md' } });
    expect(scan.diagnostics.map((d) => [d.severity, d.code, d.file, d.params])).toEqual([
      ['error', 'VARIANT_NAME_MISMATCH', 'i18n/ja/agents/a.md', { name: 'a-ja', expected: 'a', source: 'agents/a.md' }],
    ]);
    const ja = scan.catalog.agents.get('a')?.variants.get('ja');
    expect(() => renderVariant(ja!)).toThrow('AGENT_INVALID');
    expect(assessTranslations(scan.catalog).rows.map((r) => [r.agent, r.locale, r.status, r.problems])).toEqual([
      ['a', 'ja', 'invalid', ['VARIANT_NAME_MISMATCH']],
    ]);
    // Negative control: the same name is fine.
    expect(scanOf({ 'agents/a.md': agent({ name: 'a' }), 'i18n/ja/agents/a.md': agent({ name: 'a' }) }).diagnostics).toEqual([]);
  });

  it('Markdown without front-matter or without name is documentation; unreadable front-matter is reported', () => {
    const scan = scanOf({
      'README.md': '# Readme\n',
      'commands/deploy.md': '---\ndescription: Deploy.\n---\nGo.\n',
      'broken.md': '---\nname: a\n\tx: y\n---\nbody\n',
      'a.md': agent({ name: 'a' }),
    });
    expect(localeMap(scan)).toEqual({ a: { en: 'a.md' } });
    expect(scan.unreadable).toEqual(['broken.md']);
    expect(scan.files.map((f) => f.relPath)).toEqual(['a.md', 'broken.md']);
  });

  it('a single file is one agent in its own language', () => {
    expect(localeMap(scanOf({ 'x.ja.md': agent({ name: 'x', before: JA_BANNER('x.md') }) }, { single: true }))).toEqual({ x: { ja: 'x.ja.md' } });
    expect(localeMap(scanOf({ 'x.md': agent({ name: 'x' }) }, { single: true }))).toEqual({ x: { en: 'x.md' } });
  });

  it('missing translations are expected where the layout puts them; a file with no source is an agent of its own language', () => {
    const scan = scanOf({
      'locales/en/a.md': agent({ name: 'a' }),
      'locales/en/b.md': agent({ name: 'b' }),
      'locales/ja/a.md': agent({ name: 'a' }),
      'locales/ja/c.md': agent({ name: 'c' }),
    });
    const rows = assessTranslations(scan.catalog).rows.map((r) => [r.agent, r.status, r.path, r.source]);
    expect(rows).toEqual([
      ['a', 'untracked', 'locales/ja/a.md', 'locales/en/a.md'],
      ['b', 'missing', 'locales/ja/b.md', 'locales/en/b.md'],
    ]);
    // c was an orphaned translation; it is the Japanese agent c, with no row (it is not expected in its own language).
    expect(scan.catalog.agents.get('c')?.canonical).toBe('ja');
    expect(scan.catalog.orphans).toEqual([]);
    expect(mirroredPath({ layout: { prefix: '', dir: 'i18n', base: '' }, canonicalPath: 'plugins/p/agents/x.md', locale: 'ja' })).toBe(
      'i18n/ja/plugins/p/agents/x.md',
    );
    expect(treePlaceOf('docs/i18n/ja/a/b.md')).toEqual({ prefix: 'docs/', dir: 'i18n', locale: 'ja', rest: 'a/b.md' });
    expect(treePlaceOf('i18n/ja.md')).toBeUndefined();
  });
});

describe('names are unique', () => {
  const reviewer = agent({ name: 'reviewer', description: 'Reviews.' });
  const files = {
    'p1/agents/reviewer.md': reviewer,
    'p2/agents/reviewer.md': reviewer,
    'p3/agents/reviewer.md': reviewer.replace(/\n/g, '\r\n'), // same rendered bytes: CRLF is normalised
    'p1/agents/tester.md': agent({ name: 'tester', description: 'Unit tests.' }),
    'p2/agents/tester.md': agent({ name: 'tester', description: 'Integration tests.' }),
    'p3/agents/tester.md': agent({ name: 'tester', description: 'Unit tests.' }),
  };

  it('identical definitions count once, remembering where else they were found', () => {
    const scan = scanOf(files);
    expect(localeMap(scan)).toEqual({ reviewer: { en: 'p1/agents/reviewer.md' } });
    expect(scan.duplicates).toEqual([{ name: 'reviewer', kept: 'p1/agents/reviewer.md', alsoAt: ['p2/agents/reviewer.md', 'p3/agents/reviewer.md'] }]);
  });

  it('different definitions under one name are a conflict listing every path', () => {
    const scan = scanOf(files);
    expect(scan.conflicts).toEqual([{ name: 'tester', paths: ['p1/agents/tester.md', 'p2/agents/tester.md', 'p3/agents/tester.md'] }]);
    expect(conflictFor({ scan, agent: 'tester', locale: 'ja' })).toEqual(scan.conflicts[0]);
    expect(conflictFor({ scan, agent: 'reviewer', locale: 'en' })).toBeUndefined();
  });

  it('a pick resolves a conflict; picking a copy keeps that copy', () => {
    const two = scanOf(files, { picks: ['p2/agents/tester.md'] });
    expect(localeMap(two).tester).toEqual({ en: 'p2/agents/tester.md' });
    expect(two.catalog.agents.get('tester')?.variants.get('en')?.parsed.spec?.description).toBe('Integration tests.');
    expect(two.conflicts).toEqual([]);
    const three = scanOf(files, { picks: ['p3/agents/tester.md'] });
    expect(localeMap(three).tester).toEqual({ en: 'p3/agents/tester.md' });
    expect(three.duplicates).toContainEqual({ name: 'tester', kept: 'p3/agents/tester.md', alsoAt: ['p1/agents/tester.md'] });
    // Two picks for one conflict choose nothing.
    expect(scanOf(files, { picks: ['p1/agents/tester.md', 'p2/agents/tester.md'] }).conflicts).toHaveLength(1);
  });

  it('different translations of one definition are a conflict for that locale only', () => {
    const copies = {
      'a/agents/x.md': agent({ name: 'x' }),
      'b/agents/x.md': agent({ name: 'x' }),
      'i18n/ja/a/agents/x.md': agent({ name: 'x', description: '訳一' }),
      'i18n/ja/b/agents/x.md': agent({ name: 'x', description: '訳二' }),
    };
    const scan = scanOf(copies);
    expect(scan.conflicts).toEqual([{ name: 'x', locale: 'ja', paths: ['i18n/ja/a/agents/x.md', 'i18n/ja/b/agents/x.md'] }]);
    expect(localeMap(scan)).toEqual({ x: { en: 'a/agents/x.md' } });
    expect(conflictFor({ scan, agent: 'x', locale: 'en' })).toBeUndefined();
    expect(conflictFor({ scan, agent: 'x', locale: 'ja' })).toEqual(scan.conflicts[0]);
    expect(localeMap(scanOf(copies, { picks: ['i18n/ja/b/agents/x.md'] }))).toEqual({ x: { en: 'a/agents/x.md', ja: 'i18n/ja/b/agents/x.md' } });
    // Identical translations collapse like definitions do.
    const same = scanOf({ ...copies, 'i18n/ja/b/agents/x.md': copies['i18n/ja/a/agents/x.md'] });
    expect(same.duplicates).toEqual([
      { name: 'x', kept: 'a/agents/x.md', alsoAt: ['b/agents/x.md'] },
      { name: 'x', locale: 'ja', kept: 'i18n/ja/a/agents/x.md', alsoAt: ['i18n/ja/b/agents/x.md'] },
    ]);
  });
});

describe('rendering keeps values Claude Code drops, as written', () => {
  it('color: magenta stays in the rendered file; the parsed spec still leaves it out', () => {
    const scan = scanOf({ 'a.md': agent({ name: 'a', extra: 'color: magenta\nmaxTurns: 0\n' }) });
    const variant = scan.catalog.agents.get('a')?.variants.get('en');
    expect(variant?.parsed.spec?.color).toBeUndefined();
    expect(renderVariant(variant!)).toBe('---\nname: a\ndescription: About a.\nmaxTurns: 0\ncolor: magenta\n---\n\nYou help.\n');
  });
});
