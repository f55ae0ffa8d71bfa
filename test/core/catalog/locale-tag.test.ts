import { describe, expect, it } from 'vitest';
import { matchTag, normaliseTag, tagSuggestion } from '../../../src/core/catalog/locale-tag.js';

describe('BCP 47 tags', () => {
  it('are written in their conventional case: language lower, script title, region upper', () => {
    expect(normaliseTag('ja')).toBe('ja');
    expect(normaliseTag('JA')).toBe('ja');
    expect(normaliseTag('zh-cn')).toBe('zh-CN');
    expect(normaliseTag('ZH-TW')).toBe('zh-TW');
    expect(normaliseTag('pt-br')).toBe('pt-BR');
    expect(normaliseTag('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(normaliseTag('es-419')).toBe('es-419');
    expect(normaliseTag('de-CH-1996')).toBe('de-CH-1996');
    expect(normaliseTag('en-x-pirate')).toBe('en-x-pirate');
  });

  it('a malformed tag is undefined, and the tag it likely meant is suggested', () => {
    for (const bad of ['zh_CN', 'ja_JP.UTF-8', '', 'x', 'pt-', '-ja', 'ja--jp', '日本語', 'toolonglanguage']) expect(normaliseTag(bad), bad).toBeUndefined();
    expect(tagSuggestion('zh_CN')).toBe('zh-CN');
    expect(tagSuggestion('ja_JP.UTF-8')).toBe('ja');
    expect(tagSuggestion('pt-br-')).toBe('pt-BR');
    expect(tagSuggestion('日本語')).toBeUndefined();
  });

  it('match a catalog language in any case, and nothing else', () => {
    expect(matchTag('zh-cn', ['ja', 'zh-CN'])).toBe('zh-CN');
    expect(matchTag('JA', ['ja'])).toBe('ja');
    expect(matchTag('jp', ['ja'])).toBeUndefined();
    expect(matchTag('zh', ['zh-CN'])).toBeUndefined();
  });
});
