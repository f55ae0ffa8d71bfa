import { CANONICAL_LOCALE, type MirrorLayout } from './catalog.js';

/** Folder names that hold one subfolder per language: `locales/<lang>/…`, `i18n/<lang>/…`. */
const TREE_DIRS: readonly string[] = ['locales', 'i18n'];

/** A language code as a folder name: `ja`, `en`, `zh-CN`, `pt_BR`. */
const LANG_SEGMENT = /^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/;

/** Where a file sits in a language tree: `<prefix><dir>/<locale>/<rest>`. */
export interface TreePlace {
  prefix: string;
  dir: string;
  locale: string;
  rest: string;
}

/** The first `locales/<lang>/` or `i18n/<lang>/` pair of folders in a relPath (with a file below it), or undefined. */
export function treePlaceOf(relPath: string): TreePlace | undefined {
  const parts = relPath.split('/');
  for (let i = 0; i + 2 < parts.length; i++) {
    const dir = parts[i] ?? '';
    const locale = parts[i + 1] ?? '';
    if (TREE_DIRS.includes(dir) && LANG_SEGMENT.test(locale)) {
      return {
        prefix: parts
          .slice(0, i)
          .map((p) => `${p}/`)
          .join(''),
        dir,
        locale,
        rest: parts.slice(i + 2).join('/'),
      };
    }
  }
  return undefined;
}

/**
 * The layouts a translation at `place` may mirror, most likely first: the same path beside the tree
 * (`i18n/ja/a/x.md` ↔ `a/x.md`), a sibling English tree (`i18n/ja/x.md` ↔ `i18n/en/x.md`), an English
 * folder (`i18n/ja/x.md` ↔ `en/x.md`).
 */
export function mirrorCandidates(place: TreePlace): { layout: MirrorLayout; canonical: string }[] {
  const { prefix, dir, rest } = place;
  const bases = ['', `${dir}/${CANONICAL_LOCALE}/`, `${CANONICAL_LOCALE}/`];
  return bases.map((base) => ({ layout: { prefix, dir, base }, canonical: `${prefix}${base}${rest}` }));
}

/** The same layout, as a comparable key. */
export function layoutKey(layout: MirrorLayout): string {
  return `${layout.prefix}\u0000${layout.dir}\u0000${layout.base}`;
}

/** Where the `locale` translation of canonical `canonicalPath` belongs in a mirrored layout. */
export function mirroredPath(options: { layout: MirrorLayout; canonicalPath: string; locale: string }): string {
  const { layout, canonicalPath, locale } = options;
  const start = `${layout.prefix}${layout.base}`;
  const rest = canonicalPath.startsWith(start) ? canonicalPath.slice(start.length) : canonicalPath;
  const prefix = canonicalPath.startsWith(layout.prefix) ? layout.prefix : '';
  return `${prefix}${layout.dir}/${locale}/${rest}`;
}

/** The layout of a source whose translations show none: `i18n/<lang>/<path>`, as mirror trees in the wild do. */
export const DEFAULT_MIRROR: MirrorLayout = { prefix: '', dir: 'i18n', base: '' };
