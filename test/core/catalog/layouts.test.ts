import { describe, expect, it } from 'vitest';
import { parseAgent } from '../../../src/core/agent/parse.js';
import { assembleSource, type SourceScan } from '../../../src/core/catalog/assemble-folder.js';
import { expectedTranslationPath, pathClaims } from '../../../src/core/catalog/folder-layout.js';
import { assessTranslations } from '../../../src/core/i18n/status.js';

/** An agent file: name, a description and a body in the language given (the text decides a file's language when nothing else does). */
function agent(name: string, lang: 'en' | 'ja' | 'ko' | 'zh' = 'en', extra = ''): string {
  const text = {
    en: ['Reviews changes.', 'You review changes.'],
    ja: ['変更をレビューします。', 'あなたは変更をレビューする担当です。'],
    ko: ['변경 사항을 검토합니다.', '당신은 변경 사항을 검토합니다.'],
    zh: ['审查代码变更。', '你负责审查代码变更。'],
  }[lang];
  return `---\nname: ${name}\ndescription: ${text[0]}\n${extra}---\n\n${text[1]}\n`;
}

function scanOf(files: Record<string, string>): SourceScan {
  const list = Object.entries(files).map(([relPath, text]) => ({ path: `/c/${relPath}`, relPath, parsed: parseAgent(text, { path: `/c/${relPath}` }) }));
  return assembleSource({ root: '/c', files: list });
}

/** Every agent as name → { canonical locale, locale → relPath }. */
function agentsOf(scan: SourceScan): Record<string, { canonical: string; files: Record<string, string> }> {
  return Object.fromEntries(
    [...scan.catalog.agents.values()].map((a) => [
      a.name,
      { canonical: a.canonical, files: Object.fromEntries([...a.variants].map(([l, v]) => [l, v.relPath])) },
    ]),
  );
}

describe('layouts of translated mirrors, each read without being told', () => {
  const cases: { name: string; files: Record<string, string>; expected: ReturnType<typeof agentsOf> }[] = [
    {
      name: 'i18n/<lang>/<path>',
      files: { 'plugins/p/agents/a.md': agent('a'), 'i18n/ja/plugins/p/agents/a.md': agent('a', 'ja') },
      expected: { a: { canonical: 'en', files: { en: 'plugins/p/agents/a.md', ja: 'i18n/ja/plugins/p/agents/a.md' } } },
    },
    {
      name: 'locales/<lang>/<path> with a region-tagged locale',
      files: { 'agents/a.md': agent('a'), 'locales/zh-CN/agents/a.md': agent('a', 'zh'), 'locales/pt-BR/agents/a.md': agent('a') },
      expected: { a: { canonical: 'en', files: { en: 'agents/a.md', 'pt-BR': 'locales/pt-BR/agents/a.md', 'zh-CN': 'locales/zh-CN/agents/a.md' } } },
    },
    {
      name: '<lang>/<path> at the root',
      files: { 'agents/a.md': agent('a'), 'ja/agents/a.md': agent('a', 'ja'), 'ko/docs/b.md': agent('b', 'ko'), 'docs/b.md': agent('b') },
      expected: {
        a: { canonical: 'en', files: { en: 'agents/a.md', ja: 'ja/agents/a.md' } },
        b: { canonical: 'en', files: { en: 'docs/b.md', ko: 'ko/docs/b.md' } },
      },
    },
    {
      name: '.claude/<lang>/agents/<rest> beside .claude/agents/<rest>',
      files: { '.claude/agents/ops/a.md': agent('a'), '.claude/ja/agents/ops/a.md': agent('a', 'ja'), '.claude/ko/agents/ops/a.md': agent('a', 'ko') },
      expected: { a: { canonical: 'en', files: { en: '.claude/agents/ops/a.md', ja: '.claude/ja/agents/ops/a.md', ko: '.claude/ko/agents/ops/a.md' } } },
    },
    {
      name: '<x>/<lang>/agents/<rest> beside <x>/agents/<rest>, any <x>',
      files: { 'team/agents/a.md': agent('a'), 'team/pt-BR/agents/a.md': agent('a') },
      expected: { a: { canonical: 'en', files: { en: 'team/agents/a.md', 'pt-BR': 'team/pt-BR/agents/a.md' } } },
    },
    {
      name: 'the suffix form <name>.<lang>.md beside <name>.md',
      files: { 'agents/a.md': agent('a'), 'agents/a.ja.md': agent('a', 'ja'), 'agents/a.zh-CN.md': agent('a', 'zh') },
      expected: { a: { canonical: 'en', files: { en: 'agents/a.md', ja: 'agents/a.ja.md', 'zh-CN': 'agents/a.zh-CN.md' } } },
    },
    {
      name: 'i18n.source, the language from the text',
      files: { 'agents/a.md': agent('a'), 'translations/a.md': agent('a', 'ko', 'i18n:\n  source: ../agents/a.md\n') },
      expected: { a: { canonical: 'en', files: { en: 'agents/a.md', ko: 'translations/a.md' } } },
    },
    {
      name: 'a banner link from the canonical file to a folder that says nothing',
      files: {
        'agents/a.md': agent('a').replace('\nYou review', '\n> **English** | **[日本語](../translated/a.md)**\n\nYou review'),
        'translated/a.md': agent('a', 'ja'),
      },
      expected: { a: { canonical: 'en', files: { en: 'agents/a.md', ja: 'translated/a.md' } } },
    },
    {
      name: 'a Japanese-only agent in a mirror: its own canonical variant, ja',
      files: { '.claude/agents/a.md': agent('a'), '.claude/ja/agents/b.md': agent('b', 'ja'), 'i18n/ja/plugins/q/agents/c.md': agent('c', 'ja') },
      expected: {
        a: { canonical: 'en', files: { en: '.claude/agents/a.md' } },
        b: { canonical: 'ja', files: { ja: '.claude/ja/agents/b.md' } },
        c: { canonical: 'ja', files: { ja: 'i18n/ja/plugins/q/agents/c.md' } },
      },
    },
    {
      name: 'no layout at all: each file in the language of its text or of a <lang> folder',
      files: {
        'agents/a.md': agent('a', 'zh'),
        'agents/b.md': agent('b', 'ko'),
        'agents/c.md': agent('c'),
        'agents/d.md': agent('d', 'ja'),
        'team/ja/e.md': agent('e'),
      },
      expected: {
        a: { canonical: 'zh', files: { zh: 'agents/a.md' } },
        b: { canonical: 'ko', files: { ko: 'agents/b.md' } },
        c: { canonical: 'en', files: { en: 'agents/c.md' } },
        d: { canonical: 'ja', files: { ja: 'agents/d.md' } },
        e: { canonical: 'ja', files: { ja: 'team/ja/e.md' } },
      },
    },
    {
      name: 'negative control: ordinary folders named like short codes are no languages',
      files: { 'agents/a.md': agent('a'), 'go/agents/b.md': agent('b'), 'ui/c.md': agent('c'), 'it/agents/d.md': agent('d'), 'ml/agents/a2.md': agent('a2') },
      expected: {
        a: { canonical: 'en', files: { en: 'agents/a.md' } },
        a2: { canonical: 'en', files: { en: 'ml/agents/a2.md' } },
        b: { canonical: 'en', files: { en: 'go/agents/b.md' } },
        c: { canonical: 'en', files: { en: 'ui/c.md' } },
        d: { canonical: 'en', files: { en: 'it/agents/d.md' } },
      },
    },
  ];
  it.each(cases)('$name', ({ files, expected }) => {
    const scan = scanOf(files);
    expect(agentsOf(scan)).toEqual(expected);
    expect(scan.conflicts).toEqual([]);
    expect(scan.catalog.orphans).toEqual([]);
  });

  it('an italian folder is a language when it mirrors a canonical file', () => {
    expect(agentsOf(scanOf({ 'agents/a.md': agent('a'), 'it/agents/a.md': agent('a') }))).toEqual({
      a: { canonical: 'en', files: { en: 'agents/a.md', it: 'it/agents/a.md' } },
    });
  });
});

describe('pathClaims: what a path says about its language', () => {
  const exists = (paths: string[]) => (p: string) => paths.includes(p);
  const cases: [string, string[], { locale: string; strength: string; canonical: string[] }[]][] = [
    ['i18n/ja/agents/x.md', [], [{ locale: 'ja', strength: 'tree', canonical: ['agents/x.md', 'i18n/en/agents/x.md', 'en/agents/x.md'] }]],
    ['.claude/ja/agents/x.md', [], [{ locale: 'ja', strength: 'agents', canonical: ['.claude/agents/x.md'] }]],
    ['ja/docs/x.md', ['docs/x.md'], [{ locale: 'ja', strength: 'mirror', canonical: ['docs/x.md'] }]],
    ['ja/docs/x.md', [], [{ locale: 'ja', strength: 'alone', canonical: [] }]],
    ['agents/x.ko.md', ['agents/x.md'], [{ locale: 'ko', strength: 'mirror', canonical: ['agents/x.md'] }]],
    ['team/ja/reviewer.md', [], [{ locale: 'ja', strength: 'alone', canonical: [] }]],
    ['it/agents/x.md', [], []],
    ['go/agents/x.md', ['agents/x.md'], []],
    ['agents/x.v2.md', ['agents/x.md'], []],
  ];
  it.each(cases)('%s (existing: %j)', (relPath, files, expected) => {
    const claims = pathClaims(relPath, exists(files)).map((c) => ({ locale: c.locale, strength: c.strength, canonical: c.candidates.map((x) => x.canonical) }));
    expect(claims).toEqual(expected);
  });
});

describe('where a missing translation belongs', () => {
  it('in the layout of the nearest translated file, so i18n status points at real paths', () => {
    const scan = scanOf({
      '.claude/agents/backend/api.md': agent('api'),
      '.claude/ja/agents/backend/api.md': agent('api', 'ja'),
      '.claude/agents/backend/cache.md': agent('cache'),
      'plugins/kit/agents/pr.md': agent('pr'),
      'i18n/ja/plugins/kit/agents/pr.md': agent('pr', 'ja'),
      'plugins/kit/agents/lint.md': agent('lint'),
      'agents/dock.md': agent('dock'),
      'agents/dock.ja.md': agent('dock', 'ja'),
      'agents/other.md': agent('other'),
    });
    const missing = assessTranslations(scan.catalog)
      .rows.filter((r) => r.status === 'missing')
      .map((r) => [r.agent, r.path]);
    expect(missing).toEqual([
      ['cache', '.claude/ja/agents/backend/cache.md'],
      ['lint', 'i18n/ja/plugins/kit/agents/lint.md'],
      ['other', 'agents/other.ja.md'],
    ]);
    // Never the old double prefix.
    expect(missing.every(([, p]) => !p?.startsWith('i18n/ja/.claude/'))).toBe(true);
  });

  it('without any translation: i18n/<lang>/<path>', () => {
    expect(expectedTranslationPath({ catalog: {}, canonicalPath: 'agents/x.md', locale: 'ja' })).toBe('i18n/ja/agents/x.md');
  });
});
