import * as z from 'zod';
import { planUninstall } from '../../core/plan.js';
import { readPackage } from '../../io/read-package.js';
import type { CliContext } from '../context.js';
import { scopeOptionsSchema, targetOf } from '../scope.js';
import { checkInstalledName } from './agent-names.js';
import { runLifecycle } from './lifecycle.js';

const optionsSchema = scopeOptionsSchema.extend({ force: z.boolean().default(false), dryRun: z.boolean().default(false) });

/** `uninstall <agent…>`: remove files agentpack wrote and that are unchanged; drop the manifest once empty. */
export async function runUninstall(options: { agents: string[]; raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx, agents } = options;
  const opts = optionsSchema.parse(options.raw);
  const target = targetOf(opts, ctx);
  const { catalog, pkg } = await readPackage();
  await runLifecycle({
    ctx,
    command: 'uninstall',
    target,
    pkg,
    agents: agents.filter((name) => catalog.agents.has(name)),
    dryRun: opts.dryRun,
    force: opts.force,
    plan: (input) => planUninstall({ input, agents: agents.map((name) => checkInstalledName({ name, catalog, manifest: input.manifest })) }),
    forceArgs: ['uninstall', ...agents, '--force'],
  });
}
