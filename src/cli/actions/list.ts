import { CANONICAL_LOCALE, sortedLocales, type CatalogAgent } from '../../core/catalog/catalog.js';
import { readPackage } from '../../io/package/read-package.js';
import type { ReadSourceResult } from '../../io/source/read-source.js';
import { printInstalledList, printSourceList, type ListRow } from '../../ui/list-report.js';
import { printSourceProblems } from '../../ui/source-report.js';
import type { CliContext } from '../program/context.js';
import { parseOptions } from '../program/options.js';
import { SCOPE_OPTIONS, scopesOf } from '../program/scope.js';
import { listInstalled, type ListedScopes } from '../flows/list-installed.js';
import { loadSource, requireFromForPick, SOURCE_OPTIONS } from '../flows/load-source.js';

const OPTIONS = { ...SOURCE_OPTIONS, ...SCOPE_OPTIONS } as const;

function rowsOf(agentsOf: Iterable<CatalogAgent>, lang: string): ListRow[] {
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
  printSourceProblems({ scan, ctx });
  printSourceList({ ctx, rows: rowsOf(scan.catalog.agents.values(), ctx.messages.lang), scan, retry: { args: ['list'], from, picks: pick } });
}

/**
 * Available agents with their locales and where each is installed (user and project, or the scopes named);
 * or, with `--from <path>`, the agents of that folder or file. `--json` descriptions are the canonical ones.
 */
export async function runList(options: { raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx } = options;
  const opts = parseOptions({ raw: options.raw, spec: OPTIONS, ctx });
  const { dir, from, pick } = opts;
  requireFromForPick({ from, pick, ctx });
  if (from !== undefined) {
    await listSource({ ctx, from, pick });
    return;
  }
  const { catalog, pkg } = await readPackage();
  const listed = await listInstalled({ ctx, scopes: scopesOf(opts), dir, pkg, catalog });
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
