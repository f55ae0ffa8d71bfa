import { AgentpackError } from '../../core/errors.js';
import type { Plan, PlanInput } from '../../core/plan/types.js';
import type { PackageRenders } from '../../core/plan/renders.js';
import { executePlan, PlanConflict, previewPlan, type PlanOutcome, type PlanRun } from '../../io/target/run-plan.js';
import type { Target } from '../../io/target/resolve.js';
import { printDryRun, printOutcome, type LifecycleReport } from '../../ui/outcome-report.js';
import { progressLine } from '../../ui/progress.js';
import { actionJson, formatConflictLines } from '../../ui/plan-report.js';
import type { CliContext } from '../program/context.js';
import { commandLine } from '../../core/hints.js';

export interface LifecycleRun {
  ctx: CliContext;
  target: Target;
  pkg: PackageRenders;
  agents: string[];
  dryRun: boolean;
  force: boolean;
  /** Called again whenever the run plans again (under the lock): a pure function of its input. */
  plan: (input: PlanInput) => Plan;
  /** Renders read from the recorded folders: read again under the lock if the manifest changed (io/target/run-plan.ts). */
  sources?: PlanRun['sources'];
  /** What the report says beyond the plan: passed on to ui/outcome-report.ts as it is. */
  report: LifecycleReport;
}

function lockWaitMs(env: CliContext['env']): number | undefined {
  const value = Number(env['AGENTPACK_LOCK_TIMEOUT_MS']);
  return Number.isFinite(value) && value >= 0 && env['AGENTPACK_LOCK_TIMEOUT_MS'] !== undefined ? value : undefined;
}

/** Plan and (unless --dry-run) apply one of install / uninstall / locale / update, then report. */
export async function runLifecycle(given: LifecycleRun): Promise<void> {
  // Another tool's folder (--target): the same plan and apply, over the renders converted to its format.
  const { run, tool } = given.target.tool !== undefined ? await (await import('./tool-renders.js')).forTool(given) : { run: given };
  const { ctx, target } = run;
  const wait = lockWaitMs(ctx.env);
  const planRun = {
    dir: target.dir,
    pkg: run.pkg,
    agents: run.agents,
    force: run.force,
    plan: run.plan,
    ...(wait !== undefined ? { lockWaitMs: wait } : {}),
    ...(run.sources ? { sources: run.sources } : {}),
    ...(tool ? { ext: tool.ext } : {}),
  };
  const reportOf = (outcome: PlanOutcome) => ({
    ctx,
    report: tool ? { ...run.report, losses: tool.lossesOf(outcome.plan) } : run.report,
    target,
    pkg: run.pkg,
    outcome,
    commandFor: (args: string[]) => commandLine({ args, target }),
  });
  if (run.dryRun) {
    ctx.exitCode = printDryRun(reportOf(await previewPlan(planRun)));
    return;
  }
  let outcome: PlanOutcome;
  const progress = progressLine({ ctx, message: 'install.progress' });
  try {
    outcome = await executePlan({ ...planRun, onProgress: (p) => progress.update(p) });
  } catch (error) {
    if (error instanceof PlanConflict) throw conflictError(run, error.plan);
    throw error;
  } finally {
    progress.done();
  }
  ctx.exitCode = printOutcome(reportOf(outcome));
}

function conflictError(run: LifecycleRun, plan: Plan): AgentpackError {
  const conflicts = plan.actions.filter((a) => a.kind === 'conflict');
  const forceable = conflicts.some((a) => a.reason !== 'not-a-file' && a.reason !== 'duplicate-name');
  const params: Record<string, string | number> = { count: conflicts.length, files: formatConflictLines({ actions: conflicts, messages: run.ctx.messages }) };
  if (forceable) params['suggestion'] = commandLine({ args: run.report.forceArgs, target: run.target });
  return new AgentpackError({
    code: 'CONFLICT',
    params,
    details: { command: run.report.command, target: run.target, actions: plan.actions.map((a) => actionJson(a, null)) },
  });
}
