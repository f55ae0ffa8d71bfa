import type { PlanAction } from '../core/plan/types.js';
import type { UiContext } from './context.js';
import { isVerbose } from './context.js';
import type { Messages } from './messages.js';
import { sanitizeForTerminal } from './style.js';

type SummaryCommand = 'install' | 'uninstall' | 'locale' | 'update';

/** The problems of a `--from` folder a run read but did not print one by one, and the command that shows them. */
export interface SourceProblems {
  count: number;
  errors: number;
  command: string;
}

/** At most this many names on a grouped line ("Already up to date (26): a, b, …"); --verbose prints each agent instead. */
const NAMES_SHOWN = 8;

/**
 * Whether a run tells each agent on its own line: with --verbose, or when it acts on one agent at most (then
 * that line is the summary). Otherwise one summary line, grouped lines, and each agent that needs the user.
 */
export function tellsEachAgent(options: { ctx: Pick<UiContext, 'verbosity'>; actions: readonly PlanAction[]; refused: number }): boolean {
  return isVerbose(options.ctx) || !endsOnSummary(options);
}

/** A run about more than one agent ends on its summary line (after the lines of each agent with --verbose). */
export function endsOnSummary(options: { actions: readonly PlanAction[]; refused: number }): boolean {
  return options.actions.length + options.refused > 1;
}

/** `a, b, c, … (+18 more)`: the first names, then how many more. */
export function nameList(names: readonly string[], messages: Messages): string {
  const shown = names.slice(0, NAMES_SHOWN).map(sanitizeForTerminal).join(messages.t('summary.nameSeparator'));
  return names.length > NAMES_SHOWN ? messages.t('summary.moreNames', { names: shown, more: names.length - NAMES_SHOWN }) : shown;
}

/** "Already up to date (3): a, b, c": a group of agents a run left as they were, in one line. */
export function groupLine(options: { key: 'summary.upToDate' | 'summary.notInstalled'; agents: readonly string[]; messages: Messages }): string | undefined {
  const { agents, messages } = options;
  if (agents.length === 0) return undefined;
  return messages.t(options.key, { count: agents.length, names: nameList(agents, messages) });
}

/**
 * The one line a run ends with: how many agents it changed (or would change) in which folder, how many it left
 * out that need the user, and the problems of the folder it read with the command that shows them.
 */
export function summaryLine(options: {
  command: SummaryCommand;
  dryRun: boolean;
  done: number;
  skipped: number;
  dir: string;
  /** `locale <l>`: the language switched to, by name. */
  language?: string;
  source?: SourceProblems | undefined;
  messages: Messages;
}): string {
  const { messages } = options;
  const mode = options.dryRun ? 'dryRun' : 'done';
  const parts = [
    messages.t(`summary.${options.command}.${mode}`, { count: options.done, dir: options.dir, language: options.language ?? '' }),
    messages.t(options.dryRun ? 'summary.skipped.dryRun' : 'summary.skipped', { count: options.skipped }),
  ];
  const source = options.source;
  if (source && source.count > 0)
    parts.push(messages.t(source.errors > 0 ? 'summary.sourceProblems' : 'summary.sourceWarnings', { count: source.count, command: source.command }));
  return sanitizeForTerminal(messages.t('summary.line', { parts: parts.join(messages.t('summary.separator')) }));
}
