import { languageOfLabel } from '../agent/banner.js';
import { CANONICAL_LOCALE } from './catalog.js';
import { resolveCatalogLink } from './links.js';
import { makeDiagnostic, type Diagnostic, type DiagnosticParams } from '../diagnostics.js';
import type { ParsedAgent } from '../agent/parse.js';
import { mirrorCandidates, treePlaceOf } from './folder-layout.js';

/** An agent file found in a source folder. */
export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** Path inside the source folder, `/`-separated. */
  relPath: string;
  parsed: ParsedAgent;
}

/** How a translation was tied to its source (in the order they are tried). */
type LinkKind = 'i18n' | 'banner' | 'tree' | 'link-back';

export type SourceRole =
  | { kind: 'canonical'; file: SourceFile }
  | { kind: 'translation'; file: SourceFile; locale: string; source: SourceFile; via: LinkKind }
  /** A translation whose source is not in the folder; `sourcePath` is where it was looked for. */
  | { kind: 'orphan'; file: SourceFile; locale: string; sourcePath?: string }
  /** A file with an `i18n.source` but no way to tell its language. */
  | { kind: 'unplaced'; file: SourceFile };

/** The `name` an agent file declares, even when other fields have errors. */
export function nameOf(parsed: ParsedAgent): string | undefined {
  const name = parsed.spec?.name ?? parsed.data?.['name'];
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** The language a file says it is in: its `<lang>` tree folder, else its banner's bold unlinked entry. */
function ownLocaleOf(file: SourceFile): string | undefined {
  const place = treePlaceOf(file.relPath);
  if (place) return place.locale;
  const current = file.parsed.banner?.current;
  return current === undefined ? undefined : languageOfLabel(current);
}

/** The file with one more diagnostic (a copy: parsed results are shared). */
function withDiagnostic(file: SourceFile, diagnostic: Diagnostic): SourceFile {
  return { ...file, parsed: { ...file.parsed, diagnostics: [...file.parsed.diagnostics, { ...diagnostic, file: file.path }] } };
}

/**
 * Decide, for every agent file of a source folder, whether it is a canonical (English) variant, a
 * translation of another file, or a translation whose source is not there. Evidence, in order: an
 * `i18n.source` block; a banner link to another file of the folder; a `locales/<lang>/` or `i18n/<lang>/` tree
 * mirroring the canonical path. A canonical file's banner link labelled with another language also makes
 * its target (a file with no evidence of its own, and the same `name`) that translation. Pure.
 */
export function assignRoles(files: readonly SourceFile[]): { roles: SourceRole[]; diagnostics: Diagnostic[] } {
  const byRel = new Map(files.map((f) => [f.relPath, f]));
  const locale = new Map<SourceFile, string | undefined>(files.map((f) => [f, ownLocaleOf(f)]));
  const linkedBack = new Map<SourceFile, { source: SourceFile; locale: string }>();
  const isCanonical = (f: SourceFile): boolean =>
    f.parsed.i18n?.source === undefined && !linkedBack.has(f) && [undefined, CANONICAL_LOCALE].includes(locale.get(f));

  for (const file of files) {
    if (!isCanonical(file) || !file.parsed.banner) continue;
    for (const link of file.parsed.banner.links) {
      const target = byRel.get(resolveCatalogLink({ from: file.relPath, href: link.href }) ?? '');
      const label = languageOfLabel(link.label);
      if (!target || target === file || label === undefined || label === CANONICAL_LOCALE) continue;
      if (locale.get(target) !== undefined || target.parsed.i18n?.source !== undefined || linkedBack.has(target)) continue;
      if (nameOf(target.parsed) === nameOf(file.parsed)) linkedBack.set(target, { source: file, locale: label });
    }
  }

  const diagnostics: Diagnostic[] = [];
  const note = (
    file: SourceFile,
    severity: 'error' | 'warning',
    code: 'VARIANT_NAME_MISMATCH' | 'VARIANT_LOCALE_UNKNOWN',
    params: DiagnosticParams,
  ): SourceFile => {
    const d = makeDiagnostic({ severity, code, file: file.relPath, params });
    diagnostics.push(d);
    return withDiagnostic(file, d);
  };
  const translation = (file: SourceFile, lang: string, source: SourceFile, via: LinkKind): SourceRole => {
    const name = nameOf(file.parsed) ?? '';
    const expected = nameOf(source.parsed) ?? '';
    const checked = name === expected ? file : note(file, 'error', 'VARIANT_NAME_MISMATCH', { name, expected, source: source.relPath });
    return { kind: 'translation', file: checked, locale: lang, source, via };
  };

  const roles = files.map((file): SourceRole => {
    const back = linkedBack.get(file);
    if (back) return translation(file, back.locale, back.source, 'link-back');
    const lang = locale.get(file);
    const href = file.parsed.i18n?.source;
    if (href !== undefined) {
      const resolved = resolveCatalogLink({ from: file.relPath, href });
      if (lang === undefined || lang === CANONICAL_LOCALE) return { kind: 'unplaced', file: note(file, 'warning', 'VARIANT_LOCALE_UNKNOWN', { source: href }) };
      const target = byRel.get(resolved ?? '');
      if (target && target !== file && isCanonical(target)) return translation(file, lang, target, 'i18n');
      return resolved === undefined ? { kind: 'orphan', file, locale: lang } : { kind: 'orphan', file, locale: lang, sourcePath: resolved };
    }
    if (lang === undefined || lang === CANONICAL_LOCALE) return { kind: 'canonical', file };
    const links = [...(file.parsed.banner?.links ?? [])].sort(
      (a, b) => Number(languageOfLabel(b.label) === CANONICAL_LOCALE) - Number(languageOfLabel(a.label) === CANONICAL_LOCALE),
    );
    const linked = links.map((link) => resolveCatalogLink({ from: file.relPath, href: link.href })).filter((p): p is string => p !== undefined);
    for (const relPath of linked) {
      const target = byRel.get(relPath);
      if (target && target !== file && isCanonical(target)) return translation(file, lang, target, 'banner');
    }
    const place = treePlaceOf(file.relPath);
    const candidates = place ? mirrorCandidates(place) : [];
    for (const { canonical } of candidates) {
      const target = byRel.get(canonical);
      if (target && target !== file && isCanonical(target)) return translation(file, lang, target, 'tree');
    }
    const expected = candidates[0]?.canonical ?? linked[0];
    return expected === undefined ? { kind: 'orphan', file, locale: lang } : { kind: 'orphan', file, locale: lang, sourcePath: expected };
  });
  return { roles, diagnostics };
}
