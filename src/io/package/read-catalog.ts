import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { byAgentName, CANONICAL_LOCALE, type Catalog, type CatalogAgent, type Variant } from '../../core/catalog/catalog.js';
import { packageInfo } from './root.js';
import { loadAgent } from '../read-agent.js';

async function mdFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => f.endsWith('.md')).sort();
  } catch {
    return [];
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Read a catalog laid out as this package is: `agents/X.md` (canonical, English) and
 * `locales/<lang>/agents/X.md` (translations). Defaults to the package's own catalog.
 */
export async function readCatalog(root: string = packageInfo().root): Promise<Catalog> {
  const catalog: Catalog = { root, agents: new Map(), orphans: [], translationLocales: [] };
  const canonical = await mdFiles(join(root, 'agents'));
  await Promise.all(
    canonical.map(async (file) => {
      const path = join(root, 'agents', file);
      const name = file.slice(0, -3);
      const variant: Variant = { agent: name, locale: CANONICAL_LOCALE, path, relPath: `agents/${file}`, canonical: true, parsed: await loadAgent(path) };
      catalog.agents.set(name, { name, variants: new Map([[CANONICAL_LOCALE, variant]]), canonical: CANONICAL_LOCALE });
    }),
  );
  let locales: string[] = [];
  try {
    locales = (await readdir(join(root, 'locales'), { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  } catch {
    locales = [];
  }
  for (const locale of locales) {
    if (locale === CANONICAL_LOCALE) continue;
    if (await isDirectory(join(root, 'locales', locale, 'agents'))) catalog.translationLocales?.push(locale);
    const files = await mdFiles(join(root, 'locales', locale, 'agents'));
    await Promise.all(
      files.map(async (file) => {
        const path = join(root, 'locales', locale, 'agents', file);
        const name = file.slice(0, -3);
        const variant: Variant = { agent: name, locale, path, relPath: `locales/${locale}/agents/${file}`, canonical: false, parsed: await loadAgent(path) };
        const agent: CatalogAgent | undefined = catalog.agents.get(name);
        if (agent) agent.variants.set(locale, variant);
        else catalog.orphans.push(variant);
      }),
    );
  }
  catalog.agents = new Map([...catalog.agents.entries()].sort(([a], [b]) => byAgentName(a, b)));
  catalog.orphans.sort((a, b) => a.relPath.localeCompare(b.relPath));
  return catalog;
}
