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

const ENTRY = /^\*\*\s*(?:\[([^\]]+)\]\(([^)\s]+)\)|([^*[\]]+?))\s*\*\*$/;

/** Parse one line as a banner, or return undefined. */
export function parseBannerLine(text: string, line: number): Banner | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('>')) return undefined;
  const inner = trimmed.replace(/^>\s*/, '');
  if (!inner.includes('|')) return undefined;
  const parts = inner.split('|').map((p) => p.trim());
  const banner: Banner = { raw: text, line, links: [] };
  for (const part of parts) {
    const m = ENTRY.exec(part);
    if (!m) return undefined;
    if (m[1] !== undefined && m[2] !== undefined) banner.links.push({ label: m[1].trim(), href: m[2] });
    else if (m[3] !== undefined) {
      if (banner.current !== undefined) return undefined;
      banner.current = m[3].trim();
    }
  }
  if (banner.links.length === 0) return undefined;
  return banner;
}

/** Language names seen in banners, mapped to locale codes. */
const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en',
  en: 'en',
  日本語: 'ja',
  japanese: 'ja',
  ja: 'ja',
};

export function languageOfLabel(label: string): string | undefined {
  return LANGUAGE_NAMES[label.trim().toLowerCase()];
}
