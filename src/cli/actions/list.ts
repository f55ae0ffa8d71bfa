import { unknownLocale } from '../../core/catalog/lookup.js';
import { byAgentName, canonicalVariant, shownDescriptionOf, sortedLocales, type CatalogAgent } from '../../core/catalog/catalog.js';
import { assertSelected, selectionOf } from '../../core/catalog/select.js';
import { matchTag } from '../../core/catalog/locale-tag.js';
import { readPackage } from '../../io/package/read-package.js';
import type { ReadSourceResult } from '../../io/source/read-source.js';
import { printInstalledList, printSourceList, type ListQuery, type ListRow } from '../../ui/list-report.js';
import { printSourceProblems } from '../../ui/source-report.js';
import type { CliContext } from '../program/context.js';
import type { Scope } from '../../core/target.js';
import { parseOptions } from '../program/options.js';
import { namesScope, SCOPE_OPTIONS, scopesOf } from '../program/scope.js';
import { listInstalled, type ListedScopes } from '../flows/list-installed.js';
import { loadSource, requireFromForPick, SOURCE_OPTIONS } from '../flows/load-source.js';

const OPTIONS = { ...SOURCE_OPTIONS, ...SCOPE_OPTIONS, locale: 'value' } as const;

/** A row in the language listed: `--locale`, else the CLI's (falling back to the canonical description). */
function rowOf(options: {
  name: string;
  plugin?: string | undefined;
  descriptions: Record<string, string>;
  fallback: string;
  locales: string[];
  files: Record<string, string>;
  lang: string;
}): ListRow {
  const { name, plugin, descriptions, fallback, locales, files, lang } = options;
  const row: ListRow = { name, description: fallback, localDescription: descriptions[lang] ?? fallback, locales, files };
  if (plugin !== undefined) row.plugin = plugin;
  if (files[lang] !== undefined) row.file = files[lang];
  return row;
}

function rowsOf(agentsOf: Iterable<CatalogAgent>, lang: string): ListRow[] {
  return [...agentsOf].map((agent) => {
    const canonical = shownDescriptionOf(canonicalVariant(agent)) ?? '';
    const first = shownDescriptionOf([...agent.variants.values()][0]) ?? '';
    const descriptions: Record<string, string> = {};
    for (const [locale, variant] of agent.variants) {
      const own = shownDescriptionOf(variant);
      if (own !== undefined) descriptions[locale] = own;
    }
    const files = Object.fromEntries(sortedLocales(agent).map((l) => [l, agent.variants.get(l)?.relPath ?? '']));
    return rowOf({ name: agent.name, plugin: agent.plugin, descriptions, fallback: canonical || first, locales: sortedLocales(agent), files, lang });
  });
}

/** Text compared without case, and full-width letters as their ASCII forms. */
const folded = (text: string): string => text.normalize('NFKC').toLowerCase();

/** Every language some agent has. */
function localesOf(agents: Iterable<CatalogAgent>): string[] {
  return [...new Set([...agents].flatMap((a) => [...a.variants.keys()]))];
}

/**
 * The rows `list` shows for a query: with `--locale`, only agents with that variant (a language no agent
 * has is LOCALE_UNKNOWN, as for install); with a word, only agents whose name, plugin or a description holds it.
 */
function selectRows(options: { rows: ListRow[]; query: ListQuery; descriptionsOf: (row: ListRow) => string[] }): ListRow[] {
  const { rows, query } = options;
  let out = rows;
  const { locale, word } = query;
  if (locale !== undefined) {
    const known = [...new Set(rows.flatMap((r) => r.locales))].sort();
    if (!known.includes(locale)) throw unknownLocale({ locale, knownLocales: known });
    out = out.filter((r) => r.locales.includes(locale));
  }
  if (word !== undefined && word.trim() !== '') {
    const needle = folded(word.trim());
    out = out.filter((r) => [r.name, r.plugin ?? '', r.description, ...options.descriptionsOf(r)].some((text) => folded(text).includes(needle)));
  }
  return out;
}

/**
 * `list --from <path>`: the agents of a folder or file, the identical copies counted once and the conflicts left
 * out; with `--plugin <plugin>`, only that plugin's agents (its conflicts with other plugins then resolved).
 */
async function listSource(options: {
  ctx: CliContext;
  from: string;
  pick: string[];
  plugin: string | undefined;
  query: ListQuery;
  /** `-g`, `-p`, `--dir` named with `--from`: a column per folder says what of the catalog is installed there. */
  scopes: { scopes: Scope[]; dir: string | undefined } | undefined;
}): Promise<void> {
  const { ctx, from, pick, plugin, query } = options;
  const select = selectionOf({ agents: [], plugin });
  const scan: ReadSourceResult = await loadSource({ from, pick, ctx, ...(select ? { select } : {}) });
  printSourceProblems({ scan, ctx, unreadable: true });
  assertSelected({ selection: scan.selection, from });
  const agents = [...scan.catalog.agents.values()].filter((a) => plugin === undefined || a.plugin === plugin);
  const pluginOf = new Map(scan.files.map((f) => [f.relPath, f.plugin]));
  const conflicts = scan.conflicts.filter((c) => plugin === undefined || c.paths.some((p) => pluginOf.get(p) === plugin));
  const spelled = query.locale === undefined ? undefined : (matchTag(query.locale, localesOf(scan.catalog.agents.values())) ?? query.locale);
  if (spelled !== undefined) query.locale = spelled;
  const lang = query.locale ?? ctx.messages.lang;
  const descriptionsOf = (row: ListRow): string[] => [...(scan.catalog.agents.get(row.name)?.variants.values() ?? [])].map((v) => shownDescriptionOf(v) ?? '');
  const canonicalOf = new Map(agents.map((a) => [a.name, a.canonical]));
  const rows = selectRows({ rows: rowsOf(agents, lang), query, descriptionsOf }).map((row) => ({ ...row, canonical: canonicalOf.get(row.name) ?? '' }));
  const installed = options.scopes === undefined ? undefined : await installedIn({ ...options.scopes, scan, ctx });
  printSourceList({ ctx, rows, scan, conflicts, retry: { args: ['list'], from, picks: pick }, query, ...(installed ? { installed } : {}) });
}

/**
 * What is installed in the folders named, by agent name (the package's agents and those of any folder); an
 * agent installed from somewhere else than this catalog (the package, another folder or repository) is marked
 * `otherSource`, so that a name alone never passes for this catalog's agent.
 */
async function installedIn(options: { scopes: Scope[]; dir: string | undefined; scan: ReadSourceResult; ctx: CliContext }): Promise<ListedScopes['installed']> {
  const { scan, ctx } = options;
  const { catalog, pkg } = await readPackage();
  const listed = (await listInstalled({ ctx, scopes: options.scopes, dir: options.dir, pkg, catalog })).installed;
  const fromHere = (source: { root: string; url?: string } | undefined): boolean =>
    source !== undefined && (scan.git !== undefined ? source.url === scan.git.url : source.url === undefined && source.root === scan.root);
  return new Map(
    [...listed].map(([scope, agents]) => [
      scope,
      new Map([...agents].map(([name, info]) => [name, info === null || fromHere(info.source) ? info : { ...info, otherSource: true }])),
    ]),
  );
}

/**
 * Available agents with their locales and where each is installed (user and project, or the scopes named);
 * or, with `--from <path>`, the agents of that folder or file. `--json` descriptions are the canonical ones,
 * as Claude Code shows them. `word` and `--locale` narrow the list.
 */
export async function runList(options: { word?: string | undefined; raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx } = options;
  const opts = parseOptions({ raw: options.raw, spec: OPTIONS, ctx });
  const { dir, from, pick, plugin } = opts;
  requireFromForPick({ from, pick, plugin, ctx });
  const query: ListQuery = { word: options.word, locale: opts.locale };
  if (from !== undefined) {
    await listSource({ ctx, from, pick, plugin, query, scopes: namesScope(opts) ? { scopes: scopesOf(opts), dir } : undefined });
    return;
  }
  const { catalog, pkg } = await readPackage();
  const listed = await listInstalled({ ctx, scopes: scopesOf(opts), dir, pkg, catalog });
  // A tag in any case names the catalog's language (`zh-cn` is `zh-CN`).
  const locale = opts.locale === undefined ? undefined : (matchTag(opts.locale, localesOf(catalog.agents.values())) ?? opts.locale);
  query.locale = locale;
  const lang = locale ?? ctx.messages.lang;
  const folders = folderRows(listed, catalog, lang);
  const descriptionsOf = (row: ListRow): string[] => {
    const agent = catalog.agents.get(row.name);
    if (agent) return [...agent.variants.values()].map((v) => shownDescriptionOf(v) ?? '');
    return Object.values(folders.descriptions.get(row.name) ?? {});
  };
  const rows = selectRows({ rows: [...rowsOf(catalog.agents.values(), lang), ...folders.rows], query, descriptionsOf });
  printInstalledList({ ctx, listed, rows, query });
}

/** Rows for agents installed from a folder that the package does not have (sorted by name), and their descriptions per locale. */
function folderRows(
  listed: ListedScopes,
  catalog: { agents: Map<string, unknown> },
  lang: string,
): { rows: ListRow[]; descriptions: Map<string, Record<string, string>> } {
  const rows: ListRow[] = [];
  const descriptions = new Map<string, Record<string, string>>();
  for (const [name, { locales, summary }] of [...listed.fromFolders].sort(([a], [b]) => byAgentName(a, b))) {
    if (catalog.agents.has(name)) continue;
    descriptions.set(name, summary?.descriptions ?? {});
    rows.push(rowOf({ name, descriptions: summary?.descriptions ?? {}, fallback: summary?.description ?? '', locales, files: {}, lang }));
  }
  return { rows, descriptions };
}
