import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CANONICAL_LOCALE, type Catalog, type CatalogAgent, type Variant } from '../../src/core/catalog.js';
import { parseAgent } from '../../src/core/parse-agent.js';
import { ROOT, tempDir } from './cli.js';

/** A temporary copy of the package's catalog (agents/ and locales/): tests never touch the repo's files. */
export function copyPackageCatalog(): string {
  const dir = tempDir('agentpack-catalog-');
  cpSync(join(ROOT, 'agents'), join(dir, 'agents'), { recursive: true });
  cpSync(join(ROOT, 'locales'), join(dir, 'locales'), { recursive: true });
  return dir;
}

export function readRepoFile(relPath: string): string {
  return readFileSync(join(ROOT, relPath), 'utf8');
}

/**
 * An in-memory catalog from file texts keyed by catalog path (`agents/x.md`, `locales/ja/agents/x.md`),
 * laid out the way io/read-catalog.ts reads a folder — for pure tests without a file system.
 */
export function catalogOf(files: Record<string, string>, translationLocales?: string[]): Catalog {
  const catalog: Catalog = { root: '/virtual', agents: new Map(), orphans: [] };
  if (translationLocales) catalog.translationLocales = translationLocales;
  const variant = (relPath: string, agent: string, locale: string): Variant => ({
    agent,
    locale,
    path: `/virtual/${relPath}`,
    relPath,
    canonical: locale === CANONICAL_LOCALE,
    parsed: parseAgent(files[relPath] ?? '', { path: `/virtual/${relPath}` }),
  });
  for (const relPath of Object.keys(files).sort()) {
    const m = /^agents\/([^/]+)\.md$/.exec(relPath);
    if (m?.[1]) catalog.agents.set(m[1], { name: m[1], variants: new Map([[CANONICAL_LOCALE, variant(relPath, m[1], CANONICAL_LOCALE)]]) });
  }
  for (const relPath of Object.keys(files).sort()) {
    const m = /^locales\/([^/]+)\/agents\/([^/]+)\.md$/.exec(relPath);
    if (!m?.[1] || !m[2]) continue;
    const v = variant(relPath, m[2], m[1]);
    const agent: CatalogAgent | undefined = catalog.agents.get(m[2]);
    if (agent) agent.variants.set(m[1], v);
    else catalog.orphans.push(v);
  }
  return catalog;
}
