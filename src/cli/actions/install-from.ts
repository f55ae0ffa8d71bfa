import { isInstallableName, MAX_AGENT_NAME_LENGTH, previewName } from '../../core/agent/name.js';
import { CANONICAL_LOCALE, canonicalVariant, sortedLocales } from '../../core/catalog/catalog.js';
import { AgentpackError } from '../../core/errors.js';
import { catalogLocales, findAgent, findVariant } from '../../core/catalog/lookup.js';
import { planInstall } from '../../core/plan/plan.js';
import { resolveAgentLocale } from '../../core/plan/choose-locale.js';
import { matchTag } from '../../core/catalog/locale-tag.js';
import { choiceFor, folderRequest, installedLocale } from '../../core/plan/locale-request.js';
import { withRenamedAgent } from '../../core/plan/rename.js';
import { commandLine, sourceFlags, type CommandLine } from '../../core/hints.js';
import { assertUnambiguous, conflictFor, describeConflict } from '../../core/catalog/conflicts.js';
import { renderSource } from '../../core/plan/folder-renders.js';
import { assertNotSkipped, assertSelected, selectionOf } from '../../core/catalog/select.js';
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
  /** `--as`: the name to install the one agent under (checked by the caller). */
  as?: string | undefined;
  plugin: string | undefined;
  all: boolean;
  locale: string | undefined;
  force: boolean;
  dryRun: boolean;
}

/**
 * `install --from <path>`: the agents of a folder (or file) with the package's planner, ownership rules and
 * atomic apply. Agents are named bare, as `<plugin>:<name>`, or all of `--plugin <plugin>` (choices that
 * become picks, so the manifest records them as such). A conflict in the language asked for, or a non-portable
 * name, is refused; with `--all` (or a plugin) the rest is installed, each refusal listed with the command
 * that resolves it, and the run exits 1. A conflict between translations into another language blocks nothing,
 * and an agent without the language named by --locale (a Japanese-only agent asked for in English) is left out
 * with a note.
 */
export async function runInstallFrom(options: InstallFromOptions): Promise<void> {
  const { ctx, target, from, pick, as } = options;
  const select = selectionOf({ agents: options.all ? [] : options.agents, plugin: options.plugin });
  const scan = await loadSource({ from, pick, ctx, refresh: 'always', ...(select ? { select } : {}) });
  assertSelected({ selection: scan.selection, from, skipped: scan.skipped });
  const rendered = renderSource({
    catalog: scan.catalog,
    version: packageInfo().version,
    from,
    root: scan.root,
    single: scan.single,
    picks: scan.picks,
    fingerprint: scan.fingerprint,
    git: scan.git,
  });
  // A tag in any case names the folder's language (`zh-cn` is `zh-CN`).
  if (options.locale !== undefined) options = { ...options, locale: matchTag(options.locale, catalogLocales(scan.catalog)) ?? options.locale };
  const wanted = resolveAgentLocale({ flag: options.locale, env: ctx.env, messageLang: ctx.messages.lang }).locale;
  const localeArgs = options.locale !== undefined ? ['--locale', options.locale] : [];
  const asArgs = as !== undefined ? ['--as', as] : [];
  const retryFor = (agent: string): CommandLine => ({ args: ['install', agent, ...localeArgs, ...asArgs], target, from });
  const refused: RefusedAgent[] = [];
  const every = options.all || options.agents.length === 0;
  let names: string[];
  if (every) {
    // Every agent of the folder, or of the plugin chosen.
    const plugin = options.plugin;
    const inPlugin = (paths: readonly string[]): boolean =>
      plugin === undefined || paths.some((p) => scan.files.find((f) => f.relPath === p)?.plugin === plugin);
    names = [];
    for (const conflict of scan.conflicts) {
      if ((conflict.locale === undefined || conflict.locale === wanted) && inPlugin(conflict.paths)) {
        refused.push({ code: 'AGENT_AMBIGUOUS', conflict: describeConflict({ scan, conflict }), retry: retryFor(conflict.name) });
      }
    }
    // A name Claude Code rejects is never installed: told like a name that cannot be a file name.
    if (plugin === undefined) for (const skipped of scan.skipped) refused.push({ code: 'AGENT_NAME_NOT_PORTABLE', agent: skipped.name, path: skipped.relPath });
    const chosen = scan.selection ? new Set(scan.selection.names) : undefined;
    for (const agent of scan.catalog.agents.values()) {
      if (chosen && !chosen.has(agent.name)) continue;
      const path = canonicalVariant(agent)?.relPath ?? [...agent.variants.values()][0]?.relPath ?? '';
      if (!isInstallableName(agent.name)) {
        refused.push({ code: 'AGENT_NAME_NOT_PORTABLE', agent: agent.name, path });
        continue;
      }
      if (conflictFor({ scan, agent: agent.name, locale: wanted })) continue;
      // English stands in for a missing translation; nothing stands in for English (or another named locale) in a
      // Japanese-only agent: "all, in English" leaves it out, and says so, without failing the run.
      if (options.locale !== undefined && !agent.variants.has(options.locale) && agent.canonical !== CANONICAL_LOCALE) {
        const retry = { args: ['install', agent.name], target, from };
        refused.push({ code: 'LOCALE_UNAVAILABLE', agent: agent.name, locale: options.locale, available: sortedLocales(agent), path, retry });
        continue;
      }
      names.push(agent.name);
    }
  } else {
    names = (scan.selection?.names ?? options.agents).map((name) => {
      if (!scan.catalog.agents.has(name)) assertNotSkipped({ name, skipped: scan.skipped, from });
      assertUnambiguous({ scan, agent: name, locale: wanted, retry: retryFor(name) });
      const agent = findAgent(scan.catalog, name, { args: ['list'], from });
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
  // A run of several agents ends on a summary that counts the folder's problems; one agent's run prints them.
  const grouped = names.length + refused.length > 1 ? commandLine({ args: ['validate'], from }) : undefined;
  const source = printSourceProblems({ scan, ctx, ...(grouped !== undefined ? { grouped } : {}) });
  printRefused({ ctx, refused });
  const named = options.all ? ['--all'] : options.agents;
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
          findVariant({
            agent: scan.catalog.agents.get(catalogName.get(request.agent) ?? '')!,
            locale,
            knownLocales: [locale],
            list: { args: ['list'], from },
          });
          return { agent: request.agent, locale };
        }),
      }),
    report: {
      command: 'install',
      commandWords: ['install'],
      forceArgs: [
        'install',
        ...named,
        ...(options.plugin === undefined ? [] : ['--plugin', options.plugin]),
        ...localeArgs,
        ...asArgs,
        ...sourceFlags({ from, picks: pick }),
        '--force',
      ],
      chosen: requests,
      ...(every ? { refused } : {}),
      source,
      from,
    },
  });
}
