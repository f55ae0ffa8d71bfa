import type { LocaleRequest } from '../core/plan/locale-request.js';
import type { PackageRenders } from '../core/plan/renders.js';
import type { Plan, PlanAction } from '../core/plan/types.js';
import type { AppliedAction } from '../core/plan/types.js';
import { CLAUDE_LABEL, type Target } from '../core/target.js';
import { TOOL_FOLDERS } from '../core/tools/folders.js';
import { choicesOf, localeSourceLines, printFileNotes, refusedJson, type FileNotes, type RefusedAgent } from './install-report.js';
import { writeJson } from './json.js';
import { formatLosses, type ToolLossReport } from './tool-report.js';
import type { Messages } from './messages.js';
import { actionJson, formatPlanLines, targetLabel } from './plan-report.js';
import { isQuiet, type UiContext } from './context.js';
import { endsOnSummary, groupLine, nameList, summaryLine, tellsEachAgent, type SourceProblems } from './run-summary.js';
import { commandLine } from '../core/hints.js';
import { sanitizeForTerminal } from './style.js';
import { languageName, sourceName } from './source-name.js';

type LifecycleCommand = 'install' | 'uninstall' | 'locale' | 'update';

/** Command lines for hints, in the same folder as the run (`--project`, `--dir …` appended). */
type CommandFor = (args: string[]) => string;

/** What the report of a plan → apply run says beyond its actions; the command gives it, only the report reads it. */
export interface LifecycleReport {
  /** Named in --json (and in a CONFLICT's details). */
  command: LifecycleCommand;
  /** The same command with --force, for its refusals (arguments after `agentpack`, without the scope flag). */
  forceArgs: string[];
  /** The command as typed before its agent names (`update`, `locale ja`): the hint under an agent it left alone adds the agent and --force. */
  commandWords: string[];
  /** `locale <l>`: the locale asked for, named in the line about the agents that have no variant in it. */
  locale?: string;
  /** `uninstall --from <folder>` / `install --from <folder>`: the folder as given, named when the run found no agent for it. */
  from?: string;
  /** The run chose the locale it writes (install, locale): after it, where each choice came from and how to switch. */
  chosen?: readonly LocaleRequest[];
  /** Agents left out before planning (install --all --from): listed under `refused` in --json; the run fails, unless each only lacks the language asked for. */
  refused?: readonly RefusedAgent[];
  /** The problems of the `--from` folder the run read, counted and not printed (ui/source-report.ts): named in the summary. */
  source?: SourceProblems | undefined;
  /** Another tool's folder (`--target`): what each written file could not carry and what to know about the folder (`conversion` in --json). */
  losses?: ToolLossReport;
  /** `update`: each git repository fetched again, with the commit its agents were at and the one it is at now (`repositories` in --json). */
  repositories?: readonly RepositoryChange[];
}

/** A repository `update` fetched again: `before` is the commit its agents were installed from. */
export interface RepositoryChange {
  from: string;
  url: string;
  before: string;
  after: string;
}

/** The --json keys every run's envelope shares beside its actions: refusals, conversion losses, fetched repositories. */
function extrasJson(report: LifecycleReport, messages: Messages) {
  return {
    ...refusedOf(report, messages),
    ...(report.losses ? { conversion: report.losses } : {}),
    ...(report.repositories ? { repositories: report.repositories.map((r) => ({ ...r, changed: r.before !== r.after })) } : {}),
  };
}

/** A run planned (dry run) or carried out: the plan, and what happened to the folder. */
interface RunOutcome {
  plan: Plan;
  dirExisted: boolean;
  createdDir: boolean;
  /** Set when the plan was carried out. */
  applied?: AppliedAction[];
  /** Dry run: where each --force backup would go, by path. */
  predictedBackups: Map<string, string>;
  /** Whether there was a manifest to remove (a hand-written file removed with --force leaves none behind). */
  manifestExisted?: boolean;
}

type OutcomeReportOptions = { ctx: UiContext; report: LifecycleReport; target: Target; pkg: PackageRenders; outcome: RunOutcome; commandFor: CommandFor };

/** Something needs the user: an action, or an agent left out that they must choose or rename (not one merely lacking the language asked for). */
function failed(report: LifecycleReport, actions: PlanAction[]): boolean {
  return actions.some((a) => a.attention) || (report.refused ?? []).some((r) => r.code !== 'LOCALE_UNAVAILABLE');
}

function refusedOf(report: LifecycleReport, messages: Messages): { refused?: Record<string, unknown>[] } {
  return report.refused ? { refused: report.refused.map((r) => refusedJson(r, messages)) } : {};
}

/** `--dry-run`: the plan, one line per file, or with --json the actions; returns the exit code (1 when something needs the user). */
export function printDryRun(options: OutcomeReportOptions): number {
  const { ctx, report, target, outcome, commandFor } = options;
  const { t } = ctx.messages;
  const actions = outcome.plan.actions;
  const code = failed(report, actions) ? 1 : 0;
  if (ctx.json) {
    writeJson(
      ctx,
      {
        command: report.command,
        dryRun: true,
        target,
        createsDir: !outcome.dirExisted && actions.some((a) => a.kind !== 'skip' && a.kind !== 'conflict'),
        actions: actions.map((a) => actionJson(a, outcome.predictedBackups.get(a.path) ?? null)),
        ...extrasJson(report, ctx.messages),
      },
      code === 0,
    );
    return code;
  }
  const refusedCount = report.refused?.length ?? 0;
  const each = tellsEachAgent({ ctx, actions, refused: refusedCount });
  const quiet = isQuiet(ctx);
  const lines = quiet ? [] : [t('install.dryRun.header', { target: targetLabel(target, ctx.messages) })];
  if (!quiet && actions.length === 0) lines.push(`  ${t('install.dryRun.empty')}`);
  // The plan's lines are made safe for the terminal before they are coloured (formatPlanLines): not again here.
  const planned = quiet ? [] : formatPlanLines({ actions, backups: outcome.predictedBackups, messages: ctx.messages, style: ctx.style });
  lines.push(...planned);
  if (!quiet && !outcome.dirExisted && actions.some((a) => a.kind !== 'skip' && a.kind !== 'conflict'))
    lines.push(t('install.dryRun.createsDir', { path: target.dir }));
  if (!quiet) lines.push(...formatLosses({ report: report.losses, messages: ctx.messages }));
  const conflicts = actions.filter((a) => a.kind === 'conflict').length;
  const notes = printFileNotes({ ctx, choices: choicesOf(report.chosen ?? [], actions), dryRun: true, grouped: !each });
  // A plan with a file that cannot be touched safely is refused whole: no "Would remove 11 agents" above the refusal.
  if ((endsOnSummary({ actions, refused: refusedCount }) || quiet) && conflicts === 0) {
    const done = actions.filter((a) => a.kind !== 'skip' && a.kind !== 'conflict').length;
    const skipped = actions.filter((a) => a.kind === 'conflict' || (a.kind === 'skip' && a.attention)).length + refusedCount;
    if (!each) lines.push(...groupedLines({ ctx, report, actions, missing: notes.missing, dryRun: true }));
    lines.push(summaryLine({ ...summaryOf({ report, target, ctx, done, skipped, notes }), dryRun: true }));
  }
  if (lines.length > 0) ctx.stdout.write(`${lines.map((line) => (planned.includes(line) ? line : sanitizeForTerminal(line))).join('\n')}\n`);
  if (conflicts > 0) ctx.stderr.write(`${t('install.dryRun.refused', { count: conflicts, command: commandFor(report.forceArgs) })}\n`);
  return code;
}

/** What the summary line of a run needs from its report: the command, folder, counts and the folder's problems. */
function summaryOf(options: { report: LifecycleReport; target: Target; ctx: UiContext; done: number; skipped: number; notes: FileNotes }) {
  const { report, target, ctx, notes } = options;
  // With --verbose the warnings were printed (notes.warnings is then only what printFileNotes printed: not named again).
  const count = (report.source?.count ?? 0) + (report.source ? notes.warnings : 0);
  const source = count > 0 ? { count, errors: report.source?.errors ?? 0, command: report.source?.command ?? commandLine({ args: ['validate'] }) } : undefined;
  return {
    command: report.command,
    done: options.done,
    skipped: options.skipped,
    dir: target.dir,
    messages: ctx.messages,
    source,
    ...(report.locale !== undefined ? { language: languageName(report.locale, ctx.messages) } : {}),
  };
}

/**
 * The lines that stand for many agents at once: those already up to date (or, for uninstall, not installed),
 * and those without the language asked for that got their own language. Not with --quiet.
 */
function groupedLines(options: {
  ctx: UiContext;
  report: LifecycleReport;
  actions: readonly PlanAction[];
  missing: FileNotes['missing'];
  dryRun: boolean;
}): string[] {
  const { ctx, report, actions } = options;
  if (isQuiet(ctx)) return [];
  const skipsFor = (reason: PlanAction['reason']): string[] =>
    actions.filter((a) => a.kind === 'skip' && a.reason === reason && !a.attention).map((a) => a.agent);
  const lines = [
    groupLine({ key: 'summary.upToDate', agents: skipsFor('up-to-date'), messages: ctx.messages }),
    report.command === 'uninstall' ? groupLine({ key: 'summary.notInstalled', agents: skipsFor('not-installed'), messages: ctx.messages }) : undefined,
  ];
  // Grouped by the language asked for (one, in practice).
  for (const locale of new Set(options.missing.map((m) => m.locale))) {
    const agents = options.missing.filter((m) => m.locale === locale).map((m) => m.agent);
    const params = { count: agents.length, names: nameList(agents, ctx.messages), language: languageName(locale, ctx.messages) };
    lines.push(ctx.messages.t(options.dryRun ? 'summary.ownLanguage.dryRun' : 'summary.ownLanguage', params));
  }
  return lines.filter((l): l is string => l !== undefined);
}

/**
 * A finished run: what was written, kept and left alone (with the command that would proceed), where the chosen
 * locales came from and how to switch, and whether the manifest went with the last agent; with --json the actions
 * and their backups. Returns the exit code.
 */
export function printOutcome(options: OutcomeReportOptions): number {
  const { ctx, report, target, pkg, outcome, commandFor } = options;
  const { t } = ctx.messages;
  const applied = outcome.applied ?? outcome.plan.actions.map((action) => ({ action, backup: null }));
  const code = failed(report, outcome.plan.actions) ? 1 : 0;
  if (ctx.json) {
    const actions = applied.map(({ action, backup }) => actionJson(action, backup));
    writeJson(
      ctx,
      { command: report.command, dryRun: false, target, createdDir: outcome.createdDir, actions, ...extrasJson(report, ctx.messages) },
      code === 0,
    );
    return code;
  }
  const refusedCount = report.refused?.length ?? 0;
  const each = tellsEachAgent({ ctx, actions: outcome.plan.actions, refused: refusedCount });
  const quiet = isQuiet(ctx);
  const { out, err } = formatOutcome({
    applied,
    dir: target.dir,
    tool: toolLabelOf(target),
    messages: ctx.messages,
    commandFor,
    commandWords: report.commandWords,
    pkg,
    report,
    each,
  });
  if (applied.length === 0) out.push(nothingLine({ report, target, messages: ctx.messages }));
  // --quiet: the one line that says what happened (with one agent, its own line), and what needs the user.
  const quietLine = quiet && each ? out[0] : undefined;
  if (outcome.createdDir) out.unshift(t(target.tool === undefined ? 'install.createdDir' : 'install.createdToolDir', { path: target.dir }));
  const present = applied.filter(
    ({ action }) => action.kind !== 'remove' && action.kind !== 'conflict' && (action.kind !== 'skip' || action.reason === 'up-to-date'),
  );
  if (report.chosen && present.length > 0) {
    const written = new Set(present.map(({ action }) => action.locale).filter((l): l is string => l !== null));
    const available = [...new Set(present.flatMap(({ action }) => pkg.agents.get(action.agent)?.locales ?? []))];
    out.push(
      ...localeSourceLines(choicesOf(report.chosen, outcome.plan.actions), ctx.messages),
      ...switchHints({ written, available, messages: ctx.messages, commandFor }),
    );
  }
  // `update --from` / `locale --from`: the folder given is what the manifest now records for these agents.
  if (outcome.applied && report.from !== undefined && (report.command === 'update' || report.command === 'locale') && outcome.plan.actions.length > 0) {
    out.push(t('install.sourceRecorded', { count: outcome.plan.actions.length, agent: outcome.plan.actions[0]?.agent ?? '', from: report.from }));
  }
  // A removal that left no agent took the manifest with it (an empty manifest is deleted, not written).
  if (
    outcome.applied &&
    outcome.manifestExisted !== false &&
    Object.keys(outcome.plan.manifest.agents).length === 0 &&
    applied.some(({ action }) => action.kind === 'remove')
  ) {
    out.push(t('install.manifestRemoved', { dir: target.dir }));
  }
  if (!quiet) out.push(...formatLosses({ report: report.losses, messages: ctx.messages }));
  const shown = quiet ? (quietLine !== undefined ? [quietLine] : []) : out;
  if (shown.length > 0) ctx.stdout.write(`${shown.join('\n')}\n`);
  if (err.length > 0) ctx.stderr.write(`${err.join('\n')}\n`);
  const notes = printFileNotes({ ctx, choices: choicesOf(report.chosen ?? [], outcome.plan.actions), grouped: !each });
  if (endsOnSummary({ actions: outcome.plan.actions, refused: refusedCount }) || (quiet && quietLine === undefined)) {
    const done = applied.filter(({ action }) => action.kind !== 'skip' && action.kind !== 'conflict').length;
    const skipped = applied.filter(({ action }) => action.kind === 'conflict' || (action.kind === 'skip' && action.attention)).length + refusedCount;
    const lines = each ? [] : groupedLines({ ctx, report, actions: outcome.plan.actions, missing: notes.missing, dryRun: false });
    lines.push(summaryLine({ ...summaryOf({ report, target, ctx, done, skipped, notes }), dryRun: false }));
    ctx.stdout.write(`${lines.join('\n')}\n`);
  }
  return code;
}

/** A run with nothing to act on: uninstall says there is nothing to remove (from the folder it was given). */
function nothingLine(options: { report: LifecycleReport; target: Target; messages: Messages }): string {
  const { report, target, messages } = options;
  // `install --all --from <folder>` of a folder with no agent: say so, with the list of that folder.
  if (report.command === 'install' && report.from !== undefined)
    return messages.t('install.nothingInFrom', { from: report.from, command: commandLine({ args: ['list'], from: report.from }) });
  if (report.command !== 'uninstall') return messages.t('install.nothingInstalled', { dir: target.dir });
  if (report.from !== undefined) return messages.t('install.nothingFrom', { dir: target.dir, from: report.from });
  return messages.t('install.nothingToRemove', { dir: target.dir });
}

/**
 * What a finished run says, one line per agent: what was written and where, what was kept as a backup, and
 * for each agent left alone that needs the user, why and the exact command that would proceed.
 */
/** The coding agent that reads a target folder, as the user knows it; none for the neutral `.agents/agents`. */
const toolLabelOf = (target: Target): string | undefined =>
  target.tool === undefined ? CLAUDE_LABEL : target.tool === 'agents' ? undefined : TOOL_FOLDERS[target.tool].label;

function formatOutcome(options: {
  applied: AppliedAction[];
  dir: string;
  /** The coding agent that reads the folder, named in the line about a backup (none: the neutral folder). */
  tool: string | undefined;
  messages: Messages;
  commandFor: CommandFor;
  commandWords: string[];
  pkg: PackageRenders;
  report: LifecycleReport;
  /** One line per agent (tellsEachAgent); otherwise only the replaced files and the agents that need the user. */
  each: boolean;
}): {
  out: string[];
  err: string[];
} {
  const { applied, dir, tool, messages, commandFor, commandWords, pkg, report, each } = options;
  const { t } = messages;
  const out: string[] = [];
  const err: string[] = [];
  const sourceOf = (agent: string): string => sourceName(pkg.agents.get(agent)?.source, messages);
  // `locale <l>`: the agents without an <l> variant are told about together, per source and the language they keep.
  const wanted = report.locale;
  const staying = wanted === undefined ? [] : applied.filter(({ action }) => action.kind === 'skip' && action.reason === 'not-in-package');
  for (const { action, backup } of applied) {
    const p = { agent: action.agent, locale: action.locale ?? '?', from: action.fromLocale ?? '?', path: action.path, dir };
    // Without a line per agent, what the summary counts or groups is left out; a replaced file of the user's never is.
    if (!each && !action.backup && !action.attention && action.kind !== 'conflict') continue;
    switch (action.kind) {
      case 'create':
        out.push(t('install.done.create', p));
        break;
      case 'overwrite':
        out.push(t(action.backup ? 'install.done.replace' : 'install.done.overwrite', p));
        break;
      case 'switch':
        out.push(t(action.backup ? 'install.done.replace' : 'install.done.switch', p));
        break;
      case 'remove':
        out.push(t(action.reason === 'file-missing' ? 'install.done.forget' : 'install.done.remove', p));
        break;
      case 'skip':
        if (!staying.some((s) => s.action === action))
          skipLine({ action, commandWords, p: { ...p, source: sourceOf(action.agent) }, commandFor, messages, out, err });
        break;
      case 'conflict':
        break;
    }
    if (backup) out.push(tool === undefined ? t('install.done.backupAnyTool', { backup }) : t('install.done.backup', { backup, tool }));
  }
  if (wanted !== undefined) out.push(...staysLines({ staying: staying.map(({ action }) => action), wanted, sourceOf, messages, err }));
  return { out: out.map(sanitizeForTerminal), err: err.map(sanitizeForTerminal) };
}

/**
 * "202 agents have no Japanese version in <folder>; they stay in English": one line per source and kept
 * language. Not a failure when no agent was named (every agent that could switch did); a named one goes to stderr.
 */
function staysLines(options: { staying: PlanAction[]; wanted: string; sourceOf: (agent: string) => string; messages: Messages; err: string[] }): string[] {
  const { staying, wanted, sourceOf, messages, err } = options;
  const groups = new Map<string, { source: string; kept: string; actions: PlanAction[] }>();
  for (const action of staying) {
    const source = sourceOf(action.agent);
    const kept = action.locale ?? '?';
    const key = `${source}\0${kept}`;
    const group = groups.get(key) ?? { source, kept, actions: [] };
    group.actions.push(action);
    groups.set(key, group);
  }
  const out: string[] = [];
  for (const { source, kept, actions } of groups.values()) {
    const params = {
      count: actions.length,
      agent: actions[0]?.agent ?? '',
      language: languageName(wanted, messages),
      kept: languageName(kept, messages),
      source,
    };
    (actions.some((a) => a.attention) ? err : out).push(messages.t('locale.staysAsIs', params));
  }
  return out;
}

function skipLine(options: {
  action: PlanAction;
  commandWords: string[];
  p: Record<string, string>;
  commandFor: CommandFor;
  messages: Messages;
  out: string[];
  err: string[];
}): void {
  const { action, commandWords, p, commandFor, messages, out, err } = options;
  const { t } = messages;
  switch (action.reason) {
    case 'up-to-date':
      out.push(t('install.skip.upToDate', p));
      return;
    case 'not-installed':
      // Nothing to do is the goal (uninstall); otherwise the agent needs installing first.
      if (!action.attention) out.push(t('install.skip.notInstalledNothingToRemove', p));
      else err.push(t('install.skip.notInstalled', { ...p, command: commandFor(['install', action.agent]) }));
      return;
    case 'file-missing':
      err.push(t('install.skip.fileMissing', { ...p, command: commandFor(['install', action.agent]), command2: commandFor(['uninstall', action.agent]) }));
      return;
    case 'not-in-package':
      err.push(t('install.skip.notInPackage', { ...p, language: languageName(action.locale ?? '?', messages) }));
      return;
    default:
      err.push(
        t('install.skip.refused', { ...p, reason: t(`plan.reason.${action.reason}`, p), command: commandFor([...commandWords, action.agent, '--force']) }),
      );
  }
}

/** "To switch to ja: agentpack locale ja" for each locale other than the one just written. */
function switchHints(options: { written: Set<string>; available: string[]; messages: Messages; commandFor: CommandFor }): string[] {
  const { written, available, messages, commandFor } = options;
  if (written.size !== 1) return [];
  return available.filter((l) => !written.has(l)).map((locale) => messages.t('install.switchHint', { locale, command: commandFor(['locale', locale]) }));
}
