import { unlink } from 'node:fs/promises';
import { AgentpackError } from '../../core/errors.js';
import { withEntries, type Manifest, type ManifestEntry } from '../../core/manifest/manifest.js';
import type { AppliedAction, Plan, PlanAction } from '../../core/plan/types.js';

export type { AppliedAction } from '../../core/plan/types.js';
import { commitTemp, prepareTemp, removeLeftoverTemps, syncDir } from '../fs/atomic-write.js';
import { keepBackup } from '../fs/backup.js';
import { readFileState, sameFileState } from '../fs/file-state.js';
import { toIoError } from '../fs/errors.js';
import { runPool } from '../fs/pool.js';
import { writeManifest } from './manifest-store.js';

/**
 * Steps in flight at once. Each step touches its own file, so their waits (writing and fsyncing a temporary
 * file, the rename or unlink, which on a busy disk waits for the journal) overlap instead of adding up; a
 * thousand agents would otherwise take a thousand of each one after another.
 */
const IN_FLIGHT = 12;

/**
 * Carry out a plan in a folder whose lock the caller holds. Order, for crash consistency: each file is
 * written atomically (a complete, fsynced temporary file renamed over it, or removed) before the manifest; the
 * folder is fsynced once for all those renames, and the manifest is written last — or, if a step fails,
 * written with exactly the steps that completed, then the error is thrown. Steps start in plan order, up to
 * IN_FLIGHT at once; after a failure no further step starts. Right before a step touches its file, the file's
 * state is read again; if it differs from what the plan saw (someone edited it meanwhile), the run stops there.
 */
export async function applyPlan(options: {
  dir: string;
  plan: Plan;
  manifest: Manifest;
  manifestText?: string | undefined;
  onProgress?: (progress: { done: number; total: number }) => void;
}): Promise<{ applied: AppliedAction[]; manifest: Manifest; removedTemps: string[] }> {
  const { dir, plan } = options;
  const actions = plan.actions;
  const results: (AppliedAction | undefined)[] = new Array<AppliedAction | undefined>(actions.length);
  const recordsSomething = actions.some((a) => a.entry !== undefined);
  const total = actions.filter((a) => a.kind !== 'skip').length;
  let done = 0;
  let failure: { error: unknown; path: string } | undefined;
  const completed = (): { agent: string; entry: ManifestEntry | null }[] =>
    actions.flatMap((a, i) => (results[i] !== undefined && a.entry !== undefined ? [{ agent: a.agent, entry: a.entry }] : []));
  let removedTemps: string[] = [];
  try {
    const conflict = actions.find((a) => a.kind === 'conflict');
    if (conflict) throw new AgentpackError({ code: 'INTERNAL', params: { detail: `conflict in apply: ${conflict.path}` } });
    removedTemps = await removeLeftoverTemps(dir);
  } catch (error) {
    throw toIoError({ error, path: dir, dir });
  }
  // The pool settles only after every step in flight has, so the manifest below records all that completed;
  // the first error is kept in `failure` with its path.
  await runPool({
    items: actions,
    limit: IN_FLIGHT,
    fn: async (action, { index }) => {
      try {
        const backup = action.kind === 'skip' ? null : await applyAction({ action, dir });
        results[index] = { action, backup };
        if (action.kind !== 'skip') options.onProgress?.({ done: ++done, total });
      } catch (error) {
        failure ??= { error, path: action.path };
        throw error;
      }
    },
  }).catch(() => undefined);
  if (failure !== undefined) {
    if (recordsSomething) {
      await syncDir(dir);
      await writeManifest({ dir, manifest: withEntries({ manifest: options.manifest, changes: completed() }), previousText: options.manifestText }).catch(
        () => undefined,
      );
    }
    throw toIoError({ error: failure.error, path: failure.path, dir });
  }
  const manifest = withEntries({ manifest: options.manifest, changes: completed() });
  try {
    // Every rename is durable before the manifest that records it...
    await syncDir(dir);
    if (recordsSomething) await writeManifest({ dir, manifest, previousText: options.manifestText });
    // ...and the manifest's own change (its removal has no rename to sync).
    await syncDir(dir);
  } catch (error) {
    throw toIoError({ error, path: dir, dir });
  }
  return { applied: results.filter((r): r is AppliedAction => r !== undefined), manifest, removedTemps };
}

/**
 * One step. A write first prepares its temporary file; then the file's state is read and compared with what
 * the plan saw, right before the rename (or the removal) — nothing slow comes between the check and the change
 * but a --force backup.
 */
async function applyAction(options: { action: PlanAction; dir: string }): Promise<string | null> {
  const { action, dir } = options;
  const writes = action.kind !== 'remove';
  if (writes && action.content === undefined) throw new AgentpackError({ code: 'INTERNAL', params: { detail: `no content for ${action.path}` } });
  const tmp = writes ? await prepareTemp({ dir, content: action.content ?? '' }) : undefined;
  try {
    const now = await readFileState(action.path);
    if (!sameFileState(now, action.expect)) throw new AgentpackError({ code: 'FILE_CHANGED', params: { path: action.path } });
    const backup = action.backup ? await keepBackup({ path: action.path, state: now, move: action.kind === 'remove' }) : null;
    if (tmp === undefined) {
      if (!action.backup && now.kind !== 'missing') await unlink(action.path);
      return backup;
    }
    await commitTemp({ tmp, path: action.path, mode: now.kind === 'missing' ? 'create' : 'replace' });
    return backup;
  } catch (error) {
    if (tmp !== undefined) await unlink(tmp).catch(() => undefined);
    throw error;
  }
}
