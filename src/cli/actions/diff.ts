import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { readFile } from 'node:fs/promises';
import { AgentpackError } from '../../core/errors.js';
import { catalogLocales, findAgent, findVariant, renderVariant } from '../../core/catalog/lookup.js';
import { agentPath, assessInstallation } from '../../core/plan/installation.js';
import { resolveAgentLocale } from '../../core/plan/choose-locale.js';
import { withRenamedAgent } from '../../core/plan/rename.js';
import { readPackage } from '../../io/package/read-package.js';
import { readTargetState } from '../../io/target/state.js';
import { printDiff } from '../../ui/diff-report.js';
import type { CliContext } from '../program/context.js';
import { parseOptions } from '../program/options.js';
import { commandLine } from '../../core/hints.js';
import { SCOPE_OPTIONS, TOOL_OPTIONS, targetOf } from '../program/scope.js';
import { recordedFolderAgent } from '../flows/recorded-source.js';
import { renderPackage } from '../../core/plan/renders.js';
import { toolExt } from '../../core/tools/folders.js';

const OPTIONS = { ...SCOPE_OPTIONS, ...TOOL_OPTIONS, locale: 'text' } as const;

/**
 * `diff <agent>`: unified diff from what agentpack would write for it from its source (`---`: the folder the
 * manifest records for an agent installed from a folder, else the package) to the installed file (`+++`), so
 * that what the user added reads `+`, as `git diff` shows an edit — in the installed locale unless --locale
 * (or AGENTPACK_LOCALE) says otherwise. No difference prints a line saying so. Exit 1 when they differ, as diff does.
 */
export async function runDiff(options: { agent: string; raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx } = options;
  const opts = parseOptions({ raw: options.raw, spec: OPTIONS, ctx });
  const target = targetOf(opts, ctx);
  const recorded = await recordedFolderAgent({ ctx, target, agent: options.agent, tolerant: false });
  const pack = await readPackage();
  const catalog = recorded ? recorded.scan.catalog : pack.catalog;
  // A package agent installed under another name (`install --as`) is compared with its render under that name.
  const renamed = recorded || catalog.agents.has(options.agent) ? undefined : await renamedFrom({ dir: target.dir, agent: options.agent });
  const agent = findAgent(catalog, renamed ?? options.agent, { args: ['list'], target });
  const name = renamed === undefined ? agent.name : options.agent;
  // Only this agent's renders (to tell its state), not every agent of the folder.
  const base = recorded ? renderPackage({ catalog: { ...catalog, agents: new Map([[agent.name, agent]]) }, version: pack.pkg.version }) : pack.pkg;
  const renamedPkg = withRenamedAgent({ pkg: base, agent: agent.name, as: name });
  // --target <tool>: compared with the bytes install writes in that tool's folder.
  const tool = target.tool;
  const forTool = tool ? await import('../flows/tool-renders.js') : undefined;
  const pkg = tool && forTool ? forTool.rendersForTool({ pkg: renamedPkg, tool }) : renamedPkg;
  const state = await readTargetState({ dir: target.dir, agents: [name], scan: false, ...(tool ? { ext: toolExt(tool) } : {}) });
  const file = state.files.get(name) ?? { kind: 'missing' as const };
  const fileName = state.fileNames.get(name) ?? null;
  const path = agentPath({ dir: target.dir, inst: { agent: name, fileName } });
  if (file.kind === 'missing') {
    throw new AgentpackError({
      code: 'NOT_INSTALLED',
      params: { agent: name, dir: target.dir, command: commandLine({ args: ['install', agent.name, ...(renamed ? ['--as', name] : [])], target }) },
    });
  }
  const inst = assessInstallation({ agent: name, fileName, entry: state.manifest.agents[name], file, pkg: pkg.agents.get(name) });
  const { locale } = resolveAgentLocale({ flag: opts.locale, env: ctx.env, installed: inst.locale ?? undefined, messageLang: ctx.messages.lang });
  const claudeBytes = renderVariant(findVariant({ agent, locale, knownLocales: catalogLocales(catalog) }), renamed ? { name } : {});
  const expected = tool && forTool ? forTool.bytesForTool({ tool, agent: name, locale, content: claudeBytes }) : claudeBytes;
  const installed = file.kind === 'file' ? await readFile(path, 'utf8') : '';
  const packageLabel = ctx.messages.named(commandLine({ args: ['show', agent.name, '--locale', locale], target }));
  const patch =
    installed === expected
      ? ''
      : createTwoFilesPatch(packageLabel, path, expected, installed, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
  ctx.exitCode = printDiff({ ctx, agent: name, path, locale, state: inst.state, patch, source: recorded?.source });
}

/** The package name of an agent the folder's manifest records under another name, if it does (a broken manifest: none). */
async function renamedFrom(options: { dir: string; agent: string }): Promise<string | undefined> {
  const entry = await readTargetState({ dir: options.dir, agents: [], scan: false })
    .then((state) => state.manifest.agents[options.agent])
    .catch(() => undefined);
  return entry && entry.source === undefined ? entry.originalName : undefined;
}
