import { planUpdate } from '../../core/plan/plan.js';
import { writesFile, type PlanInput } from '../../core/plan/types.js';
import { commandLine, sourceFlags } from '../../core/hints.js';
import { readPackage } from '../../io/package/read-package.js';
import { toolExt } from '../../core/tools/folders.js';
import { previewPlan } from '../../io/target/run-plan.js';
import { printUpdateCheck } from '../../ui/update-check-report.js';
import type { CliContext } from '../program/context.js';
import { parseOptions } from '../program/options.js';
import { SCOPE_OPTIONS, TOOL_OPTIONS, targetOf } from '../program/scope.js';
import { checkInstalledName } from '../flows/agent-names.js';
import { sourcesForRun } from '../flows/sources-for-run.js';
import { runLifecycle } from '../flows/lifecycle.js';
import { requireFromForPick, SOURCE_OPTIONS } from '../flows/load-source.js';

const OPTIONS = { ...SCOPE_OPTIONS, ...TOOL_OPTIONS, ...SOURCE_OPTIONS, force: 'switch', dryRun: 'switch', check: 'switch' } as const;

/**
 * `update [agent…]`: rewrite unmodified installed agents whose render changed; edited ones are skipped. Agents
 * installed from a folder are read again from it, or with `--from <path>` from that folder (recorded from then on).
 * `--check` only lists the agents it would rewrite (exit 1 when there is one), for CI.
 */
export async function runUpdate(options: { agents: string[]; raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx, agents } = options;
  const opts = parseOptions({ raw: options.raw, spec: OPTIONS, ctx });
  const { from, pick } = opts;
  requireFromForPick({ from, pick, ctx });
  const target = targetOf(opts, ctx);
  const pack = await readPackage();
  const { catalog } = pack;
  const sources = await sourcesForRun({
    ctx,
    target,
    pkg: pack.pkg,
    agents,
    from,
    pick,
    retry: (agent) => ['update', agent],
    localeFor: (_agent, installed) => installed ?? '',
    fetchGit: true,
  });
  const run = sources.agents ?? [];
  const plan = (input: PlanInput) =>
    planUpdate({ input, agents: run.map((name) => (from !== undefined ? name : checkInstalledName({ name, catalog, manifest: input.manifest, target }))) });
  if (opts.check) {
    // Nothing is written, not even the folder: the plan is only read (for another tool, against its files' bytes).
    const tool = target.tool;
    const pkg = tool === undefined ? sources.pkg : (await import('../flows/tool-renders.js')).rendersForTool({ pkg: sources.pkg, tool });
    const ext = tool === undefined ? {} : { ext: toolExt(tool) };
    const preview = await previewPlan({ dir: target.dir, pkg, agents: [...pkg.agents.keys()], force: opts.force, plan, ...ext });
    const updates = preview.plan.actions.filter(writesFile).map(({ agent, locale, path }) => ({ agent, locale: locale ?? '', path }));
    const command = commandLine({ args: ['update', ...agents, ...sourceFlags({ from, picks: pick }), ...(opts.force ? ['--force'] : [])], target });
    const installed = Object.keys(preview.plan.manifest.agents).length;
    ctx.exitCode = printUpdateCheck({ ctx, dir: target.dir, updates, command, installed });
    return;
  }
  await runLifecycle({
    ctx,
    target,
    pkg: sources.pkg,
    agents: [...sources.pkg.agents.keys()],
    dryRun: opts.dryRun,
    force: opts.force,
    plan,
    ...(sources.sources ? { sources: sources.sources } : {}),
    report: {
      command: 'update',
      commandWords: ['update'],
      forceArgs: ['update', ...agents, ...sourceFlags({ from, picks: pick }), '--force'],
      source: sources.source,
      ...(from !== undefined ? { from } : {}),
      ...(sources.repositories !== undefined && sources.repositories.length > 0 ? { repositories: sources.repositories } : {}),
    },
  });
}
