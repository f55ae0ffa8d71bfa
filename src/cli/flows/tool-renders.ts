import { writesFile, type Plan } from '../../core/plan/types.js';
import { toolTarget } from '../../core/tools/registry.js';
import { renderForTool, toolRenders, type ToolLosses } from '../../core/tools/renders.js';
import type { PackageRenders } from '../../core/plan/renders.js';
import { formatLosses } from '../../ui/tool-report.js';
import type { CliContext } from '../program/context.js';
import type { OtherToolId, Target } from '../../core/target.js';
import type { AgentFileExtension } from '../../core/agent/name.js';
import { lossesJson, type AgentLosses } from '../../ui/tool-report.js';

/** What one agent's written file lost, for each action that writes one (or leaves it as it is). */
export function lossesOfPlan(options: { plan: Plan; losses: ToolLosses }): AgentLosses[] {
  const out: AgentLosses[] = [];
  for (const action of options.plan.actions) {
    // Only what the run writes: an agent left as it is (up to date, refused) was reported when it was written.
    if (!writesFile(action) || action.kind === 'remove' || action.locale === null) continue;
    const losses = options.losses.get(action.agent)?.get(action.locale) ?? [];
    if (losses.length > 0) out.push({ agent: action.agent, locale: action.locale, losses });
  }
  return out;
}

/** What forTool reads of a lifecycle run (flows/lifecycle.ts). */
interface ToolRun {
  ctx: CliContext;
  target: Target;
  pkg: PackageRenders;
  sources?: { manifestText: string | undefined; reload: () => Promise<PackageRenders> } | undefined;
}

/** A lifecycle run for another tool's folder: its renders (and those read again under the lock) converted, and what each lost. */
export function forTool<R extends ToolRun>(run: R): { run: R; tool: { ext: AgentFileExtension; lossesOf: (plan: Plan) => ReturnType<typeof lossesJson> } } {
  const tool = toolTarget(run.target.tool as OtherToolId);
  const converted = toolRenders({ pkg: run.pkg, tool });
  const losses: ToolLosses = new Map(converted.losses);
  const sources = run.sources;
  const next: R = { ...run, pkg: converted.pkg };
  if (sources) {
    next.sources = {
      manifestText: sources.manifestText,
      reload: async () => {
        const again = toolRenders({ pkg: await sources.reload(), tool });
        for (const [agent, byLocale] of again.losses) losses.set(agent, byLocale);
        return again.pkg;
      },
    };
  }
  return {
    run: next,
    tool: {
      ext: tool.ext,
      lossesOf: (plan) =>
        lossesJson({
          losses: lossesOfPlan({ plan, losses }),
          tool: tool.id,
          scope: run.target.scope,
          messages: run.ctx.messages,
          // The notes on the folder matter when a file is written there, not when the last one leaves.
          writes: plan.actions.some((a) => a.kind === 'create' || a.kind === 'overwrite' || a.kind === 'switch'),
        }),
    },
  };
}

/** The package's renders as the tool's files (for show and diff, which only compare). */
export function rendersForTool(options: { pkg: PackageRenders; tool: OtherToolId }): PackageRenders {
  return toolRenders({ pkg: options.pkg, tool: toolTarget(options.tool) }).pkg;
}

/** One render as the tool's file. */
export function bytesForTool(options: { tool: OtherToolId; agent: string; locale: string; content: string }): string {
  return renderForTool({ ...options, tool: toolTarget(options.tool) }).content;
}

/** `show --target`: the tool's bytes; what did not map is said on stderr (stdout stays the file's exact bytes). */
export function showForTool(options: { ctx: CliContext; tool: OtherToolId; agent: string; locale: string; content: string }): string {
  const { ctx, tool, agent, locale } = options;
  const out = renderForTool({ tool: toolTarget(tool), agent, locale, content: options.content });
  if (!ctx.json) {
    const lines = formatLosses({
      report: { tool, agents: out.losses.length > 0 ? [{ agent, locale, losses: out.losses }] : [], notes: [] },
      messages: ctx.messages,
    });
    if (lines.length > 0) ctx.stderr.write(`${lines.join('\n')}\n`);
  }
  return out.content;
}
