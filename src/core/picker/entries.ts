import { isInstallableName } from '../agent/name.js';
import type { SourceScan } from '../catalog/assemble-folder.js';
import { canonicalVariant, shownDescriptionOf, sortedLocales, type Catalog, type CatalogAgent } from '../catalog/catalog.js';

/** One agent the install picker offers: how `install` names it, and what its row shows. */
export interface PickerEntry {
  /** `package` or `from` (the `--from` catalog). */
  source: 'package' | 'from';
  /** The name `install` is given: the agent's name, or `<plugin>:<name>` for one of several agents of that name. */
  selector: string;
  name: string;
  plugin?: string;
  locales: string[];
  description: string;
}

/** The agent's description in the user's language when it has one, else its canonical one. */
function descriptionOf(agent: CatalogAgent, lang: string): string {
  return shownDescriptionOf(agent.variants.get(lang)) ?? shownDescriptionOf(canonicalVariant(agent)) ?? '';
}

function catalogEntries(options: { source: PickerEntry['source']; catalog: Catalog; lang: string }): PickerEntry[] {
  const out: PickerEntry[] = [];
  for (const agent of options.catalog.agents.values()) {
    // A name Claude Code would not load, or that cannot be a file name, is never offered (install refuses it).
    if (!isInstallableName(agent.name)) continue;
    const entry: PickerEntry = {
      source: options.source,
      selector: agent.name,
      name: agent.name,
      locales: sortedLocales(agent),
      description: descriptionOf(agent, options.lang),
    };
    if (agent.plugin !== undefined) entry.plugin = agent.plugin;
    out.push(entry);
  }
  return out;
}

/**
 * What the picker offers: the package's agents, then the catalog's. A name several plugins define differently
 * (a conflict) is offered once per plugin, as `<plugin>:<name>`, the way `install` tells them apart.
 */
export function pickerEntries(options: { catalog: Catalog; scan?: SourceScan; lang: string }): PickerEntry[] {
  const { scan, lang } = options;
  const out = catalogEntries({ source: 'package', catalog: options.catalog, lang });
  if (!scan) return out;
  out.push(...catalogEntries({ source: 'from', catalog: scan.catalog, lang }));
  const seen = new Set<string>();
  for (const conflict of scan.conflicts) {
    if (conflict.plugin !== undefined || !isInstallableName(conflict.name)) continue;
    for (const path of conflict.paths) {
      const file = scan.files.find((f) => f.relPath === path);
      if (file?.plugin === undefined) continue;
      const selector = `${file.plugin}:${conflict.name}`;
      if (seen.has(selector)) continue;
      seen.add(selector);
      out.push({
        source: 'from',
        selector,
        name: conflict.name,
        plugin: file.plugin,
        locales: [file.locale ?? 'en'],
        description: file.parsed.shownDescription ?? '',
      });
    }
  }
  return out;
}
