import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AgentFileExtension } from '../../core/agent/name.js';
import { AgentpackError } from '../../core/errors.js';
import type { Plan, PlanInput } from '../../core/plan/types.js';
import type { PackageRenders } from '../../core/plan/renders.js';
import { writesFile } from '../../core/plan/types.js';
import { applyPlan, type AppliedAction } from './apply-plan.js';
import { predictBackupPath } from '../fs/backup.js';
import { toIoError } from '../fs/errors.js';
import { exists, findLeftoverTemps } from '../fs/atomic-write.js';
import { acquireLock, BREAK_FILE, inspectLock } from '../fs/lock.js';
import { planInputOf, readTargetState, scanTree, type TargetState } from './state.js';

export interface PlanRun {
  dir: string;
  pkg: PackageRenders;
  /** Agents whose files the planner looks at. */
  agents: string[];
  force: boolean;
  plan: (input: PlanInput) => Plan;
  lockWaitMs?: number;
  /** Another tool's folder (`--target`): the ending its new agent files take. */
  ext?: AgentFileExtension;
  /**
   * When `pkg` includes renders read from the folders the manifest records (locale, update): the manifest text
   * they were read for, and how to read them again. If another run changed the manifest before this one took
   * the lock (say it installed an agent from another folder), the renders are read again under the lock, so
   * the plan never meets an installed agent it has no renders for.
   */
  sources?: { manifestText: string | undefined; reload: () => Promise<PackageRenders> };
  /** Called after each file written or removed (`total` = the plan's writes and removals). */
  onProgress?: (progress: { done: number; total: number }) => void;
}

export interface PlanOutcome {
  plan: Plan;
  dirExisted: boolean;
  /** Set when the plan was carried out. */
  applied?: AppliedAction[];
  createdDir: boolean;
  removedTemps: string[];
  /** Dry run: where each --force backup would go, by path. */
  predictedBackups: Map<string, string>;
  /** Whether the folder had a manifest when the plan was carried out (a removal of the last agent deletes it). */
  manifestExisted?: boolean;
}

function inputOf(state: TargetState, run: PlanRun, pkg: PackageRenders = run.pkg): PlanInput {
  return planInputOf({ state, pkg, force: run.force });
}

function changesSomething(plan: Plan): boolean {
  return plan.actions.some((a) => writesFile(a) || a.entry !== undefined);
}

/**
 * Whether a killed run left something in the folder — a stale lock, temporary files, a lock's break guard —
 * that a run with nothing else to do should still clear (under the lock, like any change), so the next normal
 * run always repairs them. A lock without an owner counts too: it is either being created right now or was
 * left by a run killed between creating and writing it, which only turns stale a second later (lock.ts) —
 * acquireLock tells the two apart by waiting, where a first look cannot.
 */
async function hasLeftovers(dir: string): Promise<boolean> {
  const lock = await inspectLock(dir);
  if (lock !== undefined && (lock.stale || lock.owner === undefined)) return true;
  return (await findLeftoverTemps(dir)).length > 0 || (await exists(join(dir, BREAK_FILE)));
}

export class PlanConflict extends Error {
  constructor(readonly plan: Plan) {
    super('conflict');
  }
}

/**
 * Plan with what the folder's tree declares. Only a create can meet a duplicate name (plan.ts: a file that is
 * missing while another file of the tree declares its name), so the tree — every `*.md` below the folder,
 * read and parsed — is scanned only when the plan without it creates a file, and then planned again.
 */
async function planWithNames(options: { state: TargetState; run: PlanRun; pkg: PackageRenders }): Promise<Plan> {
  const { state, run, pkg } = options;
  const plan = run.plan(inputOf(state, run, pkg));
  if (!state.dirExists || !plan.actions.some((a) => a.kind === 'create')) return plan;
  const declared = new Map<string, string[]>();
  for (const file of await scanTree(state.dir)) {
    if (file.name !== null) declared.set(file.name, [...(declared.get(file.name) ?? []), file.rel]);
  }
  return run.plan({ ...inputOf(state, run, pkg), declared });
}

/**
 * Plan without touching anything (the --dry-run path, and the first look of a real run). `scan: false` skips
 * reading the folder's tree for the names its files declare even when the plan creates a file: it then cannot
 * see a duplicate name, which only ever turns a create (a change) into a conflict — for executePlan's first
 * look, which plans again under the lock whenever something changes.
 */
export async function previewPlan(run: PlanRun, options: { scan?: boolean } = {}): Promise<PlanOutcome> {
  const state = await readTargetState({ dir: run.dir, agents: run.agents, scan: false, ext: run.ext });
  const plan = options.scan === false ? run.plan(inputOf(state, run)) : await planWithNames({ state, run, pkg: run.pkg });
  const predictedBackups = new Map<string, string>();
  for (const action of plan.actions) if (action.backup) predictedBackups.set(action.path, await predictBackupPath(action.path));
  return { plan, dirExisted: state.dirExists, createdDir: false, removedTemps: [], predictedBackups };
}

/**
 * Plan, then apply under the folder's lock. Nothing is created — not even the folder — when the plan has a
 * conflict (PlanConflict) or changes nothing. The first look is taken without the lock: a plan that changes
 * nothing and needs no attention describes a consistent moment. Anything else — a change, a skip that may come
 * from another run being half-way (a file just removed, its manifest entry not yet), or a conflict, which may be
 * such a moment too (a file already switched to a render this command cannot recognise, as `uninstall` cannot
 * for an agent installed from a folder, while the manifest still records the old one) — is planned again under
 * the lock, so a run that waited for another acts on what that one left, and refuses only what is really there. Leftovers of a killed run (a stale lock,
 * temporary files) also take the locked path, where they are removed, even when nothing else changes.
 */
export async function executePlan(run: PlanRun): Promise<PlanOutcome> {
  // Without the tree scan (see previewPlan): a plan that changes nothing is the same plan either way.
  const first = await previewPlan(run, { scan: false });
  const seenConflict = first.plan.actions.some((a) => a.kind === 'conflict');
  if (seenConflict && !first.dirExisted) throw new PlanConflict(first.plan);
  const changes = changesSomething(first.plan);
  if (!seenConflict && !changes && (!first.dirExisted || (!first.plan.actions.some((a) => a.attention) && !(await hasLeftovers(run.dir))))) return first;
  let createdDir = false;
  if (changes) {
    try {
      createdDir = (await mkdir(run.dir, { recursive: true })) !== undefined;
    } catch (error) {
      throw toIoError({ error, path: run.dir, dir: run.dir });
    }
  }
  let lock;
  try {
    lock = await acquireLock({ dir: run.dir, ...(run.lockWaitMs !== undefined ? { waitMs: run.lockWaitMs } : {}) });
  } catch (error) {
    const failure = error instanceof AgentpackError ? error : toIoError({ error, path: run.dir, dir: run.dir });
    // A folder we may not write: no run can be changing it either, so what a complete look sees is what is there.
    if (failure.code === 'TARGET_NOT_WRITABLE') {
      const full = await previewPlan(run);
      if (full.plan.actions.some((a) => a.kind === 'conflict')) throw new PlanConflict(full.plan);
      if (!changesSomething(full.plan)) return full;
    }
    throw failure;
  }
  try {
    const state = await readTargetState({ dir: run.dir, agents: run.agents, scan: false, ext: run.ext });
    // The reloaded renders only add agents of the manifest, whose files readTargetState has read already.
    const pkg = run.sources && state.manifestText !== run.sources.manifestText ? await run.sources.reload() : run.pkg;
    const plan = await planWithNames({ state, run, pkg });
    if (plan.actions.some((a) => a.kind === 'conflict')) throw new PlanConflict(plan);
    const result = await applyPlan({
      dir: run.dir,
      plan,
      manifest: state.manifest,
      manifestText: state.manifestText,
      ...(run.onProgress ? { onProgress: run.onProgress } : {}),
    });
    return {
      plan,
      dirExisted: first.dirExisted,
      applied: result.applied,
      createdDir,
      removedTemps: result.removedTemps,
      predictedBackups: new Map(),
      manifestExisted: state.manifestExists,
    };
  } finally {
    await lock.release();
  }
}
