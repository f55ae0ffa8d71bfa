import { CANONICAL_LOCALE, sortedLocales, type CatalogAgent } from '../../core/catalog/catalog.js';
import { readPackage } from '../../io/package/read-package.js';
import type { ReadSourceResult } from '../../io/source/read-source.js';
import type { Messages } from '../../ui/messages.js';
import { formatDiagnostic } from '../../ui/diagnostics.js';
import { formatSourceNotes, printSourceProblems, sourceJson } from '../../ui/source-report.js';
import { sanitizeForTerminal } from '../../ui/style.js';
import { formatTable } from '../../ui/table.js';
import type { CliContext } from '../program/context.js';
import { parseOptions } from '../program/options.js';
import { listInstalled, type ListedInstall, type ListedScopes } from '../flows/list-installed.js';
import { loadSource, requireFromForPick, SOURCE_OPTIONS } from '../flows/load-source.js';

const OPTIONS = { ...SOURCE_OPTIONS, dir: 'value' } as const;

function cell(info: ListedInstall | null | undefined, messages: Messages): string {
  if (!info) return '-';
  const state = messages.t(`state.${info.state}`);
  const notes = [
    ...(info.origin?.updateDue && info.state !== 'outdated' ? [messages.t('state.outdated')] : []),
    ...(info.origin?.translationWasCurrent === false ? [messages.t('list.note.translationWasNotCurrent')] : []),
  ];
  const text = [state, ...notes].join(messages.t('list.note.separator'));
  return info.locale !== null ? `${info.locale} ${text}` : text;
}

function rowsOf(agentsOf: Iterable<CatalogAgent>, lang: string): { name: string; description: string; localDescription: string; locales: string[]; files: Record<string, string> }[] {
  return [...agentsOf].map((agent) => {
    const canonical = agent.variants.get(CANONICAL_LOCALE)?.parsed.spec?.description ?? '';
    const first = [...agent.variants.values()][0]?.parsed.spec?.description ?? '';
    const local = agent.variants.get(lang)?.parsed.spec?.description ?? (canonical || first);
    const files = Object.fromEntries(sortedLocales(agent).map((l) => [l, agent.variants.get(l)?.relPath ?? '']));
    return { name: agent.name, description: canonical || first, localDescription: local, locales: sortedLocales(agent), files };
  });
}

/** `list --from <path>`: the agents of a folder or file, the identical copies counted once and the conflicts left out. */
async function listSource(options: { ctx: CliContext; from: string; pick: string[] }): Promise<void> {
  const { ctx, from, pick } = options;
  const scan: ReadSourceResult = await loadSource({ from, pick, ctx });
  const agents = rowsOf(scan.catalog.agents.values(), ctx.messages.lang);
  if (ctx.json) {
    const payload = { agents: agents.map(({ name, description, locales, files }) => ({ name, description, locales, files })), ...sourceJson({ scan, ctx }) };
    ctx.stdout.write(`${JSON.stringify(payload, null, 2)}\n`);
    return;
  }
  printSourceProblems({ scan, ctx });
  const { t } = ctx.messages;
  const notes = formatSourceNotes({ scan, ctx, retry: { args: ['list'], from, picks: pick } });
  if (agents.length === 0) {
    ctx.stdout.write(`${[t('list.empty'), ...notes].join('\n')}\n`);
    return;
  }
  const description = (a: (typeof agents)[number]): string => sanitizeForTerminal(a.localDescription.replace(/\s+/g, ' '));
  const table = formatTable({
    header: [t('list.header.name'), t('list.header.locales'), t('list.header.file'), t('list.header.description')],
    rows: agents.map((a) => [sanitizeForTerminal(a.name), a.locales.join(', '), sanitizeForTerminal(a.files[a.locales[0] ?? ''] ?? ''), description(a)]),
    ...(ctx.stdout.isTTY ? { maxWidth: ctx.stdout.columns || 80 } : {}),
  });
  ctx.stdout.write(`${[table, ...notes].join('\n')}\n`);
}

/**
 * Available agents with their locales and where each is installed (user, project, and `--dir` when given);
 * or, with `--from <path>`, the agents of that folder or file. `--json` descriptions are the canonical ones.
 */
export async function runList(options: { raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx } = options;
  const { dir, from, pick } = parseOptions({ raw: options.raw, spec: OPTIONS, ctx });
  requireFromForPick({ from, pick, ctx });
  if (from !== undefined) {
    await listSource({ ctx, from, pick });
    return;
  }
  const { catalog, pkg } = await readPackage();
  const listed = await listInstalled({ ctx, dir, pkg, catalog });
  printInstalledList({ ctx, listed, rows: [...rowsOf(catalog.agents.values(), ctx.messages.lang), ...folderRows(listed, catalog, ctx.messages.lang)] });
}

/** Rows for agents installed from a folder that the package does not have (sorted by name). */
function folderRows(listed: ListedScopes, catalog: { agents: Map<string, unknown> }, lang: string): ReturnType<typeof rowsOf> {
  const out: ReturnType<typeof rowsOf> = [];
  for (const [name, { locales, summary }] of [...listed.fromFolders].sort(([a], [b]) => a.localeCompare(b))) {
    if (catalog.agents.has(name)) continue;
    const description = summary?.description ?? '';
    out.push({ name, description, localDescription: summary?.descriptions[lang] ?? description, locales, files: {} });
  }
  return out;
}

/** Where an agent came from, per scope it is installed in: `package`, or the folder as given and the file in it. */
function originCell(infos: (ListedInstall | null | undefined)[], messages: Messages): string {
  const origins = new Set<string>();
  for (const info of infos) {
    if (!info) continue;
    const where = info.source ? messages.t('source.origin.folder', { from: info.source.from, path: info.source.path }) : messages.t('source.origin.package');
    origins.add(info.sourceProblem ? `${where} ${messages.t(`source.origin.${info.sourceProblem === 'SOURCE_NOT_FOUND' ? 'gone' : 'moved'}`)}` : where);
  }
  return origins.size > 0 ? [...origins].join(', ') : messages.t('source.origin.package');
}

function printInstalledList(options: { ctx: CliContext; listed: ListedScopes; rows: ReturnType<typeof rowsOf> }): void {
  const { ctx, listed } = options;
  const { installed, problems } = listed;
  const agents = options.rows.map((row) => {
    const where: Record<string, ListedInstall | null> = {};
    for (const [scope, infos] of installed) where[scope] = infos.get(row.name) ?? null;
    return { ...row, installed: where };
  });
  if (ctx.json) {
    const payload = {
      agents: agents.map(({ name, description, locales, installed: where }) => ({ name, description, locales, installed: where })),
      ...(problems.length > 0 ? { sourceProblems: problems.map(({ scope, agent, code, path }) => ({ scope, agent, code, path })) } : {}),
    };
    ctx.stdout.write(`${JSON.stringify(payload, null, 2)}\n`);
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
    header: [t('list.header.name'), t('list.header.locales'), ...scopes.map((s) => t(`list.header.${s}`)), ...(withOrigin ? [t('list.header.from')] : []), t('list.header.description')],
    rows: agents.map((a) => [
      sanitizeForTerminal(a.name),
      sanitizeForTerminal(a.locales.join(', ')),
      ...scopes.map((s) => cell(a.installed[s], ctx.messages)),
      ...(withOrigin ? [sanitizeForTerminal(originCell(Object.values(a.installed), ctx.messages))] : []),
      sanitizeForTerminal(a.localDescription.replace(/\s+/g, ' ')),
    ]),
    ...(ctx.stdout.isTTY ? { maxWidth: ctx.stdout.columns || 80 } : {}),
  });
  ctx.stdout.write(`${table}\n`);
  const lines = problems.map((p) => formatDiagnostic({ severity: 'warning', code: p.code, file: p.path, params: { agent: p.agent, from: p.from, path: p.path } }, ctx));
  if (lines.length > 0) ctx.stderr.write(`${lines.join('\n')}\n`);
}
