import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
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

const OPTIONS = { ...SCOPE_OPTIONS, locale: 'text' } as const;

/**
 * `diff <agent>`: unified diff from what the package would write for it (`---`) to the installed file (`+++`),
 * so that what the user added reads `+`, as `git diff` shows an edit — in the installed locale unless --locale
 * (or AGENTPACK_LOCALE) says otherwise. No difference prints a line saying so. Exit 1 when they differ, as diff does.
 */
export async function runDiff(options: { agent: string; raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx } = options;
  const opts = parseOptions({ raw: options.raw, spec: OPTIONS, ctx });
  const target = targetOf(opts, ctx);
  const { catalog, pkg } = await readPackage();
  const agent = findAgent(catalog, options.agent);
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
  const packageLabel = ctx.messages.named(commandLine({ args: ['show', agent.name, '--locale', locale], target }));
  const patch =
    installed === expected
      ? ''
      : createTwoFilesPatch(packageLabel, path, expected, installed, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
  ctx.exitCode = printDiff({ ctx, agent: agent.name, path, locale, state: inst.state, patch });
}
