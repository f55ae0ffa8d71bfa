import { createTwoFilesPatch } from 'diff';
import { readFile } from 'node:fs/promises';
import { agentFilePath } from '../../core/agent/name.js';
import { AgentpackError } from '../../core/errors.js';
import { catalogLocales, findAgent, findVariant, renderVariant } from '../../core/catalog/lookup.js';
import { assessInstallation } from '../../core/plan/installation.js';
import { resolveAgentLocale } from '../../core/plan/choose-locale.js';
import { readPackage } from '../../io/package/read-package.js';
import { readTargetState } from '../../io/target/state.js';
import { printDiff } from '../../ui/diff-report.js';
import type { CliContext } from '../program/context.js';
import { parseOptions } from '../program/options.js';
import { commandLine } from '../../core/hints.js';
import { SCOPE_OPTIONS, targetOf } from '../program/scope.js';
import { recordedFolderAgent } from '../flows/recorded-source.js';
import { renderPackage } from '../../core/plan/renders.js';

const OPTIONS = { ...SCOPE_OPTIONS, locale: 'text' } as const;

/**
 * `diff <agent>`: unified diff from the installed file to what agentpack would write for it from its source —
 * the folder the manifest records for an agent installed from a folder, else the package — in the installed
 * locale unless --locale (or AGENTPACK_LOCALE) says otherwise. No difference prints a line saying so.
 */
export async function runDiff(options: { agent: string; raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx } = options;
  const opts = parseOptions({ raw: options.raw, spec: OPTIONS, ctx });
  const target = targetOf(opts, ctx);
  const recorded = await recordedFolderAgent({ ctx, target, agent: options.agent, tolerant: false });
  const pack = await readPackage();
  const catalog = recorded ? recorded.scan.catalog : pack.catalog;
  const agent = findAgent(catalog, options.agent);
  // Only this agent's renders (to tell its state), not every agent of the folder.
  const pkg = recorded ? renderPackage({ catalog: { ...catalog, agents: new Map([[agent.name, agent]]) }, version: pack.pkg.version }) : pack.pkg;
  const state = await readTargetState({ dir: target.dir, agents: [agent.name], scan: false });
  const file = state.files.get(agent.name) ?? { kind: 'missing' as const };
  const path = agentFilePath({ dir: target.dir, name: agent.name });
  if (file.kind === 'missing') {
    throw new AgentpackError({
      code: 'NOT_INSTALLED',
      params: { agent: agent.name, dir: target.dir, command: commandLine({ args: ['install', agent.name], target }) },
    });
  }
  const inst = assessInstallation({ agent: agent.name, entry: state.manifest.agents[agent.name], file, pkg: pkg.agents.get(agent.name) });
  const { locale } = resolveAgentLocale({ flag: opts.locale, env: ctx.env, installed: inst.locale ?? undefined, messageLang: ctx.messages.lang });
  const expected = renderVariant(findVariant({ agent, locale, knownLocales: catalogLocales(catalog) }));
  const installed = file.kind === 'file' ? await readFile(path, 'utf8') : '';
  const newLabel = ctx.messages.named(commandLine({ args: ['show', agent.name, '--locale', locale], target }));
  const patch = installed === expected ? '' : createTwoFilesPatch(path, newLabel, installed, expected, undefined, undefined, { context: 3 });
  printDiff({ ctx, agent: agent.name, path, locale, state: inst.state, patch, source: recorded?.source });
}
