import { planUpdate } from '../../core/plan.js';
import { readPackage } from '../../io/read-package.js';
import type { CliContext } from '../context.js';
import { parseOptions } from '../options.js';
import { SCOPE_OPTIONS, targetOf } from '../scope.js';
import { checkInstalledName } from './agent-names.js';
import { sourcesForRun } from './installed-from.js';
import { runLifecycle } from './lifecycle.js';
import { requireFromForPick, sourceArgs, SOURCE_OPTIONS } from './source-option.js';

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
  const sources = await sourcesForRun({ ctx, target, pkg: pack.pkg, agents, from, pick, retry: (agent) => ['update', agent], localeFor: (_agent, installed) => installed ?? '' });
  const run = sources.agents ?? [];
  await runLifecycle({
    ctx,
    command: 'update',
    target,
    pkg: sources.pkg,
    agents: [...sources.pkg.agents.keys()],
    dryRun: opts.dryRun,
    force: opts.force,
    plan: (input) => planUpdate({ input, agents: run.map((name) => (from !== undefined ? name : checkInstalledName({ name, catalog, manifest: input.manifest }))) }),
    ...(sources.sources ? { sources: sources.sources } : {}),
    forceArgs: ['update', ...agents, ...sourceArgs({ from, pick }), '--force'],
  });
}
