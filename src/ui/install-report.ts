import { chooseCommand, type DescribedConflict } from '../core/catalog/conflicts.js';
import { previewName, MAX_AGENT_NAME_LENGTH } from '../core/agent/name.js';
import { commandLine, type CommandLine } from '../core/hints.js';
import { choiceFor, localeBefore, type LocaleChoice, type LocaleRequest } from '../core/plan/locale-request.js';
import type { PlanAction } from '../core/plan/types.js';
import { formatDiagnostic } from './diagnostics.js';
import { formatCandidates } from './conflict-report.js';
import type { Messages } from './messages.js';
import { isQuiet, type UiContext } from './context.js';
import { sanitizeForTerminal } from './style.js';

/**
 * An agent `install --all --from` leaves out before planning: a name the folder defines differently in several
 * files, in the language asked for (`retry` is the command as typed, without picks); a name that is not a
 * portable file name; an agent that has no variant in the language named with --locale and is not English
 * (`retry` installs it in its own language).
 */
export type RefusedAgent =
  | { code: 'AGENT_AMBIGUOUS'; conflict: DescribedConflict; retry: CommandLine }
  | { code: 'AGENT_NAME_NOT_PORTABLE'; agent: string; path: string }
  | { code: 'LOCALE_UNAVAILABLE'; agent: string; locale: string; available: string[]; path: string; retry: CommandLine };

/**
 * A refused agent as `--json` lists it under `refused`: every path, and the command that resolves it (for a
 * conflict, the one that chooses each file: `<plugin>:<name>` or `--pick <path>`, with the candidates).
 */
export function refusedJson(refused: RefusedAgent, messages: Messages): Record<string, unknown> {
  if (refused.code === 'AGENT_NAME_NOT_PORTABLE') return { code: refused.code, agent: refused.agent, paths: [refused.path], commands: [] };
  if (refused.code === 'LOCALE_UNAVAILABLE') {
    const { agent, locale, available, path } = refused;
    return { code: refused.code, agent, locale, available, paths: [path], commands: [messages.named(commandLine(refused.retry))] };
  }
  const { conflict, retry } = refused;
  const commands = conflict.candidates.map((candidate) => messages.named(chooseCommand({ retry, conflict, candidate })));
  return { code: refused.code, agent: conflict.name, locale: conflict.locale, paths: conflict.paths, commands, candidates: conflict.candidates };
}

/** On stderr, before the run: what is not installed and why, each with the command that resolves it. */
export function printRefused(options: { ctx: UiContext; refused: readonly RefusedAgent[] }): void {
  const { ctx, refused } = options;
  const { t } = ctx.messages;
  if (refused.length === 0 || ctx.json) return;
  const lines = refused.map((r) => {
    if (r.code === 'AGENT_NAME_NOT_PORTABLE')
      return t('install.from.notPortable', {
        agent: sanitizeForTerminal(previewName(r.agent)),
        path: sanitizeForTerminal(r.path),
        limit: MAX_AGENT_NAME_LENGTH,
      });
    if (r.code === 'LOCALE_UNAVAILABLE') {
      const params = { agent: sanitizeForTerminal(r.agent), locale: r.locale, available: r.available.join(', ') };
      return t('install.from.localeUnavailable', { ...params, command: sanitizeForTerminal(commandLine(r.retry)) });
    }
    const { conflict } = r;
    const first = conflict.candidates[0];
    const command = first ? sanitizeForTerminal(chooseCommand({ retry: r.retry, conflict, candidate: first })) : '';
    const line = t('install.from.conflict', {
      agent: sanitizeForTerminal(conflict.name),
      locale: conflict.locale,
      paths: sanitizeForTerminal(conflict.paths.join(', ')),
      command,
    });
    return [line, ...formatCandidates({ conflict, messages: ctx.messages }).map((c) => `  ${c}`)].join('\n  ');
  });
  ctx.stderr.write(`${[t('install.from.refused', { count: refused.length }), ...lines.map((l) => `  ${l}`)].join('\n')}\n`);
}

/** The choice each agent's request made in the plan that was carried out (or previewed), in the order of the requests. */
export function choicesOf(requests: readonly LocaleRequest[], actions: readonly PlanAction[]): LocaleChoice[] {
  const before = new Map(actions.map((a) => [a.agent, localeBefore(a)]));
  const agents = new Set<string>();
  // A name given twice is planned once (planInstall), and told about once.
  return requests.filter((r) => !agents.has(r.agent) && agents.add(r.agent)).map((r) => choiceFor(r, before.get(r.agent)));
}

/** Where the chosen locales came from (AGENTPACK_LOCALE, the language settings): one line per source and locale. */
export function localeSourceLines(choices: readonly LocaleChoice[], messages: Messages): string[] {
  const lines = new Map<string, string>();
  for (const { note } of choices) {
    if (note?.code !== 'from-env' && note?.code !== 'from-lang') continue;
    const key = `${note.code}:${note.locale}`;
    if (!lines.has(key)) lines.set(key, messages.t(note.code === 'from-env' ? 'install.localeFrom.env' : 'install.localeFrom.lang', { locale: note.locale }));
  }
  return [...lines.values()];
}

/** What printFileNotes left to the summary: warnings counted, agents that got their own language. */
export interface FileNotes {
  warnings: number;
  missing: { agent: string; locale: string }[];
}

/**
 * On stderr, after the run (or the dry run, which says "would be"): each translation that did not load or that
 * the folder lacks (the agent got its own language), then the warnings of the files written. Human output only.
 * `grouped` (a run that ends on a summary) prints neither: it returns them, counted and named, for the summary
 * and its grouped lines; --quiet prints nothing.
 */
export function printFileNotes(options: { ctx: UiContext; choices: readonly LocaleChoice[]; dryRun?: boolean; grouped?: boolean }): FileNotes {
  const { ctx, choices } = options;
  const notes: FileNotes = { warnings: 0, missing: [] };
  if (ctx.json) return notes;
  const { t } = ctx.messages;
  const lines: string[] = [];
  for (const { note } of choices) {
    const params =
      note?.code === 'translation-invalid' || note?.code === 'translation-missing' || note?.code === 'translation-skeleton'
        ? { agent: note.agent, locale: note.locale, path: sanitizeForTerminal(note.path) }
        : undefined;
    if (params) notes.missing.push({ agent: params.agent, locale: params.locale });
    if (note?.code === 'translation-invalid' && params)
      lines.push(t(options.dryRun ? 'install.from.invalidLocale.dryRun' : 'install.from.invalidLocale', params));
    if (note?.code === 'translation-skeleton' && params)
      lines.push(t(options.dryRun ? 'install.from.skeletonLocale.dryRun' : 'install.from.skeletonLocale', params));
    if (note?.code === 'translation-missing' && params)
      lines.push(t(options.dryRun ? 'install.from.missingLocale.dryRun' : 'install.from.missingLocale', params));
  }
  for (const { warnings } of choices) {
    if (!warnings) continue;
    notes.warnings += warnings.diagnostics.filter((d) => d.severity !== 'info').length;
    lines.push(ctx.style.bold(sanitizeForTerminal(warnings.path)), ...warnings.diagnostics.map((d) => formatDiagnostic(d, ctx)));
  }
  if (lines.length > 0 && options.grouped !== true && !isQuiet(ctx)) ctx.stderr.write(`${lines.join('\n')}\n`);
  return notes;
}
