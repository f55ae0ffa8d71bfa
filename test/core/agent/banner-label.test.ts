import { describe, expect, it } from 'vitest';
import { bannerLabel, languageOfLabel } from '../../../src/core/agent/banner.js';

describe('bannerLabel', () => {
  it.each(['en', 'ja', 'ko', 'zh', 'zh-CN', 'zh-TW', 'es', 'fr', 'de', 'pt'])('%s: the label reads back as the same language', (locale) => {
    expect(bannerLabel(locale)).not.toBe(locale);
    expect(languageOfLabel(bannerLabel(locale))).toBe(locale);
  });

  it.each(['pt-BR', 'zh-Hant', 'en-GB', 'sv'])('%s: a tag without its own label is written as the tag, never as another language', (locale) => {
    expect(bannerLabel(locale)).toBe(locale);
    // Negative control: the primary language's name would read back as that language, not as the tag.
    const primary = locale.split('-')[0] ?? '';
    if (primary !== locale && languageOfLabel(bannerLabel(primary)) !== undefined) expect(languageOfLabel(bannerLabel(primary))).not.toBe(locale);
  });
});
