import { canonicalVariant, CANONICAL_LOCALE, shownDescriptionOf, type Catalog, type CatalogAgent } from '../catalog/catalog.js';
import { claudeDescription } from '../claude/rules.js';
import type { ManifestGit, ManifestSource, ManifestSourceScan } from '../manifest/manifest.js';
import { renderPackage, type PackageAgent, type PackageRenders } from './renders.js';

/** What `list` shows of a folder's agent besides its locales: its description, and each variant's own (as Claude Code shows them). */
export interface AgentSummary {
  /** The canonical variant's description, else the first variant's. */
  description: string;
  /** Per locale whose variant has a description, that description. */
  descriptions: Record<string, string>;
}

export function summarizeAgent(agent: CatalogAgent): AgentSummary {
  const canonical = shownDescriptionOf(canonicalVariant(agent)) ?? '';
  const first = shownDescriptionOf([...agent.variants.values()][0]) ?? '';
  const descriptions: Record<string, string> = {};
  for (const [locale, variant] of agent.variants) {
    const own = shownDescriptionOf(variant);
    if (typeof own === 'string') descriptions[locale] = own;
  }
  return { description: canonical || first, descriptions };
}

/** The `source.scan` snapshot of one rendered agent, for a scan whose files had `fingerprint`. */
function scanSnapshot(options: { agent: CatalogAgent; rendered: PackageAgent; fingerprint: string }): ManifestSourceScan {
  const { rendered } = options;
  const renders: Record<string, string> = {};
  for (const [locale, render] of rendered.renders) renders[locale] = render.sha256;
  const { description, descriptions } = summarizeAgent(options.agent);
  const scan: ManifestSourceScan = { fingerprint: options.fingerprint, locales: [...rendered.locales], renders, descriptions };
  // Usually the English variant's own: not written twice (summaryOfScan reads it back from there).
  if (descriptions[CANONICAL_LOCALE] !== description) scan.description = description;
  return scan;
}

/**
 * What `list` shows from a recorded scan (the inverse of the above). A scan recorded by an older agentpack
 * holds the YAML values: their literal `\n` is shown as Claude Code shows it (the rule changes nothing else).
 */
export function summaryOfScan(scan: ManifestSourceScan): AgentSummary {
  const descriptions = Object.fromEntries(Object.entries(scan.descriptions).map(([locale, text]) => [locale, claudeDescription(text)]));
  return { description: claudeDescription(scan.description ?? scan.descriptions[CANONICAL_LOCALE] ?? ''), descriptions };
}

/**
 * The renders of a `--from` source, each agent tagged with where it came from (what the manifest records):
 * `from` as given, the absolute `root`, the canonical file's path and the picks among its files; with the
 * scan's `fingerprint`, also the `scan` snapshot that lets `list`/`status` skip reading an unchanged folder.
 */
export function renderSource(options: {
  catalog: Catalog;
  version: string;
  from: string;
  root: string;
  single: boolean;
  picks: readonly string[];
  fingerprint?: string | undefined;
  git?: ManifestGit | undefined;
}): PackageRenders {
  const renders = renderPackage({ catalog: options.catalog, version: options.version });
  const picks = new Set(options.picks);
  for (const agent of options.catalog.agents.values()) {
    const variants = [...agent.variants.values()];
    const canonical = canonicalVariant(agent) ?? variants[0];
    const rendered = renders.agents.get(agent.name);
    if (!canonical || !rendered) continue;
    const chosen = variants
      .map((v) => v.relPath)
      .filter((p) => picks.has(p))
      .sort();
    const source: ManifestSource = { from: options.from, root: options.root, path: canonical.relPath };
    if (chosen.length > 0) source.picks = chosen;
    if (options.single) source.single = true;
    if (options.fingerprint !== undefined) source.scan = scanSnapshot({ agent, rendered, fingerprint: options.fingerprint });
    if (options.git !== undefined) source.git = { ...options.git };
    rendered.source = source;
  }
  return renders;
}
