import { canonicalVariant, sortedLocales, type CatalogAgent } from '../../core/catalog/catalog.js';
import { readPackage } from '../../io/package/read-package.js';
import type { ReadSourceResult } from '../../io/source/read-source.js';
import { printInstalledList, printSourceList, type ListRow } from '../../ui/list-report.js';
import { printSourceProblems } from '../../ui/source-report.js';
import type { CliContext } from '../program/context.js';
import { parseOptions } from '../program/options.js';
import { listInstalled, type ListedScopes } from '../flows/list-installed.js';
import { loadSource, requireFromForPick, SOURCE_OPTIONS } from '../flows/load-source.js';
import { assertSelected, selectionOf } from '../../core/catalog/select.js';

const OPTIONS = { ...SOURCE_OPTIONS, dir: 'value' } as const;

function rowsOf(agentsOf: Iterable<CatalogAgent>, lang: string): ListRow[] {
  return [...agentsOf].map((agent) => {
    const canonical = canonicalVariant(agent)?.parsed.spec?.description ?? '';
    const first = [...agent.variants.values()][0]?.parsed.spec?.description ?? '';
    const local = agent.variants.get(lang)?.parsed.spec?.description ?? (canonical || first);
    const files = Object.fromEntries(sortedLocales(agent).map((l) => [l, agent.variants.get(l)?.relPath ?? '']));
    const row: ListRow = { name: agent.name, description: canonical || first, localDescription: local, locales: sortedLocales(agent), files };
    return agent.plugin === undefined ? row : { ...row, plugin: agent.plugin };
  });
}

/**
 * `list --from <path>`: the agents of a folder or file, the identical copies counted once and the conflicts left
 * out; with `--plugin <plugin>`, only that plugin's agents (its conflicts with other plugins then resolved).
 */
async function listSource(options: { ctx: CliContext; from: string; pick: string[]; plugin: string | undefined }): Promise<void> {
  const { ctx, from, pick, plugin } = options;
  const select = selectionOf({ agents: [], plugin });
  const scan: ReadSourceResult = await loadSource({ from, pick, ctx, ...(select ? { select } : {}) });
  printSourceProblems({ scan, ctx });
  assertSelected({ selection: scan.selection, from });
  const agents = [...scan.catalog.agents.values()].filter((a) => plugin === undefined || a.plugin === plugin);
  const pluginOf = new Map(scan.files.map((f) => [f.relPath, f.plugin]));
  const conflicts = scan.conflicts.filter((c) => plugin === undefined || c.paths.some((p) => pluginOf.get(p) === plugin));
  const rows = rowsOf(agents, ctx.messages.lang).map((row, i) => ({ ...row, canonical: agents[i]?.canonical ?? '' }));
  printSourceList({ ctx, rows, scan, conflicts, retry: { args: ['list'], from, picks: pick } });
}

/**
 * Available agents with their locales and where each is installed (user, project, and `--dir` when given);
 * or, with `--from <path>`, the agents of that folder or file. `--json` descriptions are the canonical ones.
 */
export async function runList(options: { raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx } = options;
  const { dir, from, pick, plugin } = parseOptions({ raw: options.raw, spec: OPTIONS, ctx });
  requireFromForPick({ from, pick, plugin, ctx });
  if (from !== undefined) {
    await listSource({ ctx, from, pick, plugin });
    return;
  }
  const { catalog, pkg } = await readPackage();
  const listed = await listInstalled({ ctx, dir, pkg, catalog });
  printInstalledList({ ctx, listed, rows: [...rowsOf(catalog.agents.values(), ctx.messages.lang), ...folderRows(listed, catalog, ctx.messages.lang)] });
}

/** Rows for agents installed from a folder that the package does not have (sorted by name). */
function folderRows(listed: ListedScopes, catalog: { agents: Map<string, unknown> }, lang: string): ListRow[] {
  const out: ListRow[] = [];
  for (const [name, { locales, summary }] of [...listed.fromFolders].sort(([a], [b]) => a.localeCompare(b))) {
    if (catalog.agents.has(name)) continue;
    const description = summary?.description ?? '';
    out.push({ name, description, localDescription: summary?.descriptions[lang] ?? description, locales, files: {} });
  }
  return out;
}
