import { CANONICAL_LOCALE, type Catalog, type MirrorLayout } from './catalog.js';
import { hasTagShape, isLanguageFolder, isLanguageTag } from './language.js';

/** Folder names that hold one subfolder per language: `locales/<lang>/…`, `i18n/<lang>/…`. */
const TREE_DIRS: readonly string[] = ['locales', 'i18n'];

/** Where a file sits in a language tree: `<prefix><dir>/<locale>/<rest>`. */
export interface TreePlace {
  prefix: string;
  dir: string;
  locale: string;
  rest: string;
}

const joined = (parts: readonly string[]): string => parts.map((p) => `${p}/`).join('');

/** The first `locales/<lang>/` or `i18n/<lang>/` pair of folders in a relPath (with a file below it), or undefined. */
export function treePlaceOf(relPath: string): TreePlace | undefined {
  const parts = relPath.split('/');
  for (let i = 0; i + 2 < parts.length; i++) {
    const dir = parts[i] ?? '';
    const locale = parts[i + 1] ?? '';
    if (TREE_DIRS.includes(dir) && hasTagShape(locale)) {
      return { prefix: joined(parts.slice(0, i)), dir, locale, rest: parts.slice(i + 2).join('/') };
    }
  }
  return undefined;
}

/**
 * The layouts a translation at `place` may mirror, most likely first: the same path beside the tree
 * (`i18n/ja/a/x.md` ↔ `a/x.md`), a sibling English tree (`i18n/ja/x.md` ↔ `i18n/en/x.md`), an English
 * folder (`i18n/ja/x.md` ↔ `en/x.md`).
 */
function mirrorCandidates(place: TreePlace): { layout: MirrorLayout; canonical: string }[] {
  const { prefix, dir, rest } = place;
  const bases = ['', `${dir}/${CANONICAL_LOCALE}/`, `${CANONICAL_LOCALE}/`];
  return bases.map((base) => ({ layout: { prefix, dir, base }, canonical: `${prefix}${base}${rest}` }));
}

/**
 * What a file's path says about its language, strongest first:
 * - `tree`: under `locales/<lang>/` or `i18n/<lang>/` (any tag), whether or not its canonical file exists;
 * - `agents`: a `<lang>/agents/` pair (`.claude/ja/agents/x.md`), whether or not its canonical file exists
 *   (then only a tag that cannot be an ordinary word: `it/agents/` may be a team's IT folder);
 * - `mirror`: a `<lang>/` folder or a `.<lang>.md` suffix whose removal names another file (`canonical`);
 * - `alone`: such a folder or suffix with nothing to mirror, when its tag cannot be an ordinary word.
 * Each claim lists the canonical paths it would mirror (for `mirror`, only the one that exists).
 */
export interface PathClaim {
  locale: string;
  strength: 'tree' | 'agents' | 'mirror' | 'alone';
  candidates: { layout: MirrorLayout; canonical: string }[];
}

/** A `.<lang>.md` suffix: `x.ja.md` → { base: 'x', tag: 'ja' }. */
function suffixOf(name: string): { base: string; tag: string } | undefined {
  const m = /^(.+)\.([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\.md$/i.exec(name);
  return m?.[1] !== undefined && m[2] !== undefined && isLanguageTag(m[2]) ? { base: m[1], tag: m[2] } : undefined;
}

/**
 * Every language claim a relPath's folders and file name make, strongest first; `exists` says whether a
 * path is a file of the catalog (a mirror only counts when the file it mirrors is there). Pure.
 */
export function pathClaims(relPath: string, exists: (relPath: string) => boolean): PathClaim[] {
  const parts = relPath.split('/');
  const claims: PathClaim[] = [];
  const tree = treePlaceOf(relPath);
  if (tree) claims.push({ locale: tree.locale, strength: 'tree', candidates: mirrorCandidates(tree) });
  const weak: PathClaim[] = [];
  for (let i = 0; i + 1 < parts.length; i++) {
    const tag = parts[i] ?? '';
    if (!isLanguageTag(tag) || (tree && TREE_DIRS.includes(parts[i - 1] ?? ''))) continue;
    const prefix = joined(parts.slice(0, i));
    const canonical = `${prefix}${parts.slice(i + 1).join('/')}`;
    const candidate = { layout: { kind: 'segment', prefix } as const, canonical };
    const found = exists(canonical);
    if (parts[i + 1] === 'agents' && i + 2 < parts.length && (found || isLanguageFolder(tag)))
      claims.push({ locale: tag, strength: 'agents', candidates: [candidate] });
    else if (found) claims.push({ locale: tag, strength: 'mirror', candidates: [candidate] });
    else if (isLanguageFolder(tag)) weak.push({ locale: tag, strength: 'alone', candidates: [] });
  }
  const suffix = suffixOf(parts.at(-1) ?? '');
  if (suffix) {
    const canonical = `${joined(parts.slice(0, -1))}${suffix.base}.md`;
    if (exists(canonical)) claims.push({ locale: suffix.tag, strength: 'mirror', candidates: [{ layout: { kind: 'suffix' }, canonical }] });
    else if (isLanguageFolder(suffix.tag)) weak.push({ locale: suffix.tag, strength: 'alone', candidates: [] });
  }
  return [...claims, ...weak];
}

/** The same layout, as a comparable key. */
export function layoutKey(layout: MirrorLayout): string {
  if (layout.kind === 'segment') return `segment\u0000${layout.prefix}`;
  if (layout.kind === 'suffix') return 'suffix';
  return `${layout.prefix}\u0000${layout.dir}\u0000${layout.base}`;
}

/**
 * Where the `locale` translation of canonical `canonicalPath` belongs in a mirrored layout, or undefined
 * when that layout cannot hold it (a `segment` layout of another folder).
 */
export function mirroredPath(options: { layout: MirrorLayout; canonicalPath: string; locale: string }): string {
  return placeInLayout(options) ?? `i18n/${options.locale}/${options.canonicalPath}`;
}

function placeInLayout(options: { layout: MirrorLayout; canonicalPath: string; locale: string }): string | undefined {
  const { layout, canonicalPath, locale } = options;
  if (layout.kind === 'suffix') return canonicalPath.endsWith('.md') ? `${canonicalPath.slice(0, -3)}.${locale}.md` : undefined;
  if (layout.kind === 'segment') {
    return canonicalPath.startsWith(layout.prefix) ? `${layout.prefix}${locale}/${canonicalPath.slice(layout.prefix.length)}` : undefined;
  }
  const start = `${layout.prefix}${layout.base}`;
  const rest = canonicalPath.startsWith(start) ? canonicalPath.slice(start.length) : canonicalPath;
  const prefix = canonicalPath.startsWith(layout.prefix) ? layout.prefix : '';
  return `${prefix}${layout.dir}/${locale}/${rest}`;
}

/** The folder part of a relPath, with its final `/` ('' at the root). */
const folderOf = (relPath: string): string => relPath.slice(0, relPath.lastIndexOf('/') + 1);

/** How many leading characters two paths share, counted in whole folders. */
function sharedFolders(a: string, b: string): number {
  const fa = folderOf(a);
  const fb = folderOf(b);
  let n = 0;
  for (let i = 0; i < Math.min(fa.length, fb.length) && fa[i] === fb[i]; i++) if (fa[i] === '/') n = i + 1;
  return n;
}

/**
 * Where a missing `locale` translation of `canonicalPath` belongs in a source folder: the layout of the
 * translated canonical file nearest to it (a catalog may mirror `.claude/agents/` as `.claude/ja/agents/` and
 * `plugins/` as `i18n/ja/plugins/`), else the layout most translations follow, else `i18n/<lang>/<path>`.
 */
export function expectedTranslationPath(options: { catalog: Pick<Catalog, 'mirror' | 'mirrors'>; canonicalPath: string; locale: string }): string {
  const { catalog, canonicalPath, locale } = options;
  let best: { path: string; shared: number } | undefined;
  for (const sample of catalog.mirrors ?? []) {
    const path = placeInLayout({ layout: sample.layout, canonicalPath, locale });
    if (path === undefined) continue;
    const shared = sharedFolders(sample.canonical, canonicalPath);
    if (!best || shared > best.shared) best = { path, shared };
  }
  return best?.path ?? mirroredPath({ layout: catalog.mirror ?? DEFAULT_MIRROR, canonicalPath, locale });
}

/** The layout of a source whose translations show none: `i18n/<lang>/<path>`, as mirror trees in the wild do. */
export const DEFAULT_MIRROR: MirrorLayout = { prefix: '', dir: 'i18n', base: '' };

/**
 * Where a catalog's files of every language mirror, for a canonical file that is itself in a language's place
 * (a Japanese-only agent at `.claude/ja/agents/x.md` or `i18n/ja/plugins/p/agents/x.md`): the path its place
 * mirrors (`.claude/agents/x.md`, `plugins/p/agents/x.md`), so that another language's file goes beside it
 * rather than inside the `ja` folder. An English canonical, or one its path does not place, is its own base. Pure.
 */
function basePathOf(options: { canonicalPath: string; canonicalLocale: string }): string {
  if (options.canonicalLocale === CANONICAL_LOCALE) return options.canonicalPath;
  const claim = pathClaims(options.canonicalPath, () => true).find((c) => c.locale === options.canonicalLocale && c.candidates.length > 0);
  return claim?.candidates[0]?.canonical ?? options.canonicalPath;
}

/** Where a new or missing `locale` file of an agent belongs in a catalog's mirror layout (beside its base, for English). */
export function translationPathIn(options: {
  catalog: Pick<Catalog, 'mirror' | 'mirrors'>;
  canonicalPath: string;
  canonicalLocale: string;
  locale: string;
}): string {
  const base = basePathOf(options);
  return options.locale === CANONICAL_LOCALE ? base : expectedTranslationPath({ catalog: options.catalog, canonicalPath: base, locale: options.locale });
}
