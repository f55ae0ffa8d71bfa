import { CANONICAL_LOCALE, canonicalVariant, type Catalog } from '../catalog/catalog.js';
import type { InstallState } from './installation.js';
import type { ManifestEntry } from '../manifest/manifest.js';
import { variantHash } from '../i18n/status.js';
import type { PackageAgent } from './renders.js';

export { originAtInstall } from '../i18n/status.js';

type OriginState =
  /** The package's source is the one the installed file was made from. */
  | 'same-source'
  /** The package's source changed since install: `update` is due. */
  | 'source-changed'
  /** The manifest entry has no source hash (installed by an older agentpack). */
  | 'unrecorded'
  /** The package no longer has this agent, or no longer in this locale. */
  | 'agent-gone'
  | 'locale-gone'
  /** The package's source does not load, so nothing can be compared. */
  | 'source-invalid';

export interface OriginCheck {
  state: OriginState;
  updateDue: boolean;
  /** Whether the translation was `current` when installed (undefined when not recorded or not a translation). */
  wasCurrent?: boolean;
  /** Canonical hash of the package's source now, when it loads. */
  packageSourceHash?: string;
}

/**
 * Compare a manifest entry's recorded origin with the catalog: is the installed variant
 * made from the package's current source, and was the translation `current` when installed? Pure.
 * `list`/`status` show `wasCurrent === false` as "installed from an outdated translation" and
 * `updateDue` as "update available: agentpack update <agent>".
 */
export function checkInstalledOrigin(options: {
  catalog: Catalog;
  agent: string;
  locale: string;
  recorded: { sourceHash?: string | undefined; translationStatus?: string | undefined };
}): OriginCheck {
  const { catalog, agent, locale, recorded } = options;
  const status = recorded.translationStatus;
  const wasCurrent = status === undefined || status === 'source' ? undefined : status === 'current';
  const base = wasCurrent === undefined ? {} : { wasCurrent };
  const entry = catalog.agents.get(agent);
  const canonical = entry ? canonicalVariant(entry) : undefined;
  if (!entry || !canonical) return { ...base, state: 'agent-gone', updateDue: false };
  if (!entry.variants.has(locale)) return { ...base, state: 'locale-gone', updateDue: false };
  const packageSourceHash = variantHash(canonical.parsed);
  if (packageSourceHash === undefined) return { ...base, state: 'source-invalid', updateDue: false };
  if (recorded.sourceHash === undefined) return { ...base, state: 'unrecorded', updateDue: false, packageSourceHash };
  const changed = recorded.sourceHash !== packageSourceHash;
  return { ...base, state: changed ? 'source-changed' : 'same-source', updateDue: changed, packageSourceHash };
}

/**
 * The same comparison for an agent installed from a folder, against what its recorded folder gives now (its
 * renders read again, or what the manifest recorded while the folder is unchanged): never the package's
 * agent of the same name. Pure.
 */
export function checkFolderOrigin(options: {
  current: PackageAgent | undefined;
  locale: string;
  recorded: { sourceHash?: string | undefined; translationStatus?: string | undefined };
}): OriginCheck {
  const { current, locale, recorded } = options;
  const status = recorded.translationStatus;
  const wasCurrent = status === undefined || status === 'source' ? undefined : status === 'current';
  const base = wasCurrent === undefined ? {} : { wasCurrent };
  if (!current) return { ...base, state: 'agent-gone', updateDue: false };
  if (!current.locales.includes(locale)) return { ...base, state: 'locale-gone', updateDue: false };
  const packageSourceHash = current.sourceHash;
  if (recorded.sourceHash === undefined) return { ...base, state: 'unrecorded', updateDue: false, packageSourceHash };
  const changed = recorded.sourceHash !== packageSourceHash;
  return { ...base, state: changed ? 'source-changed' : 'same-source', updateDue: changed, packageSourceHash };
}

/** `list --json`'s `origin`: the translation's status when installed, and whether `update` is due now. */
export interface InstalledOrigin {
  /** Recorded at install: `current`, `outdated`, … or `source` (the canonical variant); null for older manifests. */
  translationStatus: string | null;
  /** Whether the installed translation was `current`; null for the canonical variant or when not recorded. */
  translationWasCurrent: boolean | null;
  /** The source changed since install, or it now renders other bytes: `agentpack update <agent>`. */
  updateDue: boolean;
  /**
   * Only when true: the canonical source (in `sourceLocale`) changed since install, but the source has no newer
   * translation in the installed locale, so `update` has nothing to write (switching to `sourceLocale` gets the new text).
   */
  translationBehind?: true;
  /**
   * Only when true: the source no longer has the installed locale, so `update` cannot bring the file up to date
   * (switching to `sourceLocale` can).
   */
  localeGone?: true;
  /** With `translationBehind` or `localeGone`: the locale of the agent's canonical source. */
  sourceLocale?: string;
}

/**
 * The origin of one manifest entry now: against the folder it was installed from (`current`, its renders as
 * read for this run) when the entry records one, else against the package's catalog.
 */
export function installedOrigin(options: {
  catalog: Catalog;
  agent: string;
  entry: ManifestEntry;
  state: InstallState;
  /** What the agent's recorded source renders now (the package's or the folder's), as the state was assessed with. */
  current?: PackageAgent | undefined;
}): InstalledOrigin {
  const { catalog, agent, entry, state, current } = options;
  const recorded = { sourceHash: entry.sourceHash, translationStatus: entry.translationStatus };
  const check = entry.source
    ? checkFolderOrigin({ current, locale: entry.locale, recorded })
    : checkInstalledOrigin({ catalog, agent, locale: entry.locale, recorded });
  const out: InstalledOrigin = {
    translationStatus: entry.translationStatus ?? null,
    translationWasCurrent: check.wasCurrent ?? null,
    updateDue: check.updateDue || state === 'outdated',
  };
  const sourceLocale = current?.locales[0] ?? CANONICAL_LOCALE;
  if (check.state === 'locale-gone') {
    // Nothing in the source to update the file to: only another locale is there.
    out.updateDue = false;
    out.localeGone = true;
    out.sourceLocale = sourceLocale;
  } else if (check.state === 'source-changed' && state === 'ok' && entry.locale !== sourceLocale) {
    // The installed bytes are still the source's render of their locale: only the canonical text moved on.
    out.updateDue = false;
    out.translationBehind = true;
    out.sourceLocale = sourceLocale;
  }
  return out;
}
