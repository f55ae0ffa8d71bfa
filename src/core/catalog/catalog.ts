import type { ParsedAgent } from '../agent/parse.js';

/** The locale of every canonical variant (`agents/X.md`). */
export const CANONICAL_LOCALE = 'en';

export interface Variant {
  agent: string;
  locale: string;
  /** Absolute path of the file. */
  path: string;
  /** Path relative to the catalog root, with `/` separators. */
  relPath: string;
  canonical: boolean;
  parsed: ParsedAgent;
  /** For a translation read from a source folder: its source's relPath (for an orphan, where it was looked for). */
  sourcePath?: string;
}

export interface CatalogAgent {
  /** The agent's key: its file name without `.md` (equal to its `name` for shipped agents). */
  name: string;
  /** Variants by locale; the canonical one is under CANONICAL_LOCALE. */
  variants: Map<string, Variant>;
}

export interface Catalog {
  root: string;
  agents: Map<string, CatalogAgent>;
  /** Translations whose canonical file does not exist. */
  orphans: Variant[];
  /** Locales with a `locales/<lang>/agents/` folder (where translations live), sorted. */
  translationLocales?: string[];
  /**
   * A source folder whose translations mirror its canonical files (`i18n/<lang>/<path>`): where a missing
   * translation belongs. Absent for the package layout (`locales/<lang>/agents/X.md`).
   */
  mirror?: MirrorLayout;
}

/**
 * A translation of canonical `<prefix><base><rest>` lives at `<prefix><dir>/<lang>/<rest>`: `base` is ''
 * (`i18n/ja/<path>` beside the tree), `<dir>/en/` (sibling language trees) or `en/` (an English tree).
 */
export interface MirrorLayout {
  prefix: string;
  dir: string;
  base: string;
}

/** A valid variant's description as Claude Code shows it (what every report gives), else undefined. */
export function shownDescriptionOf(variant: Variant | undefined): string | undefined {
  return variant?.parsed.spec ? (variant.parsed.shownDescription ?? variant.parsed.spec.description) : undefined;
}

export function sortedLocales(agent: CatalogAgent): string[] {
  return [...agent.variants.keys()].sort((a, b) => (a === CANONICAL_LOCALE ? -1 : b === CANONICAL_LOCALE ? 1 : a.localeCompare(b)));
}

/**
 * The locales an agent is expected to be translated into: every locale with a translations folder, or,
 * when the catalog does not say, every locale any variant or orphan has. Never the canonical locale.
 */
export function translationLocalesOf(catalog: Catalog): string[] {
  const set = new Set<string>(catalog.translationLocales ?? []);
  for (const agent of catalog.agents.values()) for (const locale of agent.variants.keys()) set.add(locale);
  for (const orphan of catalog.orphans) set.add(orphan.locale);
  set.delete(CANONICAL_LOCALE);
  return [...set].sort();
}
