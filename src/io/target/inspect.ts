import { AgentpackError } from '../../core/errors.js';
import type { PackageRenders } from '../../core/plan/renders.js';
import { assessAgent, installedAgents } from '../../core/plan/plan.js';
import { findLeftoverTemps } from '../fs/atomic-write.js';
import { findBackups } from '../fs/backup.js';
import type { ScopeSnapshot } from '../../core/status/snapshot.js';
import { inspectLock } from '../fs/lock.js';
import { planInputOf, readTargetState, scanTree } from './state.js';
import type { Scope } from '../../core/target.js';

export type { ScopeSnapshot } from '../../core/status/snapshot.js';

/** Read one folder for `status`; a manifest that does not parse is recorded, not thrown, so the rest is still checked. */
export async function inspectScope(options: { scope: Scope; dir: string; pkg: PackageRenders }): Promise<ScopeSnapshot> {
  const { scope, dir, pkg } = options;
  const snapshot: ScopeSnapshot = { scope, dir, exists: false, tree: [], installations: [], leftovers: [], backups: [] };
  try {
    const state = await readTargetState({ dir, agents: pkg.agents.keys() });
    snapshot.exists = state.dirExists;
    snapshot.tree = state.tree;
    const input = planInputOf({ state, pkg });
    snapshot.installations = installedAgents(input).map((agent) => assessAgent(input, agent));
  } catch (error) {
    if (!(error instanceof AgentpackError && error.code === 'MANIFEST_INVALID')) throw error;
    snapshot.exists = true;
    snapshot.manifestError = String(error.params['detail'] ?? '');
    snapshot.tree = await scanTree(dir);
  }
  if (!snapshot.exists) return snapshot;
  snapshot.leftovers = await findLeftoverTemps(dir);
  snapshot.backups = await findBackups(dir);
  const lock = await inspectLock(dir);
  if (lock) snapshot.lock = lock;
  return snapshot;
}

/** How many agent files a folder's tree holds (0 when it does not exist): for the CLAUDE_CONFIG_DIR note. */
export async function countAgentFiles(dir: string): Promise<number> {
  try {
    return (await scanTree(dir)).filter((f) => f.parsed.isAgent).length;
  } catch {
    return 0;
  }
}
