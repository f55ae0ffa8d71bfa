import { describe, expect, it } from 'vitest';
import { langOfTag, resolveLang } from '../../src/core/lang.js';

type Env = Record<string, string | undefined>;
interface Case {
  name: string;
  flag?: string;
  env: Env;
  intl?: string;
  want: 'en' | 'ja';
}

// DESIGN §6: --lang, AGENTPACK_LANG, first non-empty of LC_ALL, LC_MESSAGES, LANG (C/POSIX = English),
// then Intl (ignoring `und`), then English.
const cases: Case[] = [
  { name: 'nothing set, no Intl → English', env: {}, want: 'en' },
  { name: '--lang ja beats everything', flag: 'ja', env: { AGENTPACK_LANG: 'en', LC_ALL: 'C', LANG: 'C' }, intl: 'en-US', want: 'ja' },
  { name: '--lang en beats LANG=ja_JP.UTF-8', flag: 'en', env: { LANG: 'ja_JP.UTF-8' }, want: 'en' },
  { name: 'AGENTPACK_LANG=ja beats LC_ALL=C', env: { AGENTPACK_LANG: 'ja', LC_ALL: 'C' }, want: 'ja' },
  { name: 'AGENTPACK_LANG=en beats LANG=ja_JP.UTF-8', env: { AGENTPACK_LANG: 'en', LANG: 'ja_JP.UTF-8' }, want: 'en' },
  { name: 'empty AGENTPACK_LANG is skipped', env: { AGENTPACK_LANG: '', LANG: 'ja_JP.UTF-8' }, want: 'ja' },
  { name: 'unsupported AGENTPACK_LANG=fr is skipped, the system locale decides', env: { AGENTPACK_LANG: 'fr', LANG: 'ja_JP.UTF-8' }, want: 'ja' },
  { name: 'LC_ALL beats LC_MESSAGES and LANG', env: { LC_ALL: 'ja_JP.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'C' }, want: 'ja' },
  { name: 'LC_ALL=C beats LANG=ja_JP.UTF-8', env: { LC_ALL: 'C', LANG: 'ja_JP.UTF-8' }, want: 'en' },
  { name: 'empty LC_ALL is skipped for LC_MESSAGES', env: { LC_ALL: '', LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' }, want: 'ja' },
  { name: 'blank (spaces) LC_ALL is skipped too', env: { LC_ALL: '  ', LANG: 'ja_JP.UTF-8' }, want: 'ja' },
  { name: 'LC_MESSAGES beats LANG', env: { LC_MESSAGES: 'C', LANG: 'ja_JP.UTF-8' }, want: 'en' },
  { name: 'empty LC_ALL and LC_MESSAGES: LANG decides', env: { LC_ALL: '', LC_MESSAGES: '', LANG: 'ja_JP.UTF-8' }, want: 'ja' },
  { name: 'LANG=C → English', env: { LANG: 'C' }, intl: 'ja-JP', want: 'en' },
  { name: 'LANG=C.UTF-8 → English', env: { LANG: 'C.UTF-8' }, intl: 'ja-JP', want: 'en' },
  { name: 'LANG=POSIX → English', env: { LANG: 'POSIX' }, intl: 'ja-JP', want: 'en' },
  { name: 'LANG=ja_JP.UTF-8 → Japanese', env: { LANG: 'ja_JP.UTF-8' }, want: 'ja' },
  { name: 'LANG=ja_JP.eucJP → Japanese', env: { LANG: 'ja_JP.eucJP' }, want: 'ja' },
  { name: 'LANG=ja → Japanese', env: { LANG: 'ja' }, want: 'ja' },
  { name: 'LANG=ja_JP (no codeset) → Japanese', env: { LANG: 'ja_JP' }, want: 'ja' },
  { name: 'LANG=en_US.UTF-8 → English even when Intl says ja', env: { LANG: 'en_US.UTF-8' }, intl: 'ja-JP', want: 'en' },
  { name: 'a set but unsupported LANG=fr_FR.UTF-8 → English, Intl not consulted', env: { LANG: 'fr_FR.UTF-8' }, intl: 'ja-JP', want: 'en' },
  { name: 'no locale variables: Intl ja-JP → Japanese', env: {}, intl: 'ja-JP', want: 'ja' },
  { name: 'all locale variables empty: Intl ja → Japanese', env: { LC_ALL: '', LC_MESSAGES: '', LANG: '' }, intl: 'ja', want: 'ja' },
  { name: 'Intl und is ignored → English', env: {}, intl: 'und', want: 'en' },
  { name: 'Intl en-US → English', env: {}, intl: 'en-US', want: 'en' },
  { name: 'unrelated variables (LANGUAGE, LC_CTYPE) are not consulted', env: { LANGUAGE: 'ja', LC_CTYPE: 'ja_JP.UTF-8' }, want: 'en' },
];

describe('resolveLang (DESIGN §6)', () => {
  it('has a table of at least 15 environments', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)('$name', ({ flag, env, intl, want }) => {
    expect(resolveLang({ flag, env, intlLocale: intl })).toBe(want);
  });

  it('does not read process.env: the same inputs give the same answer whatever the real environment', () => {
    const saved = process.env['LANG'];
    process.env['LANG'] = 'ja_JP.UTF-8';
    try {
      expect(resolveLang({ env: {} })).toBe('en');
    } finally {
      if (saved === undefined) delete process.env['LANG'];
      else process.env['LANG'] = saved;
    }
  });
});

describe('langOfTag', () => {
  it.each([
    ['C', 'en'],
    ['C.UTF-8', 'en'],
    ['c.utf8', 'en'],
    ['POSIX', 'en'],
    ['en', 'en'],
    ['en_GB.ISO-8859-1', 'en'],
    ['ja', 'ja'],
    ['ja-JP', 'ja'],
    ['ja_JP.UTF-8', 'ja'],
    ['ja_JP.eucJP', 'ja'],
    ['ja_JP.SJIS@cjknarrow', 'ja'],
    ['fr_FR.UTF-8', undefined],
    ['', undefined],
    [undefined, undefined],
    ['Cyrl', undefined],
  ] as const)('%s → %s', (tag, want) => {
    expect(langOfTag(tag)).toBe(want);
  });
});
