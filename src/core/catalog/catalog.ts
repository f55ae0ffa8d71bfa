import type { ParsedAgent } from '../agent/parse.js';

/** The locale of the package's canonical variants (`agents/X.md`), and the default language of a file nothing else tells. */
export const CANONICAL_LOCALE = 'en';

/**
 * The order agents are listed in: by name without regard to case (`alpha`, `jp-only`, `My_Agent`, `Zeta`), as
 * a user reads a list, then by code point so that the order never depends on the machine's locale.
 */
export function byAgentName(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

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
  /** For a file of a plugin in a source folder: the plugin's name (the agent is `<plugin>:<name>`). */
  plugin?: string;
}

export interface CatalogAgent {
  /** The agent's key: its file name without `.md` (equal to its `name` for shipped agents). */
  name: string;
  /** Variants by locale; the canonical one is under `canonical`. */
  variants: Map<string, Variant>;
  /** The locale of the canonical variant (the one the others translate): `en` in the package, `ja` for a Japanese-only agent. */
  canonical: string;
  /** For an agent of a plugin in a source folder: the plugin of its canonical file. */
  plugin?: string;
}

export interface Catalog {
  root: string;
  agents: Map<string, CatalogAgent>;
  /** Translations whose canonical file does not exist. */
  orphans: Variant[];
  /** Locales with a `locales/<lang>/agents/` folder (where translations live), sorted. */
  translationLocales?: string[];
  /**
   * A source folder whose translations mirror its canonical files (`i18n/<lang>/<path>`): the layout most of
   * them follow. Absent for the package layout (`locales/<lang>/agents/X.md`).
   */
  mirror?: MirrorLayout;
  /** For a source folder: per folder and layout, one translated canonical path (where a missing translation belongs). */
  mirrors?: { canonical: string; layout: MirrorLayout }[];
}

/**
 * How a translation's path mirrors its canonical file's:
 * - `tree` (the default kind): canonical `<prefix><base><rest>` ↔ `<prefix><dir>/<lang>/<rest>`; `base` is ''
 *   (`i18n/ja/<path>` beside the tree), `<dir>/en/` (sibling language trees) or `en/` (an English tree);
 * - `segment`: canonical `<prefix><rest>` ↔ `<prefix><lang>/<rest>` (`ja/agents/x.md`, `.claude/ja/agents/x.md`);
 * - `suffix`: canonical `<dir>/<name>.md` ↔ `<dir>/<name>.<lang>.md`.
 */
export type MirrorLayout = { kind?: 'tree'; prefix: string; dir: string; base: string } | { kind: 'segment'; prefix: string } | { kind: 'suffix' };

/** The variant the others translate (its locale is `agent.canonical`). */
export function canonicalVariant(agent: CatalogAgent): Variant | undefined {
  return agent.variants.get(agent.canonical);
}

/** A valid variant's description as Claude Code shows it (what every report gives), else undefined. */
export function shownDescriptionOf(variant: Variant | undefined): string | undefined {
  return variant?.parsed.spec ? (variant.parsed.shownDescription ?? variant.parsed.spec.description) : undefined;
}

export function sortedLocales(agent: CatalogAgent): string[] {
  const first = agent.canonical;
  return [...agent.variants.keys()].sort((a, b) => (a === first ? -1 : b === first ? 1 : a.localeCompare(b)));
}

/**
 * The locales an agent is expected to be translated into: every locale with a translations folder, or,
 * when the catalog does not say, every locale a translation or orphan has. An agent is never expected in its
 * own canonical locale (assessTranslations skips it).
 */
export function translationLocalesOf(catalog: Catalog): string[] {
  const set = new Set<string>(catalog.translationLocales ?? []);
  for (const agent of catalog.agents.values()) for (const locale of agent.variants.keys()) if (locale !== agent.canonical) set.add(locale);
  for (const orphan of catalog.orphans) set.add(orphan.locale);
  return [...set].sort();
}

/** A language the agent has no file in yet, to name in an example (`i18n new … --locale <it>`). */
export function missingLocaleOf(agent: CatalogAgent): string {
  return ['ja', 'en', 'zh-CN', 'ko', 'es'].find((locale) => !agent.variants.has(locale)) ?? 'fr';
}
