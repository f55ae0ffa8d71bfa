import { planUpdate } from '../../core/plan/plan.js';
import { sourceFlags } from '../../core/hints.js';
import { readPackage } from '../../io/package/read-package.js';
import type { CliContext } from '../program/context.js';
import { parseOptions } from '../program/options.js';
import { SCOPE_OPTIONS, targetOf } from '../program/scope.js';
import { checkInstalledName } from '../flows/agent-names.js';
import { sourcesForRun } from '../flows/sources-for-run.js';
import { runLifecycle } from '../flows/lifecycle.js';
import { requireFromForPick, SOURCE_OPTIONS } from '../flows/load-source.js';

const OPTIONS = { ...SCOPE_OPTIONS, ...SOURCE_OPTIONS, force: 'switch', dryRun: 'switch' } as const;

/**
 * `update [agent…]`: rewrite unmodified installed agents whose render changed; edited ones are skipped. Agents
 * installed from a folder are read again from it, or with `--from <path>` from that folder (recorded from then on).
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
  });
  const run = sources.agents ?? [];
  await runLifecycle({
    ctx,
    target,
    pkg: sources.pkg,
    agents: [...sources.pkg.agents.keys()],
    dryRun: opts.dryRun,
    force: opts.force,
    plan: (input) =>
      planUpdate({ input, agents: run.map((name) => (from !== undefined ? name : checkInstalledName({ name, catalog, manifest: input.manifest }))) }),
    ...(sources.sources ? { sources: sources.sources } : {}),
    report: { command: 'update', commandWords: ['update'], forceArgs: ['update', ...agents, ...sourceFlags({ from, picks: pick }), '--force'] },
  });
}
