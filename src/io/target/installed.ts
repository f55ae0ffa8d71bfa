import { join } from 'node:path';
import type { Catalog } from '../../core/catalog/catalog.js';
import { installedOrigin, type InstalledOrigin } from '../../core/plan/origin.js';
import { agentPath, assessInstallation, type InstallState } from '../../core/plan/installation.js';
import type { PackageRenders } from '../../core/plan/renders.js';
import { readTargetState } from './state.js';

/** One agent in one folder, as `list --json` prints it under `installed`. */
export interface InstalledInfo {
  locale: string | null;
  state: InstallState;
  path: string;
  /** Where the installed variant came from: only for agents the manifest records. */
  origin?: InstalledOrigin;
}

/**
 * For every agent of the package: whether it is installed in `dir`, in which locale and in which state.
 * A file elsewhere in the folder's tree that declares the same `name` (not written by agentpack) is `foreign`.
 */
export async function readInstalled(options: { dir: string; pkg: PackageRenders; catalog?: Catalog }): Promise<Map<string, InstalledInfo | null>> {
  const { dir, pkg, catalog } = options;
  const state = await readTargetState({ dir, agents: pkg.agents.keys(), only: true });
  const out = new Map<string, InstalledInfo | null>();
  for (const agent of pkg.agents.keys()) {
    const inst = assessInstallation({
      agent,
      fileName: state.fileNames.get(agent) ?? null,
      entry: state.manifest.agents[agent],
      file: state.files.get(agent) ?? { kind: 'missing' },
      pkg: pkg.agents.get(agent),
    });
    if (inst.state !== 'none') {
      const info: InstalledInfo = { locale: inst.locale, state: inst.state, path: agentPath({ dir, inst }) };
      if (catalog && inst.entry && inst.state !== 'foreign')
        info.origin = installedOrigin({ catalog, agent, entry: inst.entry, state: inst.state, current: pkg.agents.get(agent) });
      out.set(agent, info);
      continue;
    }
    const other = state.declared.get(agent)?.[0];
    out.set(agent, other !== undefined ? { locale: null, state: 'foreign', path: join(dir, other) } : null);
  }
  return out;
}
