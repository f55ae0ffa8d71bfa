import { contentHash } from '../hash.js';
import { CANONICAL_LOCALE, type Catalog, type CatalogAgent, type MirrorLayout, type Variant } from './catalog.js';
import type { Diagnostic } from '../diagnostics.js';
import type { ParsedAgent } from '../agent/parse.js';
import { fieldsAsWritten, renderAgent } from '../agent/render.js';
import { DEFAULT_MIRROR, layoutKey, mirrorCandidates, treePlaceOf } from './folder-layout.js';
import { assignRoles, nameOf, type SourceFile, type SourceRole } from './folder-roles.js';

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
  paths: string[];
}

export interface SourceScan {
  /** The unambiguous agents, in the same shape as the package's catalog (keyed by `name`). */
  catalog: Catalog;
  duplicates: SourceDuplicate[];
  conflicts: SourceConflict[];
  /** Problems with how files relate (a translation's `name` differs from its source's, …); file = relPath. */
  diagnostics: Diagnostic[];
  /** Every agent file read, with its role's locale when it has one (for `validate`). */
  files: { relPath: string; path: string; parsed: ParsedAgent; locale?: string }[];
  /** Files whose front-matter could not be read at all (so their `name` is unknown), sorted. */
  unreadable: string[];
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

function variantOf(file: SourceFile, options: { agent: string; locale: string; sourcePath?: string }): Variant {
  const v: Variant = {
    agent: options.agent,
    locale: options.locale,
    path: file.path,
    relPath: file.relPath,
    canonical: options.locale === CANONICAL_LOCALE,
    parsed: file.parsed,
  };
  if (options.sourcePath !== undefined) v.sourcePath = options.sourcePath;
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
}): { chosen: SourceFile[]; kept: SourceFile } | undefined {
  const { files, picks, name, locale, scan } = options;
  const groups = files.length === 1 ? [files] : groupByDefinition(files);
  const picked = groups.filter((g) => g.some((f) => picks.has(f.relPath)));
  const group = groups.length === 1 ? groups[0] : picked.length === 1 ? picked[0] : undefined;
  const tag = locale === undefined ? {} : { locale };
  if (!group) {
    scan.conflicts.push({ name, ...tag, paths: files.map((f) => f.relPath).sort() });
    return undefined;
  }
  const kept = group.find((f) => picks.has(f.relPath)) ?? group[0];
  if (!kept) return undefined;
  if (group.length > 1) scan.duplicates.push({ name, ...tag, kept: kept.relPath, alsoAt: group.filter((f) => f !== kept).map((f) => f.relPath) });
  return { chosen: group, kept };
}

/** The mirror layout most tree-placed translations follow, or the default `i18n/<lang>/<path>`. */
function learnMirror(roles: readonly SourceRole[]): MirrorLayout {
  const counts = new Map<string, { layout: MirrorLayout; n: number }>();
  for (const role of roles) {
    if (role.kind !== 'translation') continue;
    const place = treePlaceOf(role.file.relPath);
    const match = place ? mirrorCandidates(place).find((c) => c.canonical === role.source.relPath) : undefined;
    if (!match) continue;
    const entry = counts.get(layoutKey(match.layout)) ?? { layout: match.layout, n: 0 };
    entry.n++;
    counts.set(layoutKey(match.layout), entry);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.layout ?? DEFAULT_MIRROR;
}

/**
 * Build a catalog from the agent files of a source folder (or of a single file, `single`): variants tied
 * to their source, agents keyed by `name`, identical copies collapsed, conflicts listed (and resolved by
 * `picks`, relPaths chosen by the user). Pure: the same files always give the same scan.
 */
export function assembleSource(options: { root: string; files: readonly SourceFile[]; picks?: readonly string[]; single?: boolean }): SourceScan {
  const picks = new Set(options.picks ?? []);
  const byPath = (a: SourceFile, b: SourceFile): number => byText(a.relPath, b.relPath);
  // Front-matter without `name` (a command, a page) is documentation; front-matter that cannot be read is a problem.
  const agents = options.files.filter((f) => f.parsed.isAgent && nameOf(f.parsed) !== undefined).sort(byPath);
  const unreadable = options.files.filter((f) => f.parsed.isAgent && f.parsed.data === undefined).sort(byPath);
  const { roles, diagnostics } = assignRoles(agents);
  const catalog: Catalog = { root: options.root, agents: new Map(), orphans: [], translationLocales: [], mirror: learnMirror(roles) };
  const scan: SourceScan = { catalog, duplicates: [], conflicts: [], diagnostics, files: [], unreadable: unreadable.map((f) => f.relPath) };
  for (const file of unreadable) scan.files.push({ relPath: file.relPath, path: file.path, parsed: file.parsed });

  const canonicalsByName = new Map<string, SourceFile[]>();
  const translationsOf = new Map<string, Map<string, SourceFile[]>>();
  const locales = new Set<string>();
  for (const role of roles) {
    scan.files.push({
      relPath: role.file.relPath,
      path: role.file.path,
      parsed: role.file.parsed,
      ...(role.kind === 'canonical' ? { locale: CANONICAL_LOCALE } : role.kind === 'unplaced' ? {} : { locale: role.locale }),
    });
    if (role.kind === 'canonical') {
      const name = nameOf(role.file.parsed) ?? '';
      canonicalsByName.set(name, [...(canonicalsByName.get(name) ?? []), role.file]);
    } else if (role.kind === 'translation') {
      locales.add(role.locale);
      const byLocale = translationsOf.get(role.source.relPath) ?? new Map<string, SourceFile[]>();
      byLocale.set(role.locale, [...(byLocale.get(role.locale) ?? []), role.file]);
      translationsOf.set(role.source.relPath, byLocale);
    } else if (role.kind === 'orphan') {
      locales.add(role.locale);
      const name = nameOf(role.file.parsed) ?? '';
      const place = treePlaceOf(role.file.relPath);
      const mirror = catalog.mirror;
      // Where its source would be: the layout the other translations follow, else where the file itself points.
      const sourcePath =
        role.file.parsed.i18n?.source === undefined && place && mirror && place.dir === mirror.dir && place.prefix === mirror.prefix
          ? `${mirror.prefix}${mirror.base}${place.rest}`
          : role.sourcePath;
      const variant = variantOf(role.file, { agent: name, locale: role.locale, ...(sourcePath === undefined ? {} : { sourcePath }) });
      // A single file is one agent in its own language, not a translation missing its source.
      if (options.single) catalog.agents.set(name, { name, variants: new Map([[role.locale, variant]]) });
      else catalog.orphans.push(variant);
    }
  }

  for (const [name, files] of canonicalsByName) {
    const choice = choose({ files, picks, name, scan });
    if (!choice) continue;
    const agent: CatalogAgent = { name, variants: new Map([[CANONICAL_LOCALE, variantOf(choice.kept, { agent: name, locale: CANONICAL_LOCALE })]]) };
    const byLocale = new Map<string, SourceFile[]>();
    for (const copy of [choice.kept, ...choice.chosen.filter((f) => f !== choice.kept)]) {
      for (const [locale, list] of translationsOf.get(copy.relPath) ?? []) byLocale.set(locale, [...(byLocale.get(locale) ?? []), ...list]);
    }
    for (const locale of [...byLocale.keys()].sort()) {
      const translation = choose({ files: byLocale.get(locale) ?? [], picks, name, locale, scan });
      if (translation) agent.variants.set(locale, variantOf(translation.kept, { agent: name, locale, sourcePath: choice.kept.relPath }));
    }
    catalog.agents.set(name, agent);
  }
  catalog.agents = new Map([...catalog.agents.entries()].sort(([a], [b]) => byText(a, b)));
  catalog.translationLocales = [...locales].filter((l) => l !== CANONICAL_LOCALE).sort();
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
}
