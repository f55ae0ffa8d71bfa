import { isSafeAgentName, MAX_AGENT_NAME_LENGTH, previewName } from '../../core/agent/name.js';
import { CANONICAL_LOCALE } from '../../core/catalog/catalog.js';
import { AgentpackError } from '../../core/errors.js';
import { findAgent, findVariant, renderWarnings } from '../../core/catalog/lookup.js';
import { assessAgent, planInstall } from '../../core/plan/plan.js';
import { resolveAgentLocale } from '../../core/plan/choose-locale.js';
import { commandLine, pickCommand, sourceFlags, type CommandLine } from '../../core/hints.js';
import { assertUnambiguous, conflictFor } from '../../core/catalog/conflicts.js';
import { renderSource } from '../../core/plan/folder-renders.js';
import { packageInfo } from '../../io/package/root.js';
import type { Target } from '../../io/target/resolve.js';
import { formatDiagnostic } from '../../ui/diagnostics.js';
import { printSourceProblems } from '../../ui/source-report.js';
import { sanitizeForTerminal } from '../../ui/style.js';
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
  force: boolean;
  dryRun: boolean;
}

/**
 * `install --from <path>`: the agents of a folder (or file) with the package's planner, ownership rules and
 * atomic apply. A conflict or a non-portable name is refused; with `--all` the rest is installed, each refusal
 * listed with the command that resolves it, and the run exits 1.
 */
export async function runInstallFrom(options: InstallFromOptions): Promise<void> {
  const { ctx, target, from, pick } = options;
  const { t } = ctx.messages;
  const scan = await loadSource({ from, pick, ctx });
  printSourceProblems({ scan, ctx });
  const pkg = renderSource({ catalog: scan.catalog, version: packageInfo().version, from, root: scan.root, single: scan.single, picks: scan.picks, fingerprint: scan.fingerprint });
  const wanted = resolveAgentLocale({ flag: options.locale, env: ctx.env, messageLang: ctx.messages.lang }).locale;
  const localeArgs = options.locale !== undefined ? ['--locale', options.locale] : [];
  const retryFor = (agent: string): CommandLine => ({ args: ['install', agent, ...localeArgs], target, from });
  const refused: string[] = [];
  const refusedJson: Record<string, unknown>[] = [];
  let names: string[];
  if (options.all) {
    names = [];
    for (const conflict of scan.conflicts) {
      const command = pickCommand({ retry: retryFor(conflict.name), path: conflict.paths[0] ?? '' });
      const locale = conflict.locale ?? CANONICAL_LOCALE;
      refused.push(t('install.from.conflict', { agent: sanitizeForTerminal(conflict.name), locale, paths: sanitizeForTerminal(conflict.paths.join(', ')), command: sanitizeForTerminal(command) }));
      refusedJson.push({ code: 'AGENT_AMBIGUOUS', agent: conflict.name, locale, paths: conflict.paths, commands: conflict.paths.map((path) => ctx.messages.named(pickCommand({ retry: retryFor(conflict.name), path }))) });
    }
    for (const agent of scan.catalog.agents.values()) {
      if (!isSafeAgentName(agent.name)) {
        const path = [...agent.variants.values()][0]?.relPath ?? '';
        refused.push(t('install.from.notPortable', { agent: sanitizeForTerminal(previewName(agent.name)), path: sanitizeForTerminal(path), limit: MAX_AGENT_NAME_LENGTH }));
        refusedJson.push({ code: 'AGENT_NAME_NOT_PORTABLE', agent: agent.name, paths: [path], commands: [] });
        continue;
      }
      if (conflictFor({ scan, agent: agent.name, locale: wanted })) continue;
      names.push(agent.name);
    }
  } else {
    names = options.agents.map((name) => {
      assertUnambiguous({ scan, agent: name, locale: wanted, retry: retryFor(name) });
      const agent = findAgent(scan.catalog, name);
      if (!isSafeAgentName(agent.name)) {
        throw new AgentpackError({ code: 'AGENT_NAME_NOT_PORTABLE', params: { agent: previewName(agent.name), path: [...agent.variants.values()][0]?.relPath ?? '', limit: MAX_AGENT_NAME_LENGTH, command: commandLine({ args: ['validate'], from }) } });
      }
      return agent.name;
    });
  }
  const chosen = new Map<string, string>();
  const missing = new Map<string, string>();
  const chooseLocale = (agent: string, installed: string | undefined): string => {
    const catalogAgent = scan.catalog.agents.get(agent)!;
    const choice = resolveAgentLocale({ flag: options.locale, env: ctx.env, installed, messageLang: ctx.messages.lang });
    let locale = choice.locale;
    const broken = catalogAgent.variants.get(locale);
    if (broken && !pkg.agents.get(agent)?.renders.has(locale)) {
      // A translation that does not load (reported above): the agent is installed in its own language.
      missing.set(agent, t('install.from.invalidLocale', { agent, locale, path: sanitizeForTerminal(broken.relPath) }));
      locale = CANONICAL_LOCALE;
    } else if (!catalogAgent.variants.has(locale)) {
      // A translation the folder lacks: the agent is installed in its own language, and that is reported.
      if (choice.from === 'flag' || choice.from === 'env') missing.set(agent, t('install.from.missingLocale', { agent, locale, path: sanitizeForTerminal([...catalogAgent.variants.values()][0]?.relPath ?? '') }));
      locale = catalogAgent.variants.has(CANONICAL_LOCALE) ? CANONICAL_LOCALE : ([...catalogAgent.variants.keys()][0] ?? CANONICAL_LOCALE);
    }
    findVariant({ agent: catalogAgent, locale, knownLocales: [locale] });
    chosen.set(agent, locale);
    return locale;
  };
  if (refused.length > 0 && !ctx.json) ctx.stderr.write(`${[t('install.from.refused', { count: refused.length }), ...refused.map((l) => `  ${l}`)].join('\n')}\n`);
  await runLifecycle({
    ctx,
    command: 'install',
    target,
    pkg,
    agents: names,
    dryRun: options.dryRun,
    force: options.force,
    plan: (input) =>
      planInstall({
        input,
        requests: names.map((agent) => {
          const inst = assessAgent(input, agent);
          const installed = inst.state === 'none' || inst.state === 'foreign' ? undefined : (inst.locale ?? undefined);
          return { agent, locale: chooseLocale(agent, installed) };
        }),
      }),
    ...(options.all ? { refused: refusedJson } : {}),
    forceArgs: ['install', ...(options.all ? ['--all'] : options.agents), ...localeArgs, ...sourceFlags({ from, picks: pick }), '--force'],
  });
  if (!ctx.json) {
    const lines: string[] = [...missing.values()];
    for (const [agent, locale] of chosen) {
      const variant = scan.catalog.agents.get(agent)?.variants.get(locale);
      const warnings = variant ? renderWarnings(variant) : [];
      if (variant && warnings.length > 0) lines.push(ctx.style.bold(sanitizeForTerminal(variant.relPath)), ...warnings.map((d) => formatDiagnostic(d, ctx)));
    }
    if (lines.length > 0) ctx.stderr.write(`${lines.join('\n')}\n`);
  }
  if (refused.length > 0) ctx.exitCode = 1;
}
