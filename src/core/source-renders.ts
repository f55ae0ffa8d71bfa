import { CANONICAL_LOCALE, type Catalog } from './catalog.js';
import type { ManifestSource } from './manifest.js';
import { renderPackage, type PackageRenders } from './package-renders.js';

/**
 * The renders of a `--from` source, each agent tagged with where it came from (what the manifest records):
 * `from` as given, the absolute `root`, the canonical file's path and the picks among its files.
 */
export function renderSource(options: { catalog: Catalog; version: string; from: string; root: string; single: boolean; picks: readonly string[] }): PackageRenders {
  const renders = renderPackage({ catalog: options.catalog, version: options.version });
  const picks = new Set(options.picks);
  for (const agent of options.catalog.agents.values()) {
    const variants = [...agent.variants.values()];
    const canonical = agent.variants.get(CANONICAL_LOCALE) ?? variants[0];
    const rendered = renders.agents.get(agent.name);
    if (!canonical || !rendered) continue;
    const chosen = variants.map((v) => v.relPath).filter((p) => picks.has(p)).sort();
    const source: ManifestSource = { from: options.from, root: options.root, path: canonical.relPath };
    if (chosen.length > 0) source.picks = chosen;
    if (options.single) source.single = true;
    rendered.source = source;
  }
  return renders;
}
