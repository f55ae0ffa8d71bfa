import { AgentpackError } from '../../core/errors.js';
import type { Plan, PlanAction, PlanInput } from '../../core/plan/types.js';
import type { PackageRenders } from '../../core/plan/renders.js';
import { executePlan, PlanConflict, previewPlan, type PlanOutcome, type PlanRun } from '../../io/target/run-plan.js';
import type { Target } from '../../io/target/resolve.js';
import { formatOutcome, switchHints, type LifecycleCommand } from '../../ui/outcome-report.js';
import { progressLine } from '../../ui/progress.js';
import { actionJson, formatConflictLines, formatPlanLines, targetLabel } from '../../ui/plan-report.js';
import { sanitizeForTerminal } from '../../ui/style.js';
import type { CliContext } from '../program/context.js';
import { commandLine } from '../../core/hints.js';

export interface LifecycleRun {
  ctx: CliContext;
  command: LifecycleCommand;
  target: Target;
  pkg: PackageRenders;
  agents: string[];
  dryRun: boolean;
  force: boolean;
  plan: (input: PlanInput) => Plan;
  /** The same command with --force, for refusals (arguments after `agentpack`, without the scope flag). */
  forceArgs: string[];
  /** Renders read from the recorded folders: read again under the lock if the manifest changed (io/run-plan.ts). */
  sources?: PlanRun['sources'];
  /** Extra lines after a successful install/switch (e.g. where the locale came from), computed after planning. */
  notes?: () => string[];
  /** What was left out before planning (e.g. `install --all --from` conflicts): listed under `refused` in --json; the run fails. */
  refused?: Record<string, unknown>[];
}

function lockWaitMs(env: CliContext['env']): number | undefined {
  const value = Number(env['AGENTPACK_LOCK_TIMEOUT_MS']);
  return Number.isFinite(value) && value >= 0 && env['AGENTPACK_LOCK_TIMEOUT_MS'] !== undefined ? value : undefined;
}

/** Plan and (unless --dry-run) apply one of install / uninstall / locale / update, then report. */
export async function runLifecycle(run: LifecycleRun): Promise<void> {
  const { ctx, target } = run;
  const wait = lockWaitMs(ctx.env);
  const planRun = { dir: target.dir, pkg: run.pkg, agents: run.agents, force: run.force, plan: run.plan, ...(wait !== undefined ? { lockWaitMs: wait } : {}), ...(run.sources ? { sources: run.sources } : {}) };
  if (run.dryRun) {
    printDryRun(run, await previewPlan(planRun));
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
  printOutcome(run, outcome);
}

function attention(actions: PlanAction[]): boolean {
  return actions.some((a) => a.attention);
}

function conflictError(run: LifecycleRun, plan: Plan): AgentpackError {
  const conflicts = plan.actions.filter((a) => a.kind === 'conflict');
  const forceable = conflicts.some((a) => a.reason !== 'not-a-file' && a.reason !== 'duplicate-name');
  const params: Record<string, string | number> = { count: conflicts.length, files: formatConflictLines({ actions: conflicts, messages: run.ctx.messages }) };
  if (forceable) params['suggestion'] = commandLine({ args: run.forceArgs, target: run.target });
  return new AgentpackError({
    code: 'CONFLICT',
    params,
    details: { command: run.command, target: run.target, actions: plan.actions.map((a) => actionJson(a, null)) },
  });
}

function printDryRun(run: LifecycleRun, outcome: PlanOutcome): void {
  const { ctx, target } = run;
  const { t } = ctx.messages;
  const actions = outcome.plan.actions;
  const failed = attention(actions) || (run.refused?.length ?? 0) > 0;
  ctx.exitCode = failed ? 1 : 0;
  if (ctx.json) {
    const payload = {
      ok: !failed,
      command: run.command,
      dryRun: true,
      target,
      createsDir: !outcome.dirExisted && actions.some((a) => a.kind !== 'skip' && a.kind !== 'conflict'),
      actions: actions.map((a) => actionJson(a, outcome.predictedBackups.get(a.path) ?? null)),
      ...(run.refused ? { refused: run.refused } : {}),
    };
    ctx.stdout.write(`${JSON.stringify(payload, null, 2)}\n`);
    return;
  }
  const lines = [t('install.dryRun.header', { target: targetLabel(target, ctx.messages) })];
  if (actions.length === 0) lines.push(`  ${t('install.dryRun.empty')}`);
  lines.push(...formatPlanLines({ actions, backups: outcome.predictedBackups, messages: ctx.messages, style: ctx.style }));
  if (!outcome.dirExisted && actions.some((a) => a.kind !== 'skip' && a.kind !== 'conflict')) lines.push(t('install.dryRun.createsDir', { path: target.dir }));
  ctx.stdout.write(`${lines.map(sanitizeForTerminal).join('\n')}\n`);
  const conflicts = actions.filter((a) => a.kind === 'conflict').length;
  if (conflicts > 0) ctx.stderr.write(`${t('install.dryRun.refused', { count: conflicts, command: commandLine({ args: run.forceArgs, target }) })}\n`);
}

function printOutcome(run: LifecycleRun, outcome: PlanOutcome): void {
  const { ctx, target } = run;
  const { t } = ctx.messages;
  const applied = outcome.applied ?? outcome.plan.actions.map((action) => ({ action, backup: null }));
  const failed = attention(outcome.plan.actions) || (run.refused?.length ?? 0) > 0;
  ctx.exitCode = failed ? 1 : 0;
  if (ctx.json) {
    const payload = {
      ok: !failed,
      command: run.command,
      dryRun: false,
      target,
      createdDir: outcome.createdDir,
      actions: applied.map(({ action, backup }) => actionJson(action, backup)),
      ...(run.refused ? { refused: run.refused } : {}),
    };
    ctx.stdout.write(`${JSON.stringify(payload, null, 2)}\n`);
    return;
  }
  const commandFor = (args: string[]): string => commandLine({ args, target });
  const { out, err } = formatOutcome({ command: run.command, applied, dir: target.dir, messages: ctx.messages, commandFor });
  if (outcome.createdDir) out.unshift(t('install.createdDir', { path: target.dir }));
  if (applied.length === 0) out.push(t('install.nothingInstalled', { dir: target.dir }));
  const present = applied.filter(({ action }) => action.kind !== 'remove' && action.kind !== 'conflict' && (action.kind !== 'skip' || action.reason === 'up-to-date'));
  if ((run.command === 'install' || run.command === 'locale') && present.length > 0) {
    const written = new Set(present.map(({ action }) => action.locale).filter((l): l is string => l !== null));
    const available = [...new Set(present.flatMap(({ action }) => run.pkg.agents.get(action.agent)?.locales ?? []))];
    out.push(...(run.notes?.() ?? []), ...switchHints({ written, available, messages: ctx.messages, commandFor }));
  }
  if (run.command === 'uninstall' && outcome.applied && Object.keys(outcome.plan.manifest.agents).length === 0 && applied.some(({ action }) => action.kind === 'remove')) {
    out.push(t('install.manifestRemoved', { dir: target.dir }));
  }
  if (out.length > 0) ctx.stdout.write(`${out.join('\n')}\n`);
  if (err.length > 0) ctx.stderr.write(`${err.join('\n')}\n`);
}
