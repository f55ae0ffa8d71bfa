import { sourceFlags } from '../../core/hints.js';
import { catalogLocales, unknownLocale } from '../../core/catalog/lookup.js';
import { matchTag } from '../../core/catalog/locale-tag.js';
import { assessAgent, installedAgents, planSwitch } from '../../core/plan/plan.js';
import { agentPath } from '../../core/plan/installation.js';
import { readPackage } from '../../io/package/read-package.js';
import { planInputOf, readTargetState } from '../../io/target/state.js';
import { toolExt } from '../../core/tools/folders.js';
import type { Target } from '../../io/target/resolve.js';
import type { PackageRenders } from '../../core/plan/renders.js';
import { printLocaleTable } from '../../ui/locale-report.js';
import type { CliContext } from '../program/context.js';
import { parseOptions } from '../program/options.js';
import { SCOPE_OPTIONS, TOOL_OPTIONS, targetOf } from '../program/scope.js';
import { checkInstalledName } from '../flows/agent-names.js';
import { sourcesForRun } from '../flows/sources-for-run.js';
import { runLifecycle } from '../flows/lifecycle.js';
import { requireFromForPick, SOURCE_OPTIONS } from '../flows/load-source.js';

const OPTIONS = { ...SCOPE_OPTIONS, ...TOOL_OPTIONS, ...SOURCE_OPTIONS, force: 'switch', dryRun: 'switch' } as const;

/** `locale <l> [agent…]`: switch installed agents; `locale` alone prints each installed agent's locale. */
export async function runLocale(options: { locale: string | undefined; agents: string[]; raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx, agents } = options;
  let { locale } = options;
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
    retry: (agent) => ['locale', locale ?? '', agent],
    localeFor: (_agent, installed) => locale ?? installed ?? '',
  });
  const { pkg, locales: sourceLocales } = sources;
  const run = sources.agents ?? [];
  if (locale === undefined) {
    await printInstalledLocales({ ctx, target, pkg });
    return;
  }
  const known = [...new Set([...catalogLocales(catalog), ...sourceLocales])];
  // A tag in any case names a known language (`zh-cn` is `zh-CN`).
  locale = matchTag(locale, known) ?? locale;
  if (!known.includes(locale)) throw unknownLocale({ locale, knownLocales: known });
  await runLifecycle({
    ctx,
    target,
    pkg,
    agents: [...pkg.agents.keys()],
    dryRun: opts.dryRun,
    force: opts.force,
    plan: (input) =>
      planSwitch({
        input,
        locale,
        agents: run.map((name) => (from !== undefined ? name : checkInstalledName({ name, catalog, manifest: input.manifest, target }))),
      }),
    ...(sources.sources ? { sources: sources.sources } : {}),
    // One locale, named for every agent: nothing to say where it came from, but the others can be offered.
    report: {
      command: 'locale',
      commandWords: ['locale', locale],
      locale,
      forceArgs: ['locale', locale, ...agents, ...sourceFlags({ from, picks: pick }), '--force'],
      chosen: [],
      source: sources.source,
      ...(from !== undefined ? { from } : {}),
    },
  });
}

async function printInstalledLocales(options: { ctx: CliContext; target: Target; pkg: PackageRenders }): Promise<void> {
  const { ctx, target } = options;
  // Another tool's folder holds the converted files: compared with the renders converted for that tool.
  const tool = target.tool;
  const pkg = tool === undefined ? options.pkg : (await import('../flows/tool-renders.js')).rendersForTool({ pkg: options.pkg, tool });
  const state = await readTargetState({ dir: target.dir, agents: pkg.agents.keys(), ...(tool === undefined ? {} : { ext: toolExt(tool) }) });
  const input = planInputOf({ state, pkg });
  const rows = installedAgents(input).map((agent) => {
    const inst = assessAgent(input, agent);
    return { agent, locale: inst.locale, state: inst.state, path: agentPath({ dir: target.dir, inst }) };
  });
  printLocaleTable({ ctx, target, rows });
}
