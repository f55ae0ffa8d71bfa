import type { CommandLine } from '../core/hints.js';
import type { InstallState } from '../core/plan/installation.js';
import type { InstalledOrigin } from '../core/plan/origin.js';
import type { ReadSourceResult, SourceConflict } from '../core/catalog/assemble-folder.js';
import type { Scope } from '../core/target.js';
import { formatDiagnostic } from './diagnostics.js';
import { writeJson } from './json.js';
import type { Messages } from './messages.js';
import type { UiContext } from './context.js';
import { formatSourceNotes, sourceJson } from './source-report.js';
import { sanitizeForTerminal } from './style.js';
import { formatTable } from './table.js';

/** One agent of the list: `description` is the canonical one (--json), `localDescription` the one in the CLI's language. */
export interface ListRow {
  name: string;
  description: string;
  localDescription: string;
  locales: string[];
  files: Record<string, string>;
  /** For a folder's agent: the locale of its canonical variant (`ja` for a Japanese-only agent). */
  canonical?: string;
  /** For an agent of a plugin: the plugin (the agent is `<plugin>:<name>`). */
  plugin?: string;
}

/** One agent installed in one scope, as the list reads it (--json prints it whole). */
interface ListedCell {
  locale: string | null;
  state: InstallState;
  origin?: InstalledOrigin;
  source?: { from: string; path: string };
  sourceProblem?: 'SOURCE_NOT_FOUND' | 'SOURCE_FILE_MOVED';
}

/** Where each agent is installed, per scope in column order, and the recorded folders that could not be read again. */
export interface InstalledView {
  installed: ReadonlyMap<Scope, ReadonlyMap<string, ListedCell | null>>;
  /** Agents installed from a folder in some scope. */
  fromFolders: ReadonlyMap<string, unknown>;
  problems: readonly { scope: Scope; agent: string; code: 'SOURCE_NOT_FOUND' | 'SOURCE_FILE_MOVED'; from: string; path: string }[];
}

function cell(info: ListedCell | null | undefined, messages: Messages): string {
  if (!info) return '-';
  const state = messages.t(`state.${info.state}`);
  const notes = [
    ...(info.origin?.updateDue && info.state !== 'outdated' ? [messages.t('state.outdated')] : []),
    ...(info.origin?.translationWasCurrent === false ? [messages.t('list.note.translationWasNotCurrent')] : []),
  ];
  const text = [state, ...notes].join(messages.t('list.note.separator'));
  return info.locale !== null ? `${info.locale} ${text}` : text;
}

/** Where an agent came from, per scope it is installed in: `package`, or the folder as given and the file in it. */
function originCell(infos: (ListedCell | null | undefined)[], messages: Messages): string {
  const origins = new Set<string>();
  for (const info of infos) {
    if (!info) continue;
    const where = info.source ? messages.t('source.origin.folder', { from: info.source.from, path: info.source.path }) : messages.t('source.origin.package');
    origins.add(info.sourceProblem ? `${where} ${messages.t(`source.origin.${info.sourceProblem === 'SOURCE_NOT_FOUND' ? 'gone' : 'moved'}`)}` : where);
  }
  return origins.size > 0 ? [...origins].join(', ') : messages.t('source.origin.package');
}

/** A terminal gets the table cut to its width; a pipe gets every cell in full. */
function widthOf(ctx: Pick<UiContext, 'stdout'>): { maxWidth?: number } {
  return ctx.stdout.isTTY ? { maxWidth: ctx.stdout.columns || 80 } : {};
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
}): void {
  const { ctx, rows: agents, scan, conflicts } = options;
  if (ctx.json) {
    const rows = agents.map(({ name, description, locales, files, canonical, plugin }) => ({
      name,
      description,
      locales,
      files,
      ...(canonical === undefined ? {} : { canonical }),
      ...(plugin === undefined ? {} : { plugin }),
    }));
    writeJson(ctx, { agents: rows, ...sourceJson({ scan, ctx, conflicts }) });
    return;
  }
  const { t } = ctx.messages;
  const notes = formatSourceNotes({ scan, ctx, retry: options.retry, conflicts });
  if (agents.length === 0) {
    ctx.stdout.write(`${[t('list.empty'), ...notes].join('\n')}\n`);
    return;
  }
  const description = (a: ListRow): string => sanitizeForTerminal(a.localDescription.replace(/\s+/g, ' '));
  const table = formatTable({
    header: [t('list.header.name'), t('list.header.locales'), t('list.header.file'), t('list.header.description')],
    rows: agents.map((a) => [sanitizeForTerminal(a.name), a.locales.join(', '), sanitizeForTerminal(a.files[a.locales[0] ?? ''] ?? ''), description(a)]),
    ...widthOf(ctx),
  });
  ctx.stdout.write(`${[table, ...notes].join('\n')}\n`);
}

/** `list`: each agent with its locales and where it is installed (a column per scope), then the recorded folders that are gone. */
export function printInstalledList(options: { ctx: UiContext; listed: InstalledView; rows: ListRow[] }): void {
  const { ctx, listed } = options;
  const { installed, problems } = listed;
  const agents = options.rows.map((row) => {
    const where: Record<string, ListedCell | null> = {};
    for (const [scope, infos] of installed) where[scope] = infos.get(row.name) ?? null;
    return { ...row, installed: where };
  });
  if (ctx.json) {
    writeJson(ctx, {
      agents: agents.map(({ name, description, locales, installed: where }) => ({ name, description, locales, installed: where })),
      ...(problems.length > 0 ? { sourceProblems: problems.map(({ scope, agent, code, path }) => ({ scope, agent, code, path })) } : {}),
    });
    return;
  }
  const { t } = ctx.messages;
  if (agents.length === 0) {
    ctx.stdout.write(`${t('list.empty')}\n`);
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
      ...scopes.map((s) => cell(a.installed[s], ctx.messages)),
      ...(withOrigin ? [sanitizeForTerminal(originCell(Object.values(a.installed), ctx.messages))] : []),
      sanitizeForTerminal(a.localDescription.replace(/\s+/g, ' ')),
    ]),
    ...widthOf(ctx),
  });
  ctx.stdout.write(`${table}\n`);
  const lines = problems.map((p) =>
    formatDiagnostic({ severity: 'warning', code: p.code, file: p.path, params: { agent: p.agent, from: p.from, path: p.path } }, ctx),
  );
  if (lines.length > 0) ctx.stderr.write(`${lines.join('\n')}\n`);
}
