import { installNameProblem, MAX_AGENT_NAME_LENGTH, previewName } from '../../core/agent/name.js';
import { AgentpackError } from '../../core/errors.js';
import { isGitSourceWord } from '../../core/catalog/git-spec.js';
import { commandLine, shellWord } from '../../core/hints.js';
import { catalogLocales, findVariant } from '../../core/catalog/lookup.js';
import { planInstall } from '../../core/plan/plan.js';
import { matchTag } from '../../core/catalog/locale-tag.js';
import { choiceFor, installedLocale, packageRequest } from '../../core/plan/locale-request.js';
import { withRenamedAgent } from '../../core/plan/rename.js';
import { readPackage } from '../../io/package/read-package.js';
import { isOneFileSource } from '../../io/source/one-file.js';
import type { CliContext } from '../program/context.js';
import { parseOptions } from '../program/options.js';
import { SCOPE_OPTIONS, TOOL_OPTIONS, targetOf } from '../program/scope.js';
import { checkPackageName } from '../flows/agent-names.js';
import { runLifecycle } from '../flows/lifecycle.js';
import { requireFromForPick, SOURCE_OPTIONS } from '../flows/load-source.js';

const OPTIONS = { ...SCOPE_OPTIONS, ...TOOL_OPTIONS, ...SOURCE_OPTIONS, all: 'flag', locale: 'text', as: 'value', force: 'switch', dryRun: 'switch' } as const;

/** `--as <name>`: one agent only (`named`: how many the line names; `--from <file>` names one), and a name agentpack installs (USAGE, exit 2, otherwise). */
function checkAs(options: { as: string | undefined; named: number; all: boolean; ctx: CliContext }): string | undefined {
  const { as, ctx } = options;
  if (as === undefined) return undefined;
  if (options.all || options.named !== 1) throw new AgentpackError({ code: 'USAGE', params: { detail: ctx.messages.t('usage.asOneAgent') }, exitCode: 2 });
  if (installNameProblem(as) !== undefined)
    throw new AgentpackError({
      code: 'USAGE',
      params: { detail: ctx.messages.t('usage.asName', { name: previewName(as), limit: MAX_AGENT_NAME_LENGTH }) },
      exitCode: 2,
    });
  return as;
}

/** `install <agent…>` / `--all`: write each agent's variant; an installed one in another locale is switched. */
export async function runInstall(options: { agents: string[]; raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx } = options;
  const parsed = parseOptions({ raw: options.raw, spec: OPTIONS, ctx });
  // `agentpack add github:owner/repo [agent…]`: a first word that is unmistakably a repository is the source.
  const [first, ...rest] = options.agents;
  const positional = first !== undefined && isGitSourceWord(first);
  if (positional && parsed.from !== undefined)
    throw new AgentpackError({ code: 'USAGE', params: { detail: ctx.messages.t('usage.conflictingOption', { option: first, other: '--from' }) }, exitCode: 2 });
  const opts = positional ? { ...parsed, from: first } : parsed;
  const agents = positional ? rest : options.agents;
  if (opts.all && agents.length > 0) throw new AgentpackError({ code: 'USAGE', params: { detail: ctx.messages.t('usage.agentsAndAll') }, exitCode: 2 });
  // `--plugin <p>` alone names its agents: every agent of that plugin; `--from <file>` alone, the agent it defines.
  const oneFile = agents.length === 0 && (await isOneFileSource({ from: opts.from, cwd: ctx.cwd }));
  if (!opts.all && agents.length === 0 && opts.plugin === undefined && !oneFile) {
    const detail =
      opts.from === undefined
        ? ctx.messages.t('usage.agentsOrAll')
        : ctx.messages.t('usage.agentsOrAllFrom', { from: shellWord(opts.from), command: commandLine({ args: ['list'], from: opts.from }) });
    throw new AgentpackError({ code: 'USAGE', params: { detail }, exitCode: 2 });
  }
  const as = checkAs({ as: opts.as, named: oneFile ? 1 : agents.length, all: opts.all ?? false, ctx });
  const target = targetOf(opts, ctx);
  requireFromForPick({ from: opts.from, pick: opts.pick, plugin: opts.plugin, ctx });
  if (opts.from !== undefined) {
    const { runInstallFrom } = await import('./install-from.js');
    await runInstallFrom({
      ctx,
      target,
      agents,
      from: opts.from,
      pick: opts.pick,
      plugin: opts.plugin,
      all: opts.all ?? false,
      locale: opts.locale,
      as,
      force: opts.force,
      dryRun: opts.dryRun,
    });
    return;
  }
  const { catalog, pkg: own } = await readPackage();
  const names = opts.all ? [...catalog.agents.keys()] : agents.map((name) => checkPackageName({ name, catalog }));
  const known = catalogLocales(catalog);
  // A tag in any case names the catalog's language (`zh-cn` is `zh-CN`).
  const flagLocale = opts.locale === undefined ? undefined : (matchTag(opts.locale, known) ?? opts.locale);
  if (flagLocale !== undefined) for (const name of names) findVariant({ agent: catalog.agents.get(name)!, locale: flagLocale, knownLocales: known });

  // Decided once, before planning: the planner may run again under the lock and must give the same answer.
  // With --as, the one request is for the new name; its variants are the original's.
  const pkg = withRenamedAgent({ pkg: own, agent: names[0] ?? '', as });
  const catalogName = new Map(names.map((name) => [as ?? name, name]));
  const requests = names.map((name) => ({
    ...packageRequest({ agent: catalog.agents.get(name)!, flag: flagLocale, env: ctx.env, messageLang: ctx.messages.lang }),
    agent: as ?? name,
  }));
  await runLifecycle({
    ctx,
    target,
    pkg,
    agents: [...catalogName.keys()],
    dryRun: opts.dryRun,
    force: opts.force,
    plan: (input) =>
      planInstall({
        input,
        requests: requests.map((request) => {
          const { locale } = choiceFor(request, installedLocale(input, request.agent));
          // A named locale the agent lacks is refused here (LOCALE_UNKNOWN / LOCALE_UNAVAILABLE); a fallback never is.
          if (request.from !== 'lang') findVariant({ agent: catalog.agents.get(catalogName.get(request.agent) ?? '')!, locale, knownLocales: known });
          return { agent: request.agent, locale };
        }),
      }),
    report: {
      command: 'install',
      commandWords: ['install'],
      forceArgs: [
        'install',
        ...(opts.all ? ['--all'] : agents),
        ...(flagLocale !== undefined ? ['--locale', flagLocale] : []),
        ...(as !== undefined ? ['--as', as] : []),
        '--force',
      ],
      chosen: requests,
    },
  });
}
