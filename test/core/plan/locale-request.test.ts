import { describe, expect, it } from 'vitest';
import { choiceFor, folderRequest, localeBefore, packageRequest, type LocaleRequest } from '../../../src/core/plan/locale-request.js';
import type { PlanAction } from '../../../src/core/plan/types.js';
import { catalogOf } from '../../helpers/catalog.js';

const agentFile = (name: string, extra = ''): string => `---\nname: ${name}\ndescription: The ${name} agent.\n${extra}---\n\nPrompt.\n`;

const catalog = catalogOf({
  'agents/both.md': agentFile('both'),
  'locales/ja/agents/both.md': agentFile('both'),
  'agents/solo.md': agentFile('solo', 'color: magenta\n'),
});
const both = catalog.agents.get('both')!;
const solo = catalog.agents.get('solo')!;
const named = (flag: string | undefined, env: Record<string, string> = {}, messageLang = 'en') => ({ flag, env, messageLang });

describe('packageRequest + choiceFor: what install writes, decided before planning', () => {
  it.each([
    // [case, request options, installed, locale written, note]
    ['--locale ja, not installed', named('ja'), undefined, 'ja', undefined],
    ['--locale ja beats the installed en', named('ja'), 'en', 'ja', undefined],
    ['AGENTPACK_LOCALE=ja beats the installed en, and says so', named(undefined, { AGENTPACK_LOCALE: 'ja' }), 'en', 'ja', { code: 'from-env', locale: 'ja' }],
    ['the language (ja), not installed: said', named(undefined, {}, 'ja'), undefined, 'ja', { code: 'from-lang', locale: 'ja' }],
    ['the language (ja), installed in en: kept, nothing said', named(undefined, {}, 'ja'), 'en', 'en', undefined],
    ['the language, installed in a locale the agent lost: the canonical one', named(undefined, {}, 'ja'), 'fr', 'en', undefined],
  ] as const)('%s', (_case, options, installed, locale, note) => {
    const choice = choiceFor(packageRequest({ ...options, agent: both }), installed);
    expect(choice.locale).toBe(locale);
    expect(choice.note).toEqual(note);
  });

  it('the language asks for a locale the agent lacks: the canonical one, and that is what is said', () => {
    const request = packageRequest({ ...named(undefined, {}, 'ja'), agent: solo });
    expect(choiceFor(request, undefined)).toEqual({ locale: 'en', note: { code: 'from-lang', locale: 'en' } });
  });

  it('is plain data: the same request gives the same choice however often the planner asks', () => {
    const request: LocaleRequest = packageRequest({ ...named(undefined, {}, 'ja'), agent: both });
    expect([choiceFor(request, 'en'), choiceFor(request, 'en'), choiceFor(request, undefined)]).toEqual([
      { locale: 'en' },
      { locale: 'en' },
      { locale: 'ja', note: { code: 'from-lang', locale: 'ja' } },
    ]);
  });
});

describe('folderRequest: a translation that does not load or is missing gives the agent in its own language', () => {
  const loadsAll = (): boolean => true;
  const jaBroken = (locale: string): boolean => locale !== 'ja';

  it.each([
    [
      '--locale ja, ja does not load',
      both,
      jaBroken,
      named('ja'),
      undefined,
      'en',
      { code: 'translation-invalid', agent: 'both', locale: 'ja', path: 'locales/ja/agents/both.md' },
    ],
    [
      '--locale ja, no ja file: said',
      solo,
      loadsAll,
      named('ja'),
      undefined,
      'en',
      { code: 'translation-missing', agent: 'solo', locale: 'ja', path: 'agents/solo.md' },
    ],
    ['the language (ja), no ja file: nothing said', solo, loadsAll, named(undefined, {}, 'ja'), undefined, 'en', undefined],
    [
      'the language, installed in ja that no longer loads',
      both,
      jaBroken,
      named(undefined),
      'ja',
      'en',
      { code: 'translation-invalid', agent: 'both', locale: 'ja', path: 'locales/ja/agents/both.md' },
    ],
    ['the language, installed in ja that loads: kept', both, loadsAll, named(undefined), 'ja', 'ja', undefined],
    ['the language, installed in a locale the folder lacks: its own language, nothing said', both, loadsAll, named(undefined), 'fr', 'en', undefined],
  ] as const)('%s', (_case, agent, loads, options, installed, locale, note) => {
    const choice = choiceFor(folderRequest({ ...options, agent, loads }), installed);
    expect(choice.locale).toBe(locale);
    expect(choice.note).toEqual(note);
  });

  it('carries the warnings of the file it renders (a value Claude Code drops)', () => {
    const choice = choiceFor(folderRequest({ ...named(undefined), agent: solo, loads: loadsAll }), undefined);
    expect(choice.warnings?.path).toBe('agents/solo.md');
    expect(choice.warnings?.diagnostics.map((d) => d.code)).toEqual(['FIELD_INVALID']);
    expect(choiceFor(folderRequest({ ...named(undefined), agent: both, loads: loadsAll }), undefined).warnings).toBeUndefined();
  });
});

describe('localeBefore: the locale a planned action found installed', () => {
  const action = (kind: PlanAction['kind'], locale: string | null, fromLocale: string | null) => ({ kind, locale, fromLocale });
  it.each([
    [action('create', 'ja', null), null],
    [action('switch', 'ja', 'en'), 'en'],
    [action('overwrite', 'en', 'en'), 'en'],
    [action('overwrite', 'en', null), null],
    [action('skip', 'en', null), 'en'],
    [action('conflict', null, null), null],
    [action('conflict', 'ja', null), 'ja'],
  ])('%o → %s', (a, before) => {
    expect(localeBefore(a)).toBe(before);
  });
});
