import { describe, expect, it } from 'vitest';
import { nearestKey, nearestLocale } from '../../src/core/nearest.js';

describe('nearestLocale: the locale a tag that is not one means', () => {
  it('the same tag in another case or with an underscore', () => {
    expect(nearestLocale('JA', ['en', 'ja'])).toBe('ja');
    expect(nearestLocale('zh_CN', ['en', 'ja', 'zh-CN'])).toBe('zh-CN');
    expect(nearestLocale('ZH-cn', ['en', 'zh-CN'])).toBe('zh-CN');
  });

  it('its language without the region or encoding, when no known locale has that region', () => {
    for (const tag of ['ja-JP', 'ja_JP', 'ja_JP.UTF-8', 'ja-jp', 'ja@euro']) expect(nearestLocale(tag, ['en', 'ja']), tag).toBe('ja');
    expect(nearestLocale('en_US.UTF-8', ['en', 'ja'])).toBe('en');
  });

  it('a country or a name of the language', () => {
    expect(nearestLocale('jp', ['en', 'ja'])).toBe('ja');
    expect(nearestLocale('Japanese', ['en', 'ja'])).toBe('ja');
    expect(nearestLocale('english', ['en', 'ja'])).toBe('en');
    // Only a known locale is ever suggested.
    expect(nearestLocale('jp', ['en', 'ko'])).toBeUndefined();
  });

  it('else the nearest by spelling, or nothing', () => {
    expect(nearestLocale('jaa', ['en', 'ja'])).toBe('ja');
    expect(nearestLocale('fr', ['en', 'ja'])).toBeUndefined();
    expect(nearestLocale('constructor', ['en', 'ja'])).toBeUndefined();
    expect(nearestKey('toString', ['en', 'ja'])).toBeUndefined();
  });
});
