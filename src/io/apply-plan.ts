import { unlink } from 'node:fs/promises';
import { AgentpackError } from '../core/errors.js';
import { withEntries, type Manifest, type ManifestEntry } from '../core/manifest.js';
import type { Plan, PlanAction } from '../core/plan-types.js';
import { commitTemp, prepareTemp, removeLeftoverTemps, syncDir } from './atomic-write.js';
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
 * Temporary files written ahead of the step that renames them: the writes (and their fsyncs) of the next
 * steps overlap, while the renames themselves stay one after another, in plan order.
 */
const WRITE_AHEAD = 12;

/** The actions that write bytes (create/overwrite/switch). */
function writesContent(action: PlanAction): boolean {
  return action.kind === 'create' || action.kind === 'overwrite' || action.kind === 'switch';
}

/**
 * Temporary files of the plan's writes, prepared up to WRITE_AHEAD steps ahead of the step being applied.
 * `take(i)` hands step i's file over (its commit removes it); `discard()` removes every prepared file not
 * handed over, after the prepares in flight have settled.
 */
function tempPipeline(options: { dir: string; actions: readonly PlanAction[] }) {
  const { dir, actions } = options;
  const order = actions.flatMap((a, i) => (writesContent(a) && a.content !== undefined ? [i] : []));
  const started = new Map<number, Promise<string>>();
  let next = 0;
  const fill = (step: number): void => {
    while (next < order.length && (order[next] ?? 0) <= step + WRITE_AHEAD) {
      const index = order[next++] as number;
      const pending = prepareTemp({ dir, content: actions[index]?.content ?? '' });
      pending.catch(() => undefined);
      started.set(index, pending);
    }
  };
  return {
    take: async (step: number): Promise<string> => {
      fill(step);
      const pending = started.get(step);
      if (!pending) throw new AgentpackError({ code: 'INTERNAL', params: { detail: `no temporary file for ${actions[step]?.path ?? step}` } });
      started.delete(step);
      return pending;
    },
    discard: async (): Promise<void> => {
      const left = [...started.values()];
      started.clear();
      for (const result of await Promise.allSettled(left)) if (result.status === 'fulfilled') await unlink(result.value).catch(() => undefined);
    },
  };
}

/**
 * Carry out a plan in a folder whose lock the caller holds. Order, for crash consistency: each file is
 * written (atomically: a complete, fsynced temporary file renamed over it) before the manifest, and the
 * manifest is written last, after the folder is fsynced once for all the renames — or, if a step fails,
 * written with exactly the steps that completed, then the error is thrown. Temporary files are prepared a few
 * steps ahead (WRITE_AHEAD); the renames happen in plan order. Right before touching a file its state is read
 * again; if it differs from what the plan saw (someone edited it meanwhile), the run stops there.
 */
export async function applyPlan(options: {
  dir: string;
  plan: Plan;
  manifest: Manifest;
  manifestText?: string | undefined;
  onProgress?: (progress: { done: number; total: number }) => void;
}): Promise<{ applied: AppliedAction[]; manifest: Manifest; removedTemps: string[] }> {
  const { dir, plan } = options;
  const changes: { agent: string; entry: ManifestEntry | null }[] = [];
  const applied: AppliedAction[] = [];
  let removedTemps: string[] = [];
  let current = '';
  const recordsSomething = plan.actions.some((a) => a.entry !== undefined);
  const total = plan.actions.filter((a) => a.kind !== 'skip').length;
  let done = 0;
  const temps = tempPipeline({ dir, actions: plan.actions });
  try {
    removedTemps = await removeLeftoverTemps(dir);
    for (const [step, action] of plan.actions.entries()) {
      current = action.path;
      if (action.kind === 'conflict') throw new AgentpackError({ code: 'INTERNAL', params: { detail: `conflict in apply: ${action.path}` } });
      const backup = action.kind === 'skip' ? null : await applyAction({ action, tmp: writesContent(action) ? () => temps.take(step) : undefined });
      if (action.entry !== undefined) changes.push({ agent: action.agent, entry: action.entry });
      applied.push({ action, backup });
      if (action.kind !== 'skip') options.onProgress?.({ done: ++done, total });
    }
  } catch (error) {
    await temps.discard();
    if (recordsSomething) {
      await syncDir(dir);
      await writeManifest({ dir, manifest: withEntries({ manifest: options.manifest, changes }), previousText: options.manifestText }).catch(() => undefined);
    }
    throw toIoError({ error, path: current || dir, dir });
  }
  const manifest = withEntries({ manifest: options.manifest, changes });
  try {
    // The renames are durable before the manifest that records them.
    await syncDir(dir);
    if (recordsSomething) await writeManifest({ dir, manifest, previousText: options.manifestText });
    // And the manifest's own change (a removal has no rename of its own to sync).
    await syncDir(dir);
  } catch (error) {
    throw toIoError({ error, path: dir, dir });
  }
  return { applied, manifest, removedTemps };
}

async function applyAction(options: { action: PlanAction; tmp: (() => Promise<string>) | undefined }): Promise<string | null> {
  const { action } = options;
  const now = await readFileState(action.path);
  if (!sameFileState(now, action.expect)) throw new AgentpackError({ code: 'FILE_CHANGED', params: { path: action.path } });
  const backup = action.backup ? await keepBackup({ path: action.path, state: now, move: action.kind === 'remove' }) : null;
  if (action.kind === 'remove') {
    if (!action.backup && now.kind !== 'missing') await unlink(action.path);
    return backup;
  }
  if (action.content === undefined || !options.tmp) throw new AgentpackError({ code: 'INTERNAL', params: { detail: `no content for ${action.path}` } });
  await commitTemp({ tmp: await options.tmp(), path: action.path, mode: now.kind === 'missing' ? 'create' : 'replace' });
  return backup;
}
