import { join } from 'node:path';
import { isAgentpackError, AgentpackError } from '../core/errors.js';
import type { ManifestSource } from '../core/manifest.js';
import type { PackageRenders } from '../core/package-renders.js';
import { renderSource } from '../core/source-renders.js';
import { shellWord } from '../core/shell-word.js';
import { readManifest } from './manifest-store.js';
import { readSource, type SourceProgress } from './read-source.js';

/**
 * The package's renders plus, for every agent of `dir` installed with `--from`, its renders read again from
 * the recorded folder (each folder scanned once, with the recorded paths as picks). A folder that vanished
 * (SOURCE_NOT_FOUND) or a file that moved (SOURCE_FILE_MOVED) is reported, never guessed. `manifestText` is the
 * manifest they were read for (see PlanRun.sources).
 */
export async function withInstalledSources(options: { pkg: PackageRenders; dir: string; cwd: string; agents?: readonly string[]; onProgress?: (p: SourceProgress) => void }): Promise<{ pkg: PackageRenders; locales: string[]; manifestText?: string | undefined }> {
  const { pkg } = options;
  let manifest;
  let manifestText: string | undefined;
  try {
    ({ manifest, text: manifestText } = await readManifest(options.dir));
  } catch {
    return { pkg, locales: [] };
  }
  const only = options.agents !== undefined && options.agents.length > 0 ? new Set(options.agents) : undefined;
  const groups = new Map<string, { root: string; single: boolean; from: string; entries: [string, ManifestSource][] }>();
  for (const [agent, entry] of Object.entries(manifest.agents)) {
    if (!entry.source || (only && !only.has(agent))) continue;
    const key = entry.source.single ? join(entry.source.root, entry.source.path) : entry.source.root;
    const group = groups.get(key) ?? { root: entry.source.root, single: entry.source.single === true, from: entry.source.from, entries: [] };
    group.entries.push([agent, entry.source]);
    groups.set(key, group);
  }
  const agents = new Map(pkg.agents);
  const locales = new Set<string>();
  for (const [key, group] of groups) {
    const picks = group.single ? [] : [...new Set(group.entries.flatMap(([, s]) => [s.path, ...(s.picks ?? [])]))].sort();
    let scan;
    try {
      scan = await readSource({ from: key, cwd: group.root, picks, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    } catch (error) {
      const [agent, source] = group.entries[0] ?? ['', undefined];
      if (isAgentpackError(error) && (error.code === 'PATH_NOT_FOUND' || error.code === 'PICK_NOT_FOUND')) {
        const missingRoot = error.code === 'PATH_NOT_FOUND';
        throw new AgentpackError({
          code: missingRoot ? 'SOURCE_NOT_FOUND' : 'SOURCE_FILE_MOVED',
          params: { agent, from: shellWord(source?.from ?? group.from), path: missingRoot ? key : join(group.root, source?.path ?? '') },
        });
      }
      throw error;
    }
    const rendered = renderSource({ catalog: scan.catalog, version: pkg.version, from: group.from, root: group.root, single: group.single, picks: [] });
    for (const [agent, source] of group.entries) {
      const mine = rendered.agents.get(agent);
      if (!mine || mine.source?.path !== source.path) {
        throw new AgentpackError({ code: 'SOURCE_FILE_MOVED', params: { agent, from: shellWord(source.from), path: join(group.root, source.path) } });
      }
      // Same origin: what was recorded stays recorded (from as given then, and the picks).
      agents.set(agent, { ...mine, source });
      for (const l of mine.locales) locales.add(l);
    }
  }
  return { pkg: { version: pkg.version, agents }, locales: [...locales], manifestText };
}
