import * as z from 'zod';
import { planUpdate } from '../../core/plan.js';
import { withInstalledSources } from '../../io/installed-sources.js';
import { readPackage } from '../../io/read-package.js';
import type { CliContext } from '../context.js';
import { scopeOptionsSchema, targetOf } from '../scope.js';
import { checkInstalledName } from './agent-names.js';
import { runLifecycle } from './lifecycle.js';

const optionsSchema = scopeOptionsSchema.extend({ force: z.boolean().default(false), dryRun: z.boolean().default(false) });

/** `update [agent…]`: rewrite unmodified installed agents whose package render changed; edited ones are skipped. */
export async function runUpdate(options: { agents: string[]; raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx, agents } = options;
  const opts = optionsSchema.parse(options.raw);
  const target = targetOf(opts, ctx);
  const pack = await readPackage();
  const { catalog } = pack;
  const load = () => withInstalledSources({ pkg: pack.pkg, dir: target.dir, cwd: ctx.cwd, agents });
  const { pkg, manifestText } = await load();
  await runLifecycle({
    ctx,
    command: 'update',
    target,
    pkg,
    agents: [...pkg.agents.keys()],
    dryRun: opts.dryRun,
    force: opts.force,
    plan: (input) => planUpdate({ input, agents: agents.map((name) => checkInstalledName({ name, catalog, manifest: input.manifest })) }),
    sources: { manifestText, reload: async () => (await load()).pkg },
    forceArgs: ['update', ...agents, '--force'],
  });
}
