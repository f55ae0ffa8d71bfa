import { planUninstall } from '../../core/plan/plan.js';
import { readPackage } from '../../io/package/read-package.js';
import type { CliContext } from '../program/context.js';
import { parseOptions } from '../program/options.js';
import { SCOPE_OPTIONS, targetOf } from '../program/scope.js';
import { checkInstalledName } from '../flows/agent-names.js';
import { runLifecycle } from '../flows/lifecycle.js';

const OPTIONS = { ...SCOPE_OPTIONS, force: 'switch', dryRun: 'switch' } as const;

/** `uninstall <agent…>`: remove files agentpack wrote and that are unchanged; drop the manifest once empty. */
export async function runUninstall(options: { agents: string[]; raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx, agents } = options;
  const opts = parseOptions({ raw: options.raw, spec: OPTIONS, ctx });
  const target = targetOf(opts, ctx);
  const { catalog, pkg } = await readPackage();
  await runLifecycle({
    ctx,
    target,
    pkg,
    agents: agents.filter((name) => catalog.agents.has(name)),
    dryRun: opts.dryRun,
    force: opts.force,
    plan: (input) => planUninstall({ input, agents: agents.map((name) => checkInstalledName({ name, catalog, manifest: input.manifest })) }),
    report: { command: 'uninstall', commandWords: ['uninstall'], forceArgs: ['uninstall', ...agents, '--force'] },
  });
}
