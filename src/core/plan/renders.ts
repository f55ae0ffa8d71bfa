import { contentHash } from '../hash.js';
import { canonicalHash } from '../i18n/canonical-hash.js';
import { canonicalVariant, sortedLocales, type Catalog, type Variant } from '../catalog/catalog.js';
import { isSkeletonTranslation } from '../i18n/skeleton.js';
import { renderVariant } from '../catalog/lookup.js';
import { originAtInstall, type InstallOrigin } from '../i18n/status.js';
import type { ManifestSource } from '../manifest/manifest.js';
import { variantHash } from '../i18n/status.js';

/** One locale of one agent as agentpack would write it. */
interface RenderedVariant {
  locale: string;
  content: string;
  sha256: string;
  /** The variant it was rendered from, to render it under another name (`install --as`); absent for what a manifest recorded. */
  variant?: Variant;
}

/** What the package offers for one agent: every loadable locale's exact bytes, and the source hash. */
export interface PackageAgent {
  name: string;
  /** Locales in display order (canonical first), including ones that fail to render. */
  locales: string[];
  renders: Map<string, RenderedVariant>;
  /** Canonical hash (i18n/canonical-hash.ts) of the canonical variant: identifies the content a render came from. */
  sourceHash: string;
  /** Per locale, the translation's status now (what the manifest records at install); absent in hand-made test packages. */
  origins?: Map<string, InstallOrigin['translationStatus']>;
  /** For an agent read with `--from`: where it came from, recorded in the manifest. */
  source?: ManifestSource;
  /** Installed under another name (`install --as`): the name it has in its catalog; `name` is the one written. */
  originalName?: string;
}

export interface PackageRenders {
  version: string;
  agents: Map<string, PackageAgent>;
}

/**
 * Render every variant of every agent in the catalog once. A variant that does not load is left out of
 * `renders` (installing it fails with AGENT_INVALID where it is asked for); it still counts in `locales`.
 */
export function renderPackage(options: { catalog: Catalog; version: string }): PackageRenders {
  const agents = new Map<string, PackageAgent>();
  for (const agent of options.catalog.agents.values()) {
    const renders = new Map<string, RenderedVariant>();
    for (const [locale, variant] of agent.variants) {
      // A skeleton translation is not one yet: as if missing, so the agent is installed in its own language.
      if (isSkeletonTranslation(variant)) continue;
      try {
        const content = renderVariant(variant);
        renders.set(locale, { locale, content, sha256: contentHash(content), variant });
      } catch {
        // Not installable; reported by `validate` and by the command that asks for it.
      }
    }
    const canonical = canonicalVariant(agent)?.parsed;
    const sourceHash = (canonical && variantHash(canonical)) ?? canonicalHash({ description: canonical?.spec?.description ?? '', body: canonical?.body ?? '' });
    const origins = new Map<string, InstallOrigin['translationStatus']>();
    for (const locale of renders.keys()) {
      const origin = originAtInstall({ catalog: options.catalog, agent: agent.name, locale });
      if (origin !== undefined) origins.set(locale, origin.translationStatus);
    }
    const locales = sortedLocales(agent).filter((locale) => !isSkeletonTranslation(agent.variants.get(locale)));
    agents.set(agent.name, { name: agent.name, locales, renders, sourceHash, origins });
  }
  return { version: options.version, agents };
}

/** The locale whose render has exactly these bytes, preferring `prefer` (the recorded locale) on a tie. */
export function localeOfContent(options: { agent: PackageAgent | undefined; sha256: string; prefer?: string }): string | undefined {
  const { agent, sha256, prefer } = options;
  if (!agent) return undefined;
  if (prefer !== undefined && agent.renders.get(prefer)?.sha256 === sha256) return prefer;
  for (const render of agent.renders.values()) if (render.sha256 === sha256) return render.locale;
  return undefined;
}
