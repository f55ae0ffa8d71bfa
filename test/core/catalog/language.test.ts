import { describe, expect, it } from 'vitest';
import { parseAgent } from '../../../src/core/agent/parse.js';
import { ownLocaleOf } from '../../../src/core/catalog/folder-roles.js';
import { detectLanguage, hasTagShape, isLanguageFolder, isLanguageTag } from '../../../src/core/catalog/language.js';

describe('detectLanguage: the language of a text from its scripts', () => {
  const cases: [string, string, 'ja' | 'ko' | 'zh' | undefined][] = [
    ['English', 'You review pull requests and point at unclear names.', undefined],
    ['Japanese (kana and kanji)', 'あなたはプルリクエストをレビューし、分かりにくい名前を指摘します。', 'ja'],
    ['Japanese, katakana only', 'レビュー エージェント', 'ja'],
    ['Japanese with English terms', 'あなたは style-checker です。Kubernetes の deployment を確認します。', 'ja'],
    ['Korean', '풀 리퀘스트를 검토하고 이해하기 어려운 이름을 지적합니다.', 'ko'],
    ['Korean with a few Han', '코드 검토(檢討)를 합니다. 이름을 확인합니다.', 'ko'],
    ['Chinese (Han without kana)', '分析服务日志，找出错误集中出现的时间段和可能的原因。', 'zh'],
    ['Chinese quoting one kana word', '分析服务日志，找出错误集中出现的时间段和可能的原因，并说明「の」的用法。', 'zh'],
    // Negative controls: East Asian letters that are not the text's language.
    ['English quoting a Japanese phrase', `${'You translate release notes into polite Japanese and keep the tone. '.repeat(4)}Use 「です・ます」.`, undefined],
    ['English with Japanese only in code', 'You check messages.\n\n```\nconst greeting = "こんにちは、世界";\n```\n\nUse `日本語` for the label.', undefined],
    ['empty', '', undefined],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });

  it('reads the text with the banner removed: an English file whose banner says 日本語 stays English', () => {
    const text = '---\nname: x\ndescription: Checks things.\n---\n\n> **English** | **[日本語](ja/x.md)**\n\nYou check things.\n';
    const file = { path: '/c/x.md', relPath: 'x.md', parsed: parseAgent(text) };
    expect(ownLocaleOf(file, () => false)).toMatchObject({ locale: 'en', evidence: 'banner' });
    const unlabelled = text.replace('> **English** | **[日本語](ja/x.md)**', '> **[日本語](ja/x.md)** | **[한국어](ko/x.md)**');
    expect(ownLocaleOf({ ...file, parsed: parseAgent(unlabelled) }, () => false)).toMatchObject({ locale: 'en', evidence: 'default' });
    // Negative control: the same banner as plain text (not a banner) would be read, and it has Han without kana.
    expect(detectLanguage('日本語')).toBe('zh');
  });
});

describe('language tags as folder names', () => {
  const cases: [string, { shape: boolean; tag: boolean; folder: boolean }][] = [
    ['ja', { shape: true, tag: true, folder: true }],
    ['zh-CN', { shape: true, tag: true, folder: true }],
    ['pt-BR', { shape: true, tag: true, folder: true }],
    ['pt_BR', { shape: true, tag: true, folder: true }],
    ['ko', { shape: true, tag: true, folder: true }],
    ['zh-Hant-TW', { shape: true, tag: true, folder: true }],
    // A known language whose code is also a folder word: a language only when a mirror confirms it.
    ['it', { shape: true, tag: true, folder: false }],
    ['uk', { shape: true, tag: true, folder: false }],
    ['it-IT', { shape: true, tag: true, folder: true }],
    // Ordinary folder names that have the shape of a tag but are no language.
    ['go', { shape: true, tag: false, folder: false }],
    ['ui', { shape: true, tag: false, folder: false }],
    ['ml', { shape: true, tag: false, folder: false }],
    ['db', { shape: true, tag: false, folder: false }],
    ['ops', { shape: true, tag: false, folder: false }],
    ['agents', { shape: false, tag: false, folder: false }],
    ['v2', { shape: false, tag: false, folder: false }],
  ];
  it.each(cases)('%s', (segment, expected) => {
    expect({ shape: hasTagShape(segment), tag: isLanguageTag(segment), folder: isLanguageFolder(segment) }).toEqual(expected);
  });
});
