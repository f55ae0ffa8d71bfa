import { mkdir } from 'node:fs/promises';
import { AgentpackError } from '../core/errors.js';
import type { Plan, PlanInput } from '../core/plan-types.js';
import type { PackageRenders } from '../core/package-renders.js';
import { writesFile } from '../core/plan-types.js';
import { applyPlan, type AppliedAction } from './apply-plan.js';
import { predictBackupPath } from './backup.js';
import { toIoError } from './fs-errors.js';
import { acquireLock } from './lock.js';
import { readTargetState, type TargetState } from './target-state.js';

export interface PlanRun {
  dir: string;
  pkg: PackageRenders;
  /** Agents whose files the planner looks at. */
  agents: string[];
  force: boolean;
  plan: (input: PlanInput) => Plan;
  lockWaitMs?: number;
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
}

function inputOf(state: TargetState, run: PlanRun): PlanInput {
  return { dir: state.dir, pkg: run.pkg, manifest: state.manifest, files: state.files, declared: state.declared, force: run.force };
}

function changesSomething(plan: Plan): boolean {
  return plan.actions.some((a) => writesFile(a) || a.entry !== undefined);
}

export class PlanConflict extends Error {
  constructor(readonly plan: Plan) {
    super('conflict');
  }
}

/** Plan without touching anything (the --dry-run path, and the first look of a real run). */
export async function previewPlan(run: PlanRun): Promise<PlanOutcome> {
  const state = await readTargetState({ dir: run.dir, agents: run.agents });
  const plan = run.plan(inputOf(state, run));
  const predictedBackups = new Map<string, string>();
  for (const action of plan.actions) if (action.backup) predictedBackups.set(action.path, await predictBackupPath(action.path));
  return { plan, dirExisted: state.dirExists, createdDir: false, removedTemps: [], predictedBackups };
}

/**
 * Plan, then apply under the folder's lock. Nothing is created — not even the folder — when the plan has a
 * conflict (PlanConflict) or changes nothing. The first look is taken without the lock: a conflict seen there is
 * real (another agentpack run only ever leaves package renders or no file), and a plan that changes nothing and
 * needs no attention describes a consistent moment. Anything else — a change, or a skip that may come from
 * another run being half-way (a file just removed, its manifest entry not yet) — is planned again under the lock,
 * so a run that waited for another acts on what that one left.
 */
export async function executePlan(run: PlanRun): Promise<PlanOutcome> {
  const first = await previewPlan(run);
  if (first.plan.actions.some((a) => a.kind === 'conflict')) throw new PlanConflict(first.plan);
  const changes = changesSomething(first.plan);
  if (!changes && (!first.dirExisted || !first.plan.actions.some((a) => a.attention))) return first;
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
    // Only looking (nothing to change) in a folder we may not write: no run can be changing it either.
    if (!changes && failure.code === 'TARGET_NOT_WRITABLE') return first;
    throw failure;
  }
  try {
    const state = await readTargetState({ dir: run.dir, agents: run.agents });
    const plan = run.plan(inputOf(state, run));
    if (plan.actions.some((a) => a.kind === 'conflict')) throw new PlanConflict(plan);
    const result = await applyPlan({ dir: run.dir, plan, manifest: state.manifest, manifestText: state.manifestText, ...(run.onProgress ? { onProgress: run.onProgress } : {}) });
    return { plan, dirExisted: first.dirExisted, applied: result.applied, createdDir, removedTemps: result.removedTemps, predictedBackups: new Map() };
  } finally {
    await lock.release();
  }
}
