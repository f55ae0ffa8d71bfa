import { unlink } from 'node:fs/promises';
import { AgentpackError } from '../core/errors.js';
import { withEntry, type Manifest } from '../core/manifest.js';
import type { Plan, PlanAction } from '../core/plan-types.js';
import { removeLeftoverTemps, syncDir, writeFileAtomic } from './atomic-write.js';
import { keepBackup } from './backup.js';
import { readFileState, sameFileState } from './file-state.js';
import { toIoError } from './fs-errors.js';
import { writeManifest } from './manifest-store.js';

export interface AppliedAction {
  action: PlanAction;
  /** Where the previous content was kept (--force), or null. */
  backup: string | null;
}

/**
 * Carry out a plan in a folder whose lock the caller holds. Order, for crash consistency: each file is
 * written (atomically) before the manifest, and the manifest is written last — or, if a step fails, written
 * with exactly the steps that completed, then the error is thrown. Right before touching a file its state is
 * read again; if it differs from what the plan saw (someone edited it meanwhile), the run stops there.
 */
export async function applyPlan(options: {
  dir: string;
  plan: Plan;
  manifest: Manifest;
  manifestText?: string | undefined;
  onProgress?: (progress: { done: number; total: number }) => void;
}): Promise<{ applied: AppliedAction[]; manifest: Manifest; removedTemps: string[] }> {
  const { dir, plan } = options;
  let manifest = options.manifest;
  const applied: AppliedAction[] = [];
  let removedTemps: string[] = [];
  let current = '';
  const recordsSomething = plan.actions.some((a) => a.entry !== undefined);
  const total = plan.actions.filter((a) => a.kind !== 'skip').length;
  let done = 0;
  try {
    removedTemps = await removeLeftoverTemps(dir);
    for (const action of plan.actions) {
      current = action.path;
      if (action.kind === 'conflict') throw new AgentpackError({ code: 'INTERNAL', params: { detail: `conflict in apply: ${action.path}` } });
      const backup = action.kind === 'skip' ? null : await applyAction(action);
      if (action.entry !== undefined) manifest = withEntry({ manifest, agent: action.agent, entry: action.entry });
      applied.push({ action, backup });
      if (action.kind !== 'skip') options.onProgress?.({ done: ++done, total });
    }
  } catch (error) {
    if (recordsSomething) await writeManifest({ dir, manifest, previousText: options.manifestText }).catch(() => undefined);
    throw toIoError({ error, path: current || dir, dir });
  }
  try {
    if (recordsSomething) await writeManifest({ dir, manifest, previousText: options.manifestText });
    await syncDir(dir);
  } catch (error) {
    throw toIoError({ error, path: dir, dir });
  }
  return { applied, manifest, removedTemps };
}

async function applyAction(action: PlanAction): Promise<string | null> {
  const now = await readFileState(action.path);
  if (!sameFileState(now, action.expect)) throw new AgentpackError({ code: 'FILE_CHANGED', params: { path: action.path } });
  const backup = action.backup ? await keepBackup({ path: action.path, state: now, move: action.kind === 'remove' }) : null;
  if (action.kind === 'remove') {
    if (!action.backup && now.kind !== 'missing') await unlink(action.path);
    return backup;
  }
  if (action.content === undefined) throw new AgentpackError({ code: 'INTERNAL', params: { detail: `no content for ${action.path}` } });
  await writeFileAtomic({ path: action.path, content: action.content, mode: now.kind === 'missing' ? 'create' : 'replace' });
  return backup;
}
