import type { ManifestGit } from '../manifest/manifest.js';
import { contentHash } from '../hash.js';
import { byAgentName, type Catalog, type CatalogAgent, type MirrorLayout, type Variant } from './catalog.js';
import type { Diagnostic } from '../diagnostics.js';
import type { ParsedAgent } from '../agent/parse.js';
import { fieldsAsWritten, renderAgent } from '../agent/render.js';
import { claudeNameProblem } from '../claude/rules.js';
import { asDeclaredAgent, fileKind, nameOf } from './file-kind.js';
import { DEFAULT_MIRROR, layoutKey, pathClaims } from './folder-layout.js';
import { assignRoles, type SourceFile, type SourceRole } from './folder-roles.js';
import { listedBy, NO_PLUGINS, pluginOf, type PluginIndex } from './plugins.js';
import { resolveSelection, type Selection, type SelectionResult } from './select.js';

/** Identical copies of one definition: counted once, `kept` is used, the others are where else it was found. */
interface SourceDuplicate {
  name: string;
  /** Present for copies of a translation; absent for the canonical definition. */
  locale?: string;
  kept: string;
  alsoAt: string[];
}

/** Different definitions under one `name` (or different translations of one definition): every path. */
export interface SourceConflict {
  name: string;
  locale?: string;
  /** Set when every file is in one plugin (so `<plugin>:<name>` does not choose either). */
  plugin?: string;
  paths: string[];
}

export interface SourceScan {
  /** The unambiguous agents, in the same shape as the package's catalog (keyed by `name`). */
  catalog: Catalog;
  duplicates: SourceDuplicate[];
  conflicts: SourceConflict[];
  /** Problems with how files relate (a translation's `name` differs from its source's, …); file = relPath. */
  diagnostics: Diagnostic[];
  /** Every agent file read, with its role's locale and its plugin when it has them (for `validate`, and conflicts). */
  files: { relPath: string; path: string; parsed: ParsedAgent; locale?: string; plugin?: string }[];
  /** Files whose front-matter could not be read at all (so their `name` is unknown), sorted. */
  unreadable: string[];
  /** Files whose `name` Claude Code rejects (a `:`, a leading `-`): never installed; `validate` reports why. */
  skipped: { relPath: string; name: string }[];
  /** What `select` chose (absent without one). */
  selection?: SelectionResult;
}

/** Code-unit order: stable across machines and locales, and fast on thousands of names. */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** What makes two definitions the same: the bytes `install` would write (or, when it cannot, the parsed content). */
function definitionKey(parsed: ParsedAgent): string {
  const { spec, data, body } = parsed;
  if (spec && !parsed.diagnostics.some((d) => d.severity === 'error'))
    return contentHash(renderAgent({ spec, body, asWritten: fieldsAsWritten({ spec, data }), description: parsed.shownDescription }));
  return contentHash(`invalid\u0000${JSON.stringify(data ?? null)}\u0000${body}`);
}

function variantOf(file: SourceFile, options: { agent: string; locale: string; canonical: boolean; sourcePath?: string; plugin?: string }): Variant {
  const v: Variant = {
    agent: options.agent,
    locale: options.locale,
    path: file.path,
    relPath: file.relPath,
    canonical: options.canonical,
    parsed: file.parsed,
  };
  if (options.sourcePath !== undefined) v.sourcePath = options.sourcePath;
  if (options.plugin !== undefined) v.plugin = options.plugin;
  return v;
}

/** Split files into groups of identical definitions, in the order of their first file. */
function groupByDefinition(files: readonly SourceFile[]): SourceFile[][] {
  const groups = new Map<string, SourceFile[]>();
  for (const file of files) {
    const key = definitionKey(file.parsed);
    const group = groups.get(key);
    if (group) group.push(file);
    else groups.set(key, [file]);
  }
  return [...groups.values()];
}

/**
 * One choice among files that share a name (and locale): identical files collapse into the first (or the
 * picked one); different definitions are a conflict unless exactly one of them is picked.
 */
function choose(options: {
  files: SourceFile[];
  picks: ReadonlySet<string>;
  name: string;
  locale?: string;
  scan: SourceScan;
  pluginOfFile: (file: SourceFile) => string | undefined;
}): { chosen: SourceFile[]; kept: SourceFile } | undefined {
  const { files, picks, name, locale, scan } = options;
  const groups = files.length === 1 ? [files] : groupByDefinition(files);
  const picked = groups.filter((g) => g.some((f) => picks.has(f.relPath)));
  const group = groups.length === 1 ? groups[0] : picked.length === 1 ? picked[0] : undefined;
  const tag = locale === undefined ? {} : { locale };
  if (!group) {
    const plugins = new Set(files.map(options.pluginOfFile));
    const [only] = plugins;
    scan.conflicts.push({ name, ...tag, ...(plugins.size === 1 && only !== undefined ? { plugin: only } : {}), paths: files.map((f) => f.relPath).sort() });
    return undefined;
  }
  const kept = group.find((f) => picks.has(f.relPath)) ?? group[0];
  if (!kept) return undefined;
  if (group.length > 1) scan.duplicates.push({ name, ...tag, kept: kept.relPath, alsoAt: group.filter((f) => f !== kept).map((f) => f.relPath) });
  return { chosen: group, kept };
}

/** The layout most translations follow (each sample counts its `n` translations), or the default `i18n/<lang>/<path>`. */
function learnMirror(samples: readonly { layout: MirrorLayout; n: number }[]): MirrorLayout {
  const counts = new Map<string, { layout: MirrorLayout; n: number }>();
  for (const { layout, n } of samples) {
    const entry = counts.get(layoutKey(layout)) ?? { layout, n: 0 };
    entry.n += n;
    counts.set(layoutKey(layout), entry);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.layout ?? DEFAULT_MIRROR;
}

/**
 * The files of a folder that are agents, by the one rule `validate <folder>` uses too (file-kind.ts): in an
 * `agents` folder or listed by a plugin, a file without `name` is an agent with an error; elsewhere only a file
 * with a `name` is; commands, skills and READMEs never are. A single file given as `--from` is an agent.
 */
function classify(options: { files: readonly SourceFile[]; plugins: PluginIndex; rootName: string; single: boolean }): {
  named: SourceFile[];
  nameless: SourceFile[];
  unreadable: SourceFile[];
} {
  const listed = listedBy(options.plugins);
  const out = { named: [] as SourceFile[], nameless: [] as SourceFile[], unreadable: [] as SourceFile[] };
  for (const file of options.files) {
    const kind = fileKind({ relPath: file.relPath, parsed: file.parsed, rootName: options.rootName, listed: options.single || listed(file.relPath) });
    if (kind.kind === 'not-agent') continue;
    if (file.parsed.isAgent && file.parsed.data === undefined) out.unreadable.push(file);
    else if (nameOf(file.parsed) !== undefined) out.named.push(file);
    // A `name` that is missing or not text: an agent Claude Code skips, reported by validate.
    else out.nameless.push({ ...file, parsed: asDeclaredAgent(file.parsed) });
  }
  return out;
}

/**
 * The plugin of each agent file: its folder's plugin, else (a translation mirrored elsewhere, a Japanese-only
 * plugin under `i18n/ja/plugins/<p>/`) the plugin of the canonical path its folders mirror; a translation's
 * plugin is its source's.
 */
function pluginsOfRoles(options: { roles: readonly SourceRole[]; plugins: PluginIndex }): Map<string, string> {
  const { roles, plugins } = options;
  const byPath = new Map<string, string>();
  const own = (file: SourceFile): string | undefined => {
    const direct = pluginOf(plugins, file.relPath);
    if (direct !== undefined) return direct;
    const mirrored = pathClaims(file.relPath, () => false).flatMap((c) => c.candidates.map((x) => x.canonical));
    for (const path of mirrored) {
      const plugin = pluginOf(plugins, path);
      if (plugin !== undefined) return plugin;
    }
    return undefined;
  };
  for (const role of roles) {
    const plugin = own(role.kind === 'translation' ? role.source : role.file);
    if (plugin !== undefined) byPath.set(role.file.relPath, plugin);
  }
  return byPath;
}

/**
 * Build a catalog from the Markdown files of a source folder (or of a single file, `single`): the agents among
 * them (classify), variants tied to their source, each agent in the language of its canonical variant (a
 * Japanese-only agent is `ja`), keyed by `name`, identical copies collapsed, conflicts listed (and resolved by
 * `picks`, relPaths chosen by the user, and by `select`: `<plugin>:<name>` and `--plugin`). `plugins` are the
 * folder's plugins (read from its manifests), `rootName` the folder's own name. Pure: the same files always
 * give the same scan.
 */
export function assembleSource(options: {
  root: string;
  files: readonly SourceFile[];
  picks?: readonly string[];
  single?: boolean;
  plugins?: PluginIndex;
  rootName?: string;
  select?: Selection;
}): SourceScan {
  const plugins = options.plugins ?? NO_PLUGINS;
  const byPath = (a: SourceFile, b: SourceFile): number => byText(a.relPath, b.relPath);
  const sorted = [...options.files].sort(byPath);
  const { named, nameless, unreadable } = classify({ files: sorted, plugins, rootName: options.rootName ?? '', single: options.single ?? false });
  // Claude Code skips a file whose name it rejects: such a file is never an agent to install, only to validate.
  const skipped = named.filter((f) => claudeNameProblem(nameOf(f.parsed) ?? '') !== undefined);
  const agents = named.filter((f) => !skipped.includes(f));
  const { roles, diagnostics } = assignRoles(agents);
  const pluginAt = pluginsOfRoles({ roles, plugins });
  const pluginOfFile = (file: SourceFile): string | undefined => pluginAt.get(file.relPath);
  const catalog: Catalog = { root: options.root, agents: new Map(), orphans: [], translationLocales: [], mirrors: [] };
  const scan: SourceScan = {
    catalog,
    duplicates: [],
    conflicts: [],
    diagnostics: [...plugins.diagnostics, ...diagnostics],
    files: [],
    unreadable: unreadable.map((f) => f.relPath),
    skipped: skipped.map((f) => ({ relPath: f.relPath, name: nameOf(f.parsed) ?? '' })),
  };
  for (const file of [...unreadable, ...nameless, ...skipped]) scan.files.push({ relPath: file.relPath, path: file.path, parsed: file.parsed });

  let picks = new Set(options.picks ?? []);
  if (options.select) {
    const files = roles.map((role) => ({
      relPath: role.file.relPath,
      name: nameOf(role.file.parsed) ?? '',
      plugin: pluginOfFile(role.file),
      canonical: role.kind === 'canonical',
    }));
    scan.selection = resolveSelection({ selection: options.select, files });
    picks = new Set([...picks, ...scan.selection.picks]);
  }

  // One sample of a layout per folder is enough to tell where a missing translation of that folder belongs.
  const samples = new Map<string, { canonical: string; layout: MirrorLayout; n: number }>();
  const canonicalsByName = new Map<string, SourceFile[]>();
  const localeOfCanonical = new Map<SourceFile, string>();
  const translationsOf = new Map<string, Map<string, SourceFile[]>>();
  const locales = new Set<string>();
  for (const role of roles) {
    const plugin = pluginOfFile(role.file);
    scan.files.push({
      relPath: role.file.relPath,
      path: role.file.path,
      parsed: role.file.parsed,
      ...(role.kind === 'unplaced' ? {} : { locale: role.locale }),
      ...(plugin === undefined ? {} : { plugin }),
    });
    if (role.kind === 'canonical') {
      const name = nameOf(role.file.parsed) ?? '';
      canonicalsByName.set(name, [...(canonicalsByName.get(name) ?? []), role.file]);
      localeOfCanonical.set(role.file, role.locale);
    } else if (role.kind === 'translation') {
      locales.add(role.locale);
      const byLocale = translationsOf.get(role.source.relPath) ?? new Map<string, SourceFile[]>();
      byLocale.set(role.locale, [...(byLocale.get(role.locale) ?? []), role.file]);
      translationsOf.set(role.source.relPath, byLocale);
      if (role.layout) {
        const key = `${role.source.relPath.slice(0, role.source.relPath.lastIndexOf('/') + 1)}\u0000${layoutKey(role.layout)}`;
        const sample = samples.get(key);
        if (sample) sample.n++;
        else samples.set(key, { canonical: role.source.relPath, layout: role.layout, n: 1 });
      }
    }
  }
  catalog.mirrors = [...samples.values()].map(({ canonical, layout }) => ({ canonical, layout }));
  catalog.mirror = learnMirror([...samples.values()]);

  for (const [name, files] of canonicalsByName) {
    const choice = choose({ files, picks, name, scan, pluginOfFile });
    if (!choice) continue;
    const canonical = localeOfCanonical.get(choice.kept) ?? '';
    const plugin = pluginOfFile(choice.kept);
    const tags = plugin === undefined ? {} : { plugin };
    const first = variantOf(choice.kept, { agent: name, locale: canonical, canonical: true, ...tags });
    const agent: CatalogAgent = { name, variants: new Map([[canonical, first]]), canonical, ...tags };
    const byLocale = new Map<string, SourceFile[]>();
    for (const copy of [choice.kept, ...choice.chosen.filter((f) => f !== choice.kept)]) {
      for (const [locale, list] of translationsOf.get(copy.relPath) ?? []) byLocale.set(locale, [...(byLocale.get(locale) ?? []), ...list]);
    }
    for (const locale of [...byLocale.keys()].sort()) {
      if (locale === canonical) continue;
      const translation = choose({ files: byLocale.get(locale) ?? [], picks, name, locale, scan, pluginOfFile });
      if (translation) {
        const variant = variantOf(translation.kept, { agent: name, locale, canonical: false, sourcePath: choice.kept.relPath, ...tags });
        agent.variants.set(locale, variant);
      }
    }
    catalog.agents.set(name, agent);
  }
  catalog.agents = new Map([...catalog.agents.entries()].sort(([a], [b]) => byAgentName(a, b)));
  catalog.translationLocales = [...locales].sort();
  scan.files.sort((a, b) => byText(a.relPath, b.relPath));
  scan.conflicts.sort((a, b) => byText(a.name, b.name) || byText(a.locale ?? '', b.locale ?? ''));
  scan.duplicates.sort((a, b) => byText(a.name, b.name) || byText(a.locale ?? '', b.locale ?? ''));
  return scan;
}

/** A scan of `--from` with where it was read from. */
export interface ReadSourceResult extends SourceScan {
  /** `--from` as given. */
  from: string;
  /** The folder scanned (for a single file: its folder), absolute. */
  root: string;
  /** Whether `from` named a single file. */
  single: boolean;
  /** The picks, as paths inside the source. */
  picks: string[];
  /** Fingerprint of the files looked at, taken before they were read (undefined if one vanished meanwhile). */
  fingerprint?: string;
  /** When `from` named a git repository: its URL, ref, folder and the commit read (`root` is its checkout). */
  git?: ManifestGit;
}
