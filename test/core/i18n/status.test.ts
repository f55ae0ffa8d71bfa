import { describe, expect, it } from 'vitest';
import { checkBannerLinks } from '../../../src/core/i18n/banner-links.js';
import { resolveCatalogLink } from '../../../src/core/catalog/links.js';
import { checkCatalog } from '../../../src/core/i18n/check-catalog.js';
import { parseAgent } from '../../../src/core/agent/parse.js';
import { assessTranslations, variantHash } from '../../../src/core/i18n/status.js';
import { catalogOf } from '../../helpers/catalog.js';

const EN = 'agents/demo.md';
const JA = 'locales/ja/agents/demo.md';

function source(options: { description?: string; extra?: string[]; banner?: string | null } = {}): string {
  const banner = options.banner === undefined ? '> **English** | **[日本語](../locales/ja/agents/demo.md)**' : options.banner;
  return [
    '---',
    'name: demo',
    `description: ${options.description ?? 'Reviews menus.'}`,
    'model: sonnet',
    ...(options.extra ?? []),
    '---',
    '',
    ...(banner === null ? [] : [banner, '']),
    'You review menus.',
    '',
    '## Steps',
    '- Read',
    '- Mark',
    '',
  ].join('\n');
}

const HASH = variantHash(parseAgent(source()));

function translation(options: { hash?: string | null; sourcePath?: string; fields?: string[]; banner?: string | null; items?: string[] } = {}): string {
  const hash = options.hash === undefined ? HASH : options.hash;
  const i18n = hash === null ? [] : ['i18n:', `  source: ${options.sourcePath ?? '../../../agents/demo.md'}`, `  sourceHash: ${hash}`];
  const banner = options.banner === undefined ? '> **[English](../../../agents/demo.md)** | **日本語**' : options.banner;
  return [
    '---',
    'name: demo',
    'description: メニューを確認します。',
    ...(options.fields ?? ['model: sonnet']),
    ...i18n,
    '---',
    '',
    ...(banner === null ? [] : [banner, '']),
    'あなたはメニューを確認します。',
    '',
    '## 手順',
    ...(options.items ?? ['- 読む', '- 印を付ける']),
    '',
  ].join('\n');
}

const statusOf = (files: Record<string, string>, locales?: string[]) =>
  assessTranslations(catalogOf(files, locales)).rows.map((r) => [r.agent, r.locale, r.status]);

describe('translation status', () => {
  it('is current when the recorded hash is the source hash', () => {
    expect(HASH).toMatch(/^sha256:/);
    const { rows, diagnostics } = assessTranslations(catalogOf({ [EN]: source(), [JA]: translation() }));
    expect(diagnostics).toEqual([]);
    expect(rows).toEqual([{ agent: 'demo', locale: 'ja', status: 'current', path: JA, source: EN, recordedHash: HASH, sourceHash: HASH, problems: [] }]);
  });

  it('is outdated when the source description gains one word', () => {
    expect(statusOf({ [EN]: source({ description: 'Reviews lunch menus.' }), [JA]: translation() })).toEqual([['demo', 'ja', 'outdated']]);
  });

  it('is untracked without an i18n block, missing without a file, orphaned without a source', () => {
    expect(statusOf({ [EN]: source(), [JA]: translation({ hash: null }) })).toEqual([['demo', 'ja', 'untracked']]);
    expect(statusOf({ [EN]: source() }, ['ja'])).toEqual([['demo', 'ja', 'missing']]);
    expect(statusOf({ [EN]: source(), 'locales/ja/agents/other.md': translation() })).toEqual([
      ['demo', 'ja', 'missing'],
      ['other', 'ja', 'orphaned'],
    ]);
  });

  it('ignores documentation among the sources (no front-matter, no translation)', () => {
    expect(statusOf({ [EN]: source(), [JA]: translation(), 'agents/README.md': '# Agents\n' })).toEqual([['demo', 'ja', 'current']]);
  });

  it('is invalid when the translation does not load, with the reason', () => {
    const { rows } = assessTranslations(catalogOf({ [EN]: source(), [JA]: '---\nname: demo\n---\nno description\n' }));
    expect(rows[0]).toMatchObject({ status: 'invalid', problems: ['DESCRIPTION_MISSING'] });
  });

  it('is invalid when a non-translatable field differs, naming the field and both values', () => {
    const { rows, diagnostics } = assessTranslations(catalogOf({ [EN]: source(), [JA]: translation({ fields: ['model: inherit'] }) }));
    expect(rows[0]?.status).toBe('invalid');
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'TRANSLATION_FIELD_DIFFERS',
        file: JA,
        line: 4,
        params: { field: 'model', sourceValue: 'sonnet', value: 'inherit', source: EN },
      },
    ]);
  });

  it.each([
    ['a field only in the source', { fields: [] }, 'TRANSLATION_FIELD_MISSING'],
    ['a field only in the translation', { fields: ['model: sonnet', 'color: blue'] }, 'TRANSLATION_FIELD_EXTRA'],
    ['an unknown key that differs (parsed data, not spec)', { fields: ['model: sonnet', 'x-note: ja'] }, 'TRANSLATION_FIELD_EXTRA'],
    ['tools as a list vs a string', { fields: ['model: sonnet', 'tools: [Read, Grep]'] }, 'TRANSLATION_FIELD_DIFFERS'],
    ['an invalid color that the schema drops', { fields: ['model: sonnet', 'color: mauve'] }, 'TRANSLATION_FIELD_DIFFERS'],
  ] as const)('reports %s', (_name, t, code) => {
    const fields: readonly string[] = t.fields;
    const en = source({ extra: fields.includes('tools: [Read, Grep]') ? ['tools: Read, Grep'] : fields.includes('color: mauve') ? ['color: blue'] : [] });
    const { rows, diagnostics } = assessTranslations(catalogOf({ [EN]: en, [JA]: translation({ fields: [...t.fields] }) }));
    expect(diagnostics.map((d) => d.code)).toEqual([code]);
    expect(rows[0]?.status).toBe('invalid');
  });

  it('accepts the same fields in another order and a translated description', () => {
    const en = source({ extra: ['tools: Read, Grep', 'color: blue'] });
    const ja = translation({ fields: ['color: blue', 'tools: Read, Grep', 'model: sonnet'] });
    expect(statusOf({ [EN]: en, [JA]: ja })).toEqual([['demo', 'ja', 'current']]);
  });

  it.each([
    ['../../../agents/missing.md', 'I18N_SOURCE_NOT_FOUND'],
    ['../../../../elsewhere/agents/demo.md', 'I18N_SOURCE_NOT_FOUND'],
    ['https://example.com/agents/demo.md', 'I18N_SOURCE_NOT_FOUND'],
    ['../../../agents/other.md', 'I18N_SOURCE_MISMATCH'],
  ])('is invalid when i18n.source is %s', (sourcePath, code) => {
    const files = { [EN]: source(), 'agents/other.md': source().replace('name: demo', 'name: other'), [JA]: translation({ sourcePath }) };
    const { rows, diagnostics } = assessTranslations(catalogOf(files));
    expect(rows.find((r) => r.agent === 'demo')?.status).toBe('invalid');
    expect(diagnostics.filter((d) => d.file === JA).map((d) => [d.code, d.params['suggestion']])).toEqual([[code, '../../../agents/demo.md']]);
  });

  it('resolves links relative to the file, like Markdown', () => {
    expect(resolveCatalogLink({ from: JA, href: '../../../agents/demo.md' })).toBe(EN);
    expect(resolveCatalogLink({ from: JA, href: '../../../agents/demo.md#top' })).toBe(EN);
    expect(resolveCatalogLink({ from: EN, href: '../locales/ja/agents/demo.md' })).toBe(JA);
    expect(resolveCatalogLink({ from: JA, href: '../../../../x.md' })).toBeUndefined();
    expect(resolveCatalogLink({ from: JA, href: '/abs/demo.md' })).toBeUndefined();
  });
});

describe('checkCatalog', () => {
  it('turns outdated into an error naming i18n stamp, untracked into a warning', () => {
    const outdated = checkCatalog({
      catalog: catalogOf({ [EN]: source({ description: 'Reviews lunch menus.' }), [JA]: translation() }),
      flags: { root: '/tmp/x' },
    });
    expect(outdated.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'TRANSLATION_OUTDATED',
        file: JA,
        line: 5,
        params: expect.objectContaining({ agent: 'demo', locale: 'ja', command: 'agentpack i18n stamp demo --locale ja --root /tmp/x' }),
      }),
    ]);
    const untracked = checkCatalog({ catalog: catalogOf({ [EN]: source(), [JA]: translation({ hash: null }) }) });
    expect(untracked.diagnostics.map((d) => [d.severity, d.code])).toEqual([['warning', 'TRANSLATION_UNTRACKED']]);
  });

  it('checks parity: a warning, or an error when strict', () => {
    const files = { [EN]: source(), [JA]: translation({ items: ['- 読む'] }) };
    expect(checkCatalog({ catalog: catalogOf(files) }).diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([['warning', 'PARITY_ITEMS', 14]]);
    expect(checkCatalog({ catalog: catalogOf(files), strict: true }).diagnostics.map((d) => d.severity)).toEqual(['error']);
  });
});

describe('banner links', () => {
  it('accepts links both ways', () => {
    expect(checkBannerLinks(catalogOf({ [EN]: source(), [JA]: translation() }))).toEqual([]);
  });

  it('warns about a dead link, suggesting the right path (the seed form)', () => {
    const seed = translation({ banner: null }).replace(
      '---\nname',
      '> **[English](../../../../../machine-learning-ops/agents/demo.md)** | **日本語**\n\n---\nname',
    );
    const d = checkBannerLinks(catalogOf({ [EN]: source(), [JA]: seed }));
    expect(d).toEqual([
      {
        severity: 'warning',
        code: 'BANNER_LINK_DEAD',
        file: JA,
        line: 1,
        params: { label: 'English', href: '../../../../../machine-learning-ops/agents/demo.md', suggestion: '../../../agents/demo.md' },
      },
    ]);
  });

  it('warns when a link leads to another file, or is labelled with the wrong language', () => {
    const wrong = checkBannerLinks(catalogOf({ [EN]: source(), [JA]: translation({ banner: '> **[English](demo.md)** | **日本語**' }) }));
    expect(wrong.map((d) => [d.code, d.params['target']])).toEqual([['BANNER_LINK_WRONG', JA]]);
    const mislabelled = checkBannerLinks(catalogOf({ [EN]: source(), [JA]: translation({ banner: '> **[日本語](../../../agents/demo.md)** | **English**' }) }));
    expect(mislabelled.map((d) => d.code)).toEqual(['BANNER_LINK_MISLABELLED']);
  });

  it('warns when the translation has no link to its source, or the source none to the translation', () => {
    const noBanner = checkBannerLinks(catalogOf({ [EN]: source(), [JA]: translation({ banner: null }) }));
    expect(noBanner.map((d) => [d.code, d.file, d.params['expected']])).toEqual([['BANNER_SOURCE_LINK_MISSING', JA, '../../../agents/demo.md']]);
    const sourceWithout = checkBannerLinks(catalogOf({ [EN]: source({ banner: null }), [JA]: translation() }));
    expect(sourceWithout.map((d) => [d.code, d.file, d.params['expected'], d.params['locale']])).toEqual([
      ['BANNER_TRANSLATION_LINK_MISSING', EN, '../locales/ja/agents/demo.md', 'ja'],
    ]);
  });
});
