/**
 * Language-switcher banners such as `> **[English](../../../agents/x.md)** | **日本語**`.
 * A banner is one blockquote line made only of bold entries separated by `|`; each entry is either a
 * link (another variant) or plain (the variant this file is).
 */
export interface BannerLink {
  label: string;
  href: string;
}

export interface Banner {
  /** The line as written. */
  raw: string;
  /** 1-based line number in the file as given. */
  line: number;
  links: BannerLink[];
  /** The bold entry without a link: the language of this file as the banner names it. */
  current?: string;
}

const LINK = /^\[([^\]]+)\]\(([^)\s]+)\)$/;
const PLAIN = /^[^*[\]]+$/;

/**
 * One `**…**` entry: a link or a plain label. Parsed without a single regex spanning the blanks on both
 * sides (that form backtracked cubically: a 10,000-space entry took minutes).
 */
function parseEntry(part: string): { link?: BannerLink; current?: string } | undefined {
  if (part.length < 5 || !part.startsWith('**') || !part.endsWith('**')) return undefined;
  const inner = part.slice(2, -2);
  const link = LINK.exec(inner.trim());
  if (link?.[1] !== undefined && link[2] !== undefined) return { link: { label: link[1].trim(), href: link[2] } };
  if (PLAIN.test(inner)) return { current: inner.trim() };
  return undefined;
}

/** Parse one line as a banner, or return undefined. */
export function parseBannerLine(text: string, line: number): Banner | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('>')) return undefined;
  const inner = trimmed.replace(/^>\s*/, '');
  if (!inner.includes('|')) return undefined;
  const parts = inner.split('|').map((p) => p.trim());
  const banner: Banner = { raw: text, line, links: [] };
  for (const part of parts) {
    const entry = parseEntry(part);
    if (!entry) return undefined;
    if (entry.link) banner.links.push(entry.link);
    else if (entry.current !== undefined) {
      if (banner.current !== undefined) return undefined;
      banner.current = entry.current;
    }
  }
  if (banner.links.length === 0) return undefined;
  return banner;
}

/** Language names seen in banners (in English and in the language itself), mapped to locale codes. */
const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en',
  en: 'en',
  日本語: 'ja',
  japanese: 'ja',
  ja: 'ja',
  한국어: 'ko',
  korean: 'ko',
  ko: 'ko',
  中文: 'zh',
  chinese: 'zh',
  zh: 'zh',
  简体中文: 'zh-CN',
  繁體中文: 'zh-TW',
  español: 'es',
  spanish: 'es',
  français: 'fr',
  french: 'fr',
  deutsch: 'de',
  german: 'de',
  português: 'pt',
  portuguese: 'pt',
};

/** How a banner names each language, in that language (`> **[English](…)** | **日本語**`). */
const BANNER_LABELS: Record<string, string> = {
  en: 'English',
  ja: '日本語',
  ko: '한국어',
  zh: '中文',
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
  pt: 'Português',
};

/**
 * The label a banner gives a locale: its own name for the languages above, else the tag itself (`pt-BR`): a
 * primary language's name would read back as that language (`Português` is `pt`), a mislabelled link.
 */
export function bannerLabel(locale: string): string {
  return BANNER_LABELS[locale] ?? locale;
}

export function languageOfLabel(label: string): string | undefined {
  return LANGUAGE_NAMES[label.trim().toLowerCase()];
}
