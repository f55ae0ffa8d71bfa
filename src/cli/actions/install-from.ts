import { isInstallableName, MAX_AGENT_NAME_LENGTH, previewName } from '../../core/agent/name.js';
import { AgentpackError } from '../../core/errors.js';
import { findAgent, findVariant } from '../../core/catalog/lookup.js';
import { planInstall } from '../../core/plan/plan.js';
import { resolveAgentLocale } from '../../core/plan/choose-locale.js';
import { choiceFor, folderRequest, installedLocale } from '../../core/plan/locale-request.js';
import { commandLine, sourceFlags, type CommandLine } from '../../core/hints.js';
import { assertUnambiguous, conflictFor } from '../../core/catalog/conflicts.js';
import { renderSource } from '../../core/plan/folder-renders.js';
import { withRenamedAgent } from '../../core/plan/rename.js';
import { packageInfo } from '../../io/package/root.js';
import type { Target } from '../../io/target/resolve.js';
import { printRefused, type RefusedAgent } from '../../ui/install-report.js';
import { printSourceProblems } from '../../ui/source-report.js';
import type { CliContext } from '../program/context.js';
import { runLifecycle } from '../flows/lifecycle.js';
import { loadSource } from '../flows/load-source.js';

export interface InstallFromOptions {
  ctx: CliContext;
  target: Target;
  agents: string[];
  from: string;
  pick: string[];
  all: boolean;
  locale: string | undefined;
  /** `--as`: the name to install the one agent under (checked by the caller). */
  as?: string | undefined;
  force: boolean;
  dryRun: boolean;
}

/**
 * `install --from <path>`: the agents of a folder (or file) with the package's planner, ownership rules and
 * atomic apply. A conflict or a name Claude Code skips is refused; with `--all` the rest is installed, each refusal
 * listed with the command that resolves it, and the run exits 1.
 */
export async function runInstallFrom(options: InstallFromOptions): Promise<void> {
  const { ctx, target, from, pick, as } = options;
  const scan = await loadSource({ from, pick, ctx });
  printSourceProblems({ scan, ctx });
  const rendered = renderSource({
    catalog: scan.catalog,
    version: packageInfo().version,
    from,
    root: scan.root,
    single: scan.single,
    picks: scan.picks,
    fingerprint: scan.fingerprint,
  });
  const wanted = resolveAgentLocale({ flag: options.locale, env: ctx.env, messageLang: ctx.messages.lang }).locale;
  const localeArgs = options.locale !== undefined ? ['--locale', options.locale] : [];
  const asArgs = as !== undefined ? ['--as', as] : [];
  const retryFor = (agent: string): CommandLine => ({ args: ['install', agent, ...localeArgs, ...asArgs], target, from });
  const refused: RefusedAgent[] = [];
  let names: string[];
  if (options.all) {
    names = [];
    for (const conflict of scan.conflicts) refused.push({ code: 'AGENT_AMBIGUOUS', conflict, retry: retryFor(conflict.name) });
    for (const agent of scan.catalog.agents.values()) {
      if (!isInstallableName(agent.name)) {
        refused.push({ code: 'AGENT_NAME_NOT_PORTABLE', agent: agent.name, path: [...agent.variants.values()][0]?.relPath ?? '' });
        continue;
      }
      if (conflictFor({ scan, agent: agent.name, locale: wanted })) continue;
      names.push(agent.name);
    }
  } else {
    names = options.agents.map((name) => {
      assertUnambiguous({ scan, agent: name, locale: wanted, retry: retryFor(name) });
      const agent = findAgent(scan.catalog, name);
      if (!isInstallableName(agent.name)) {
        throw new AgentpackError({
          code: 'AGENT_NAME_NOT_PORTABLE',
          params: {
            agent: previewName(agent.name),
            path: [...agent.variants.values()][0]?.relPath ?? '',
            limit: MAX_AGENT_NAME_LENGTH,
            command: commandLine({ args: ['validate'], from }),
          },
        });
      }
      return agent.name;
    });
  }
  // With --as, the one agent is planned under the new name; its variants are the original's.
  const pkg = withRenamedAgent({ pkg: rendered, agent: names[0] ?? '', as });
  const catalogName = new Map(names.map((agent) => [as ?? agent, agent]));
  // Decided once, before planning: the planner may run again under the lock and must give the same answer.
  const requests = names.map((agent) => ({
    ...folderRequest({
      agent: scan.catalog.agents.get(agent)!,
      loads: (l) => rendered.agents.get(agent)?.renders.has(l) ?? false,
      flag: options.locale,
      env: ctx.env,
      messageLang: ctx.messages.lang,
    }),
    agent: as ?? agent,
  }));
  printRefused({ ctx, refused });
  await runLifecycle({
    ctx,
    target,
    pkg,
    agents: [...catalogName.keys()],
    dryRun: options.dryRun,
    force: options.force,
    plan: (input) =>
      planInstall({
        input,
        requests: requests.map((request) => {
          const { locale } = choiceFor(request, installedLocale(input, request.agent));
          // Refused when even the fallback is not there (LOCALE_UNAVAILABLE).
          findVariant({ agent: scan.catalog.agents.get(catalogName.get(request.agent) ?? '')!, locale, knownLocales: [locale] });
          return { agent: request.agent, locale };
        }),
      }),
    report: {
      command: 'install',
      commandWords: ['install'],
      forceArgs: ['install', ...(options.all ? ['--all'] : options.agents), ...localeArgs, ...asArgs, ...sourceFlags({ from, picks: pick }), '--force'],
      chosen: requests,
      ...(options.all ? { refused } : {}),
    },
  });
}
