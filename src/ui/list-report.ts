import { commandLine, type CommandLine } from '../core/hints.js';
import type { InstallState } from '../core/plan/installation.js';
import type { InstalledOrigin } from '../core/plan/origin.js';
import type { ReadSourceResult, SourceConflict } from '../core/catalog/assemble-folder.js';
import { groupSourceProblems } from '../core/status/source-problems.js';
import type { Scope } from '../core/target.js';
import { formatDiagnostic } from './diagnostics.js';
import { writeJson } from './json.js';
import type { Messages } from './messages.js';
import type { UiContext } from './context.js';
import { originFrom } from './git-report.js';
import { formatSourceNotes, sourceJson } from './source-report.js';
import { sanitizeForTerminal, type Style } from './style.js';
import { firstSentence } from './first-sentence.js';
import { languageName } from './source-name.js';
import { formatTable } from './table.js';

/**
 * One agent of the list, descriptions as Claude Code shows them: `description` is the canonical one (--json),
 * `localDescription` the one in the language listed (`--locale`, else the CLI's), `file` that variant's path.
 */
export interface ListRow {
  name: string;
  /** The plugin of a marketplace agent, when the catalog says. */
  plugin?: string;
  description: string;
  localDescription: string;
  locales: string[];
  files: Record<string, string>;
  file?: string;
  /** For a folder's agent: the locale of its canonical variant (`ja` for a Japanese-only agent). */
  canonical?: string;
}

/** What `list` was asked to show: a search word, a language (`--locale`). */
export interface ListQuery {
  word?: string | undefined;
  locale?: string | undefined;
}

/** One agent installed in one scope, as the list reads it (--json prints it whole). */
interface ListedCell {
  locale: string | null;
  state: InstallState;
  origin?: InstalledOrigin;
  /** `root` (the folder read) is for comparisons only: --json shows `from`, `path` and a repository's `url` and `commit`. */
  source?: { from: string; path: string; root?: string; url?: string; commit?: string };
  sourceProblem?: 'SOURCE_NOT_FOUND' | 'SOURCE_FILE_MOVED';
  /** `list --from` with a folder named: installed under this name, but not from the catalog listed. */
  otherSource?: boolean;
}

/** Where each agent is installed, per scope in column order, and the recorded folders that could not be read again. */
export interface InstalledView {
  installed: ReadonlyMap<Scope, ReadonlyMap<string, ListedCell | null>>;
  /** Agents installed from a folder in some scope. */
  fromFolders: ReadonlyMap<string, unknown>;
  problems: readonly {
    scope: Scope;
    dir: string;
    agent: string;
    code: 'SOURCE_NOT_FOUND' | 'SOURCE_FILE_MOVED';
    from: string;
    path: string;
    repository?: true;
  }[];
}

/** How a state is painted on a terminal, as `status` paints it: what needs a look stands out, an unchanged copy is green. */
function paintOf(info: ListedCell, style: Style): (text: string) => string {
  if (info.otherSource) return style.dim;
  if (info.origin?.localeGone === true && info.state === 'outdated') return style.warning;
  if (info.state === 'ok') return info.origin?.updateDue || info.origin?.translationBehind ? style.info : style.ok;
  if (info.state === 'modified') return style.warning;
  if (info.state === 'outdated') return style.info;
  if (info.state === 'missing') return style.error;
  return style.dim;
}

/** A folder's cell: the language and state, made safe for the terminal before it is painted. */
function cell(info: ListedCell | null | undefined, messages: Messages, style: Style): string {
  if (!info) return '-';
  return paintOf(info, style)(sanitizeForTerminal(cellText(info, messages)));
}

function cellText(info: ListedCell, messages: Messages): string {
  // An unchanged file whose locale its source no longer has: nothing `update` could apply.
  const gone = info.origin?.localeGone === true && info.state === 'outdated';
  const state = gone ? messages.t('list.note.localeGone') : messages.t(`state.${info.state}`);
  const notes = [
    ...(info.origin?.updateDue && info.state !== 'outdated' ? [messages.t('state.outdated')] : []),
    ...(info.origin?.translationBehind && info.locale !== null
      ? [
          messages.t('list.note.translationBehind', {
            sourceLanguage: languageName(info.origin.sourceLocale ?? '', messages),
            language: languageName(info.locale, messages),
          }),
        ]
      : []),
    ...(info.origin?.translationWasCurrent === false ? [messages.t('list.note.translationWasNotCurrent')] : []),
    ...(info.otherSource ? [messages.t('list.note.otherSource', { origin: originOf(info, messages) })] : []),
  ];
  const text = [state, ...notes].join(messages.t('list.note.separator'));
  return info.locale !== null ? `${info.locale} ${text}` : text;
}

/** An agent's cells as --json shows them: the source without the folder it was read from. */
function installedJson(cells: Record<string, ListedCell | null>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(cells).map(([scope, cell]) => {
      if (cell?.source === undefined) return [scope, cell];
      const { root: _root, ...source } = cell.source;
      return [scope, { ...cell, source }];
    }),
  );
}

/** Where one installed agent came from: the package, or the folder (or repository) as given. */
function originOf(info: ListedCell, messages: Messages): string {
  return info.source ? originFrom(info.source) : messages.t('source.origin.package');
}

/** Where an agent came from, per scope it is installed in: `package`, or the folder as given and the file in it. */
function originCell(infos: (ListedCell | null | undefined)[], messages: Messages): string {
  const origins = new Set<string>();
  for (const info of infos) {
    if (!info) continue;
    const where = info.source
      ? messages.t('source.origin.folder', { from: originFrom(info.source), path: info.source.path })
      : messages.t('source.origin.package');
    origins.add(info.sourceProblem ? `${where} ${messages.t(`source.origin.${info.sourceProblem === 'SOURCE_NOT_FOUND' ? 'gone' : 'moved'}`)}` : where);
  }
  return origins.size > 0 ? [...origins].join(', ') : messages.t('source.origin.package');
}

/** A pipe has no width: its lines stay under this many columns, so that a log or `| head` stays readable. */
const PIPE_WIDTH = 250;

/** A terminal gets the table cut to its width; a pipe to PIPE_WIDTH. */
function widthOf(ctx: Pick<UiContext, 'stdout'>): number {
  return ctx.stdout.isTTY ? ctx.stdout.columns || 80 : PIPE_WIDTH;
}

/** The description cell: the first sentence, on one line, control characters escaped. */
function descriptionCell(row: ListRow): string {
  return sanitizeForTerminal(firstSentence(row.localDescription));
}

/** The line printed instead of an empty table: nothing matched the word, or there is nothing at all. */
function emptyLine(options: { query: ListQuery; messages: Messages }): string {
  const { word } = options.query;
  return word !== undefined ? options.messages.t('list.noMatch', { word: sanitizeForTerminal(word) }) : options.messages.t('list.empty');
}

/** `--json` fields a row adds to the ones every list prints: its plugin, and with `--locale` that variant's description. */
function extraJson(row: ListRow, query: ListQuery): Record<string, string> {
  return {
    ...(row.plugin !== undefined ? { plugin: row.plugin } : {}),
    ...(query.locale !== undefined ? { localDescription: row.localDescription } : {}),
  };
}

/**
 * `list --from <path>`: the folder's agents (table, then its copies and `conflicts`), or with --json the rows
 * (each with its canonical locale, and its plugin when it has one) and the source.
 */
export function printSourceList(options: {
  ctx: UiContext;
  rows: ListRow[];
  scan: ReadSourceResult;
  conflicts: readonly SourceConflict[];
  retry: CommandLine;
  query: ListQuery;
  /** With `-g`, `-p` or `--dir`: what is installed in each folder named, by agent name (a column per folder). */
  installed?: InstalledView['installed'];
}): void {
  const { ctx, rows: agents, scan, conflicts, query } = options;
  const scopes = [...(options.installed?.keys() ?? [])];
  const where = (name: string): Record<string, ListedCell | null> =>
    Object.fromEntries(scopes.map((scope) => [scope, options.installed?.get(scope)?.get(name) ?? null]));
  if (ctx.json) {
    const rows = agents.map((a) => ({
      name: a.name,
      description: a.description,
      locales: a.locales,
      files: a.files,
      ...(a.canonical === undefined ? {} : { canonical: a.canonical }),
      ...(options.installed === undefined ? {} : { installed: installedJson(where(a.name)) }),
      ...extraJson(a, query),
    }));
    writeJson(ctx, { agents: rows, ...sourceJson({ scan, ctx, conflicts }) });
    return;
  }
  const { t } = ctx.messages;
  const notes = formatSourceNotes({ scan, ctx, retry: options.retry, conflicts });
  if (agents.length === 0) {
    ctx.stdout.write(`${[emptyLine({ query, messages: ctx.messages }), ...notes].join('\n')}\n`);
    return;
  }
  // A plugin column once any agent has one; the file only where the description keeps room enough.
  const withPlugin = agents.some((a) => a.plugin !== undefined);
  const table = formatTable({
    header: [
      t('list.header.name'),
      t('list.header.locales'),
      ...scopes.map((s) => t(`list.header.${s}`)),
      ...(withPlugin ? [t('list.header.plugin')] : []),
      t('list.header.file'),
      t('list.header.description'),
    ],
    rows: agents.map((a) => [
      sanitizeForTerminal(a.name),
      sanitizeForTerminal(a.locales.join(', ')),
      ...scopes.map((s) => cell(where(a.name)[s], ctx.messages, ctx.style)),
      ...(withPlugin ? [sanitizeForTerminal(a.plugin ?? '')] : []),
      sanitizeForTerminal(a.file ?? a.files[a.locales[0] ?? ''] ?? ''),
      descriptionCell(a),
    ]),
    maxWidth: widthOf(ctx),
    // The file gives way first, then the plugin: the description is what a user chooses by.
    optional: withPlugin ? [scopes.length + 3, scopes.length + 2] : [scopes.length + 2],
  });
  ctx.stdout.write(`${[table, ...notes].join('\n')}\n`);
}

/** `list`: each agent with its locales and where it is installed (a column per scope), then the recorded folders that are gone. */
export function printInstalledList(options: { ctx: UiContext; listed: InstalledView; rows: ListRow[]; query: ListQuery }): void {
  const { ctx, listed, query } = options;
  const { installed, problems } = listed;
  const agents = options.rows.map((row) => {
    const where: Record<string, ListedCell | null> = {};
    for (const [scope, infos] of installed) where[scope] = infos.get(row.name) ?? null;
    return { ...row, installed: where };
  });
  if (ctx.json) {
    writeJson(ctx, {
      agents: agents.map((a) => ({
        name: a.name,
        description: a.description,
        locales: a.locales,
        installed: installedJson(a.installed),
        ...extraJson(a, query),
      })),
      ...(problems.length > 0 ? { sourceProblems: problems.map(({ scope, agent, code, path }) => ({ scope, agent, code, path })) } : {}),
    });
    return;
  }
  const { t } = ctx.messages;
  if (agents.length === 0) {
    ctx.stdout.write(`${emptyLine({ query, messages: ctx.messages })}\n`);
    return;
  }
  const scopes = [...installed.keys()];
  // The origin column appears once something was installed from a folder (otherwise everything is the package's).
  const withOrigin = listed.fromFolders.size > 0 || problems.length > 0;
  const table = formatTable({
    header: [
      t('list.header.name'),
      t('list.header.locales'),
      ...scopes.map((s) => t(`list.header.${s}`)),
      ...(withOrigin ? [t('list.header.from')] : []),
      t('list.header.description'),
    ],
    rows: agents.map((a) => [
      sanitizeForTerminal(a.name),
      sanitizeForTerminal(a.locales.join(', ')),
      ...scopes.map((s) => cell(a.installed[s], ctx.messages, ctx.style)),
      ...(withOrigin ? [sanitizeForTerminal(originCell(Object.values(a.installed), ctx.messages))] : []),
      descriptionCell(a),
    ]),
    maxWidth: widthOf(ctx),
    // Where an agent came from gives way to its description on a narrow terminal.
    ...(withOrigin ? { optional: [2 + scopes.length] } : {}),
  });
  ctx.stdout.write(`${table}\n`);
  const lines = groupSourceProblems(problems).map((group) => {
    const p = group[0] as InstalledView['problems'][number];
    const command = commandLine({ args: p.code === 'SOURCE_NOT_FOUND' ? ['update'] : ['update', p.agent], target: { scope: p.scope, dir: p.dir } });
    const params = { agent: p.agent, count: group.length, from: p.from, path: p.path, command, ...(p.repository ? { suggestion: command } : {}) };
    return formatDiagnostic({ severity: 'warning', code: p.code, file: p.path, params }, ctx);
  });
  if (lines.length > 0) ctx.stderr.write(`${lines.join('\n')}\n`);
}
