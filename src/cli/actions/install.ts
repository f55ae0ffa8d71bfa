import { CANONICAL_LOCALE } from '../../core/catalog/catalog.js';
import { AgentpackError } from '../../core/errors.js';
import { catalogLocales, findVariant } from '../../core/catalog/lookup.js';
import { assessAgent, planInstall } from '../../core/plan/plan.js';
import { resolveAgentLocale } from '../../core/plan/choose-locale.js';
import { readPackage } from '../../io/package/read-package.js';
import type { CliContext } from '../program/context.js';
import { parseOptions } from '../program/options.js';
import { SCOPE_OPTIONS, targetOf } from '../program/scope.js';
import { checkPackageName } from '../flows/agent-names.js';
import { runLifecycle } from '../flows/lifecycle.js';
import { requireFromForPick, SOURCE_OPTIONS } from '../flows/load-source.js';

const OPTIONS = { ...SCOPE_OPTIONS, ...SOURCE_OPTIONS, all: 'flag', locale: 'text', force: 'switch', dryRun: 'switch' } as const;

/** `install <agent…>` / `--all`: write each agent's variant; an installed one in another locale is switched. */
export async function runInstall(options: { agents: string[]; raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx } = options;
  const opts = parseOptions({ raw: options.raw, spec: OPTIONS, ctx });
  if (opts.all && options.agents.length > 0) throw new AgentpackError({ code: 'USAGE', params: { detail: ctx.messages.t('usage.agentsAndAll') }, exitCode: 2 });
  if (!opts.all && options.agents.length === 0) throw new AgentpackError({ code: 'USAGE', params: { detail: ctx.messages.t('usage.agentsOrAll') }, exitCode: 2 });
  const target = targetOf(opts, ctx);
  requireFromForPick({ from: opts.from, pick: opts.pick, ctx });
  if (opts.from !== undefined) {
    const { runInstallFrom } = await import('./install-from.js');
    await runInstallFrom({ ctx, target, agents: options.agents, from: opts.from, pick: opts.pick, all: opts.all ?? false, locale: opts.locale, force: opts.force, dryRun: opts.dryRun });
    return;
  }
  const { catalog, pkg } = await readPackage();
  const names = opts.all ? [...catalog.agents.keys()] : options.agents.map((name) => checkPackageName({ name, catalog }));
  const known = catalogLocales(catalog);
  if (opts.locale !== undefined) for (const name of names) findVariant({ agent: catalog.agents.get(name)!, locale: opts.locale, knownLocales: known });

  const sources = new Map<string, { locale: string; from: string }>();
  const chooseLocale = (agent: string, installed: string | undefined): string => {
    const choice = resolveAgentLocale({ flag: opts.locale, env: ctx.env, installed, messageLang: ctx.messages.lang });
    const catalogAgent = catalog.agents.get(agent)!;
    let locale = choice.locale;
    if (!catalogAgent.variants.has(locale) && (choice.from === 'installed' || choice.from === 'lang')) locale = CANONICAL_LOCALE;
    else findVariant({ agent: catalogAgent, locale, knownLocales: known });
    sources.set(agent, { locale, from: choice.from });
    return locale;
  };
  await runLifecycle({
    ctx,
    command: 'install',
    target,
    pkg,
    agents: names,
    dryRun: opts.dryRun,
    force: opts.force,
    plan: (input) =>
      planInstall({
        input,
        requests: names.map((agent) => {
          const inst = assessAgent(input, agent);
          const installed = inst.state === 'none' || inst.state === 'foreign' ? undefined : (inst.locale ?? undefined);
          return { agent, locale: chooseLocale(agent, installed) };
        }),
      }),
    forceArgs: ['install', ...(opts.all ? ['--all'] : options.agents), ...(opts.locale !== undefined ? ['--locale', opts.locale] : []), '--force'],
    notes: () => {
      const from = new Set([...sources.values()].filter((s) => s.from === 'lang' || s.from === 'env').map((s) => `${s.from}:${s.locale}`));
      return [...from].map((key) => {
        const [source, locale] = key.split(':') as [string, string];
        return ctx.messages.t(source === 'env' ? 'install.localeFrom.env' : 'install.localeFrom.lang', { locale });
      });
    },
  });
}
