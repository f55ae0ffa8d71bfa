import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAgent } from '../../src/core/agent/parse.js';
import { renderPackage } from '../../src/core/plan/renders.js';
import { packageInfo } from '../../src/io/package/root.js';
import { readCatalog } from '../../src/io/package/read-catalog.js';

export const AGENT = 'ml-engineer';

/** The exact bytes the package renders for ml-engineer in each locale (what `show` prints). */
export async function packageRenders(): Promise<{ en: string; ja: string }> {
  const pkg = renderPackage({ catalog: await readCatalog(), version: packageInfo().version });
  const renders = pkg.agents.get(AGENT)?.renders;
  const en = renders?.get('en')?.content;
  const ja = renders?.get('ja')?.content;
  if (en === undefined || ja === undefined) throw new Error('package renders missing');
  return { en, ja };
}

export function userAgentsDir(home: string): string {
  return join(home, '.claude', 'agents');
}

export interface ManifestJson {
  version: number;
  agents: Record<string, { locale: string; packageVersion: string; sourceHash: string; sha256: string }>;
}

export function readManifestJson(dir: string): ManifestJson | undefined {
  const path = join(dir, '.agentpack.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ManifestJson) : undefined;
}

export function descriptionOf(text: string): string | undefined {
  return parseAgent(text).spec?.description;
}
