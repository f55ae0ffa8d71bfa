import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, ERROR_CODES } from '../../src/core/codes.js';
import { format, LANGS, placeholdersOf } from '../../src/ui/messages.js';
import { messagesIn } from '../helpers/messages.js';
import { catalogCalls } from '../helpers/catalog-calls.js';
import { ROOT } from '../helpers/cli.js';
import { sourceFiles } from '../helpers/source-scan.js';

const raw = (lang: string): string => readFileSync(join(ROOT, 'locales', lang, 'messages.json'), 'utf8');
const catalog = (lang: string): Record<string, string> => JSON.parse(raw(lang)) as Record<string, string>;
const en = catalog('en');
const ja = catalog('ja');

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

describe('message catalogs', () => {
  it('have exactly the same keys', () => {
    const onlyEn = Object.keys(en).filter((k) => !(k in ja));
    const onlyJa = Object.keys(ja).filter((k) => !(k in en));
    expect({ onlyEn, onlyJa }).toEqual({ onlyEn: [], onlyJa: [] });
    expect(Object.keys(en).length).toBeGreaterThan(100);
  });

  it('use the same placeholders in every key', () => {
    const differ = Object.keys(en)
      .filter((k) => k in ja)
      .filter((k) => placeholdersOf(en[k] ?? '').join() !== placeholdersOf(ja[k] ?? '').join())
      .map((k) => `${k}: en {${placeholdersOf(en[k] ?? '').join('}{')}} ja {${placeholdersOf(ja[k] ?? '').join('}{')}}`);
    expect(differ).toEqual([]);
  });

  it('hold only non-empty strings', () => {
    for (const [lang, messages] of [
      ['en', en],
      ['ja', ja],
    ] as const) {
      const bad = Object.entries(messages).filter(([, v]) => typeof v !== 'string' || v.trim() === '');
      expect(bad, lang).toEqual([]);
    }
  });

  it('are sorted by key, 2-space indented, with a trailing newline (so parallel branches merge cleanly)', () => {
    for (const lang of LANGS) {
      const parsed = catalog(lang);
      const sorted = Object.fromEntries(Object.entries(parsed).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(raw(lang), `locales/${lang}/messages.json`).toBe(`${JSON.stringify(sorted, null, 2)}\n`);
    }
  });

  it('every diagnostic and error code has a message and a hint in both languages', () => {
    const needed = [...DIAGNOSTIC_CODES.flatMap((c) => [`diag.${c}`, `diag.${c}.hint`]), ...ERROR_CODES.flatMap((c) => [`error.${c}`, `error.${c}.hint`])];
    expect(needed.length).toBe(2 * (DIAGNOSTIC_CODES.length + ERROR_CODES.length));
    expect(needed.filter((k) => !(k in en))).toEqual([]);
    expect(needed.filter((k) => !(k in ja))).toEqual([]);
  });

  it('has no message for a code that does not exist (typos, removed codes)', () => {
    const codes = new Set<string>([...DIAGNOSTIC_CODES.map((c) => `diag.${c}`), ...ERROR_CODES.map((c) => `error.${c}`)]);
    const orphans = Object.keys(en)
      .filter((k) => /^(diag|error)\./.test(k))
      .filter((k) => !codes.has(k.replace(/\.(hint|hintSuggest|one)$/, '')));
    expect(orphans).toEqual([]);
  });

  it('a .hintSuggest variant uses {suggestion}', () => {
    const bad = Object.keys(en).filter((k) => k.endsWith('.hintSuggest') && !placeholdersOf(en[k] ?? '').includes('suggestion'));
    expect(bad).toEqual([]);
  });

  it('translates every English sentence: a Japanese value with words in it contains Japanese', () => {
    // Values that are only placeholders, flags or commands (e.g. "{detail}", "--locale ja") need no Japanese.
    const words = (v: string): boolean => /\b[a-z]{3,}\b.*\b[a-z]{3,}\b/i.test(v.replace(/\{\w+\}/g, '').replace(/--?[\w-]+|agentpack [\w-]+/g, ''));
    const untranslated = Object.keys(en).filter((k) => words(en[k] ?? '') && !JAPANESE.test(ja[k] ?? ''));
    expect(untranslated).toEqual([]);
    // Negative control: the rule does catch an English copy.
    expect(words('No agents available.') && !JAPANESE.test('No agents available.')).toBe(true);
  });

  it('the Japanese uses the agreed terms, not their variants', () => {
    const variants: [RegExp, string][] = [
      [/サブ・エージェント|サブエージェンツ/, 'サブエージェント'],
      [/フロント・マター|フロントマタ(?!ー)|front-matter|frontmatter/i, 'フロントマター'],
      [/インストゥール|導入します/, 'インストール'],
      [/ワーニング|警告メッセージ/, '警告'],
      [/エラ(?!ー)|誤り(?=が\d)/, 'エラー'],
    ];
    const found = Object.entries(ja).flatMap(([k, v]) => variants.filter(([re]) => re.test(v)).map(([, term]) => `${k}: use ${term}: ${v}`));
    expect(found).toEqual([]);
  });

  it('the Japanese is written in です/ます: no plain-form sentence endings', () => {
    // A full sentence (ending in 。) must end politely; short labels (headers, "問題なし") have no 。.
    const plain = Object.entries(ja).filter(([, v]) => /。/.test(v) && /(?:である|だ|する|しない|ない|った)。/.test(v));
    expect(plain).toEqual([]);
  });
});

describe('placeholders are filled where messages are used', () => {
  const files = sourceFiles('src');
  const calls = files.flatMap((f) => catalogCalls(f));

  it('finds the calls to check (t, AgentpackError, makeDiagnostic)', () => {
    expect(calls.filter((c) => c.keys[0]?.startsWith('error.')).length).toBeGreaterThanOrEqual(4);
    expect(calls.filter((c) => c.keys[0]?.startsWith('diag.')).length).toBeGreaterThanOrEqual(5);
    expect(calls.filter((c) => !/^(error|diag)\./.test(c.keys[0] ?? '')).length).toBeGreaterThanOrEqual(10);
  });

  it('every {placeholder} of a literal key is given a value', () => {
    const problems: string[] = [];
    for (const call of calls) {
      if (!call.provided) continue; // params built at run time; the spawned tests cover those
      for (const provided of call.provided) {
        const keys = [...call.keys];
        const suggest = `${call.keys[0]}.hintSuggest`;
        if (provided.includes('suggestion') && suggest in en) keys.push(suggest);
        for (const key of keys) {
          if (!(key in en)) {
            problems.push(`${call.file}:${call.line} uses ${key}, which is not in the catalogs`);
            continue;
          }
          const missing = placeholdersOf(en[key] ?? '').filter((p) => !provided.includes(p));
          if (missing.length > 0) problems.push(`${call.file}:${call.line} ${key} needs {${missing.join('}, {')}} but gets {${provided.join(', ')}}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('typed lookup', () => {
  it('looks up both languages and fills placeholders', () => {
    expect(messagesIn('en').t('error.AGENT_UNKNOWN', { agent: 'x' })).toBe('No agent named "x".');
    expect(messagesIn('ja').t('error.AGENT_UNKNOWN', { agent: 'x' })).toBe('"x" という名前のエージェントはありません。');
  });

  it('find() returns undefined for an absent key and the message for a present one', () => {
    const ja = messagesIn('ja');
    expect(ja.find('help.placeholder.agent')).toBe('エージェント');
    expect(ja.find('help.placeholder.no-such-thing')).toBeUndefined();
  });

  it('uses the .hintSuggest variant only when a suggestion is given', () => {
    const m = messagesIn('en');
    expect(m.describe('error', 'AGENT_UNKNOWN', { agent: 'ml-engneer', suggestion: 'ml-engineer' }).hint).toContain('Did you mean "ml-engineer"?');
    const command = 'agentpack list --from ./cat';
    expect(m.describe('error', 'AGENT_UNKNOWN', { agent: 'zzz', command }).hint).toBe('Run agentpack list --from ./cat to see the available agents.');
  });

  it('uses the .one wording when count is 1, in t() and describe(), and the plain key otherwise', () => {
    const m = messagesIn('en');
    const params = { agent: 'helper', path: '/cat', from: 'cat', command: 'agentpack update' };
    expect(m.describe('diag', 'SOURCE_NOT_FOUND', { ...params, count: 1 }).message).toMatch(/^helper was installed from \/cat, which no longer exists/);
    expect(m.describe('diag', 'SOURCE_NOT_FOUND', { ...params, count: 3 }).message).toMatch(/^3 agents were installed from \/cat, which no longer exists/);
    expect(m.t('locale.staysAsIs', { count: 1, agent: 'helper', language: 'Japanese', kept: 'English', source: '/cat' })).toBe(
      'helper has no Japanese version in /cat; it stays in English.',
    );
    // A key without a .one wording is used as it is.
    expect(m.t('install.from.refused', { count: 1 })).toBe('Not installed (1):');
  });

  it('every .one wording has its plain key beside it', () => {
    expect(Object.keys(en).filter((k) => k.endsWith('.one') && !(k.slice(0, -'.one'.length) in en))).toEqual([]);
  });

  it('format leaves an unknown placeholder visible instead of dropping it', () => {
    expect(format('a {b} c', {})).toBe('a {b} c');
    expect(format('{n} file(s)', { n: 0 })).toBe('0 file(s)');
  });

  it('placeholdersOf lists each name once, sorted', () => {
    expect(placeholdersOf('{b} {a} {b}')).toEqual(['a', 'b']);
    expect(placeholdersOf('none')).toEqual([]);
  });
});
