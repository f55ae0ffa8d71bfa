import { AgentpackError, isAgentpackError } from '../../core/errors.js';
import { catalogLocales, findAgent, findVariant, renderVariant, renderWarnings } from '../../core/catalog/lookup.js';
import { installedLocale as localeInstalledIn } from '../../core/plan/locale-request.js';
import type { PackageRenders } from '../../core/plan/renders.js';
import { resolveAgentLocale } from '../../core/plan/choose-locale.js';
import { isSkeletonTranslation } from '../../core/i18n/skeleton.js';
import { commandLine } from '../../core/hints.js';
import { assertUnambiguous } from '../../core/catalog/conflicts.js';
import { assertSelected, selectionOf } from '../../core/catalog/select.js';
import { readPackage } from '../../io/package/read-package.js';
import { planInputOf, readTargetState } from '../../io/target/state.js';
import { printShow } from '../../ui/show-report.js';
import type { CliContext } from '../program/context.js';
import { parseOptions, type ParsedOptions } from '../program/options.js';
import { scopeOf, SCOPE_OPTIONS, TOOL_OPTIONS, targetOf, toolOf } from '../program/scope.js';
import { loadSource, requireFromForPick, SOURCE_OPTIONS } from '../flows/load-source.js';
import { recordedFolderAgent, type RecordedFolderAgent } from '../flows/recorded-source.js';
import { sourceLocation } from '../../core/manifest/manifest.js';
import { toolExt } from '../../core/tools/folders.js';

const OPTIONS = { ...SCOPE_OPTIONS, ...TOOL_OPTIONS, ...SOURCE_OPTIONS, locale: 'text' } as const;

/**
 * The locale agentpack has installed this agent in (in the chosen scope), if any. Only a hint for the
 * default: a folder that cannot be read here (e.g. a broken manifest) is reported by status, not by show.
 */
async function installedLocale(options: {
  agent: string;
  raw: ParsedOptions<typeof OPTIONS>;
  ctx: CliContext;
  pkg: PackageRenders;
}): Promise<string | undefined> {
  try {
    const { agent, pkg } = options;
    const target = targetOf(options.raw, options.ctx);
    const state = await readTargetState({ dir: target.dir, agents: [agent], scan: false, ...(target.tool ? { ext: toolExt(target.tool) } : {}) });
    const tool = target.tool;
    const renders = tool !== undefined ? (await import('../flows/tool-renders.js')).rendersForTool({ pkg, tool }) : pkg;
    return localeInstalledIn(planInputOf({ state, pkg: renders }), agent);
  } catch {
    return undefined;
  }
}

/**
 * Print the exact bytes `install` would write (control characters escaped when stdout is a terminal);
 * `--json` wraps them with the name, locale and path. An agent installed from a folder (in the chosen scope)
 * is shown from the folder its manifest entry records, in its installed locale by default. With `--from`, a
 * name defined differently in several files is refused (AGENT_AMBIGUOUS) until `<plugin>:<name>` or `--pick`
 * chooses; an agent with no variant in the CLI's language is shown in its own (a Japanese-only agent in
 * Japanese), unless a locale was named. Values Claude Code would drop silently are kept as written and
 * reported as warnings on stderr.
 */
export async function runShow(options: { agent: string; raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx } = options;
  const opts = parseOptions({ raw: options.raw, spec: OPTIONS, ctx });
  const { locale: flag, from, pick, plugin } = opts;
  requireFromForPick({ from, pick, plugin, ctx });
  scopeOf(opts, ctx);
  const select = selectionOf({ agents: [options.agent], plugin });
  // Without --from, an agent the folder records as installed from a folder is shown from that folder.
  const recorded = from === undefined ? await recordedInScope({ agent: options.agent, raw: opts, ctx }) : undefined;
  const scan = recorded?.scan ?? (from === undefined ? undefined : await loadSource({ from, pick, ctx, ...(select ? { select } : {}) }));
  if (scan && from !== undefined) assertSelected({ selection: scan.selection, from, skipped: scan.skipped });
  const name = (from === undefined ? undefined : scan?.selection?.names[0]) ?? options.agent;
  const sourceFrom = from ?? (recorded ? sourceLocation(recorded.source) : undefined);
  const pack = scan ? undefined : await readPackage();
  const catalog = scan ? scan.catalog : (pack as Awaited<ReturnType<typeof readPackage>>).catalog;
  const installed = recorded
    ? recorded.entry.locale
    : pack && flag === undefined
      ? await installedLocale({ agent: findAgent(catalog, name).name, raw: opts, ctx, pkg: pack.pkg })
      : undefined;
  const resolved = resolveAgentLocale({ flag, env: ctx.env, installed, messageLang: ctx.messages.lang });
  if (scan) {
    const retry = { args: ['show', name, ...(flag === undefined ? [] : ['--locale', flag])], from: sourceFrom, picks: recorded ? scan.picks : pick };
    assertUnambiguous({ scan, agent: name, locale: resolved.locale, retry });
  }
  const list = { args: ['list'], from: sourceFrom };
  const agent = findAgent(catalog, name, list);
  // Only the CLI's own language gives way: a locale named with --locale or AGENTPACK_LOCALE is shown or refused.
  // A skeleton translation is shown only when named: the CLI's language then gives way to the canonical file.
  const chosen = agent.variants.get(resolved.locale);
  const fallsBack = chosen === undefined || isSkeletonTranslation(chosen);
  const locale = resolved.from === 'lang' && fallsBack ? agent.canonical : resolved.locale;
  const variant = findVariant({ agent, locale, knownLocales: catalogLocales(catalog), list });
  let content: string;
  try {
    content = renderVariant(variant);
  } catch (error) {
    // The hint names `validate --from …`: the file that does not load is in the source, not the package.
    if (scan && isAgentpackError(error) && error.code === 'AGENT_INVALID') {
      throw new AgentpackError({ code: 'AGENT_INVALID', params: { ...error.params, command: commandLine({ args: ['validate'], from: sourceFrom }) } });
    }
    throw error;
  }
  // --target <tool>: the bytes install writes in that tool's folder (what did not map goes to stderr, with the warnings).
  const tool = toolOf(opts, ctx);
  if (tool !== 'claude') content = (await import('../flows/tool-renders.js')).showForTool({ ctx, tool, agent: agent.name, locale, content });
  printShow({ ctx, agent: agent.name, locale, content, relPath: variant.relPath, warnings: renderWarnings(variant), fromFolder: scan !== undefined });
}

/** The chosen folder's record of an agent installed from a folder, with that folder read again; none when the folder cannot be resolved. */
async function recordedInScope(options: { agent: string; raw: ParsedOptions<typeof OPTIONS>; ctx: CliContext }): Promise<RecordedFolderAgent | undefined> {
  let target;
  try {
    target = targetOf(options.raw, options.ctx);
  } catch {
    return undefined;
  }
  return recordedFolderAgent({ ctx: options.ctx, target, agent: options.agent, tolerant: true });
}
