import { languageOfLabel } from '../agent/banner.js';
import { CANONICAL_LOCALE, type MirrorLayout } from './catalog.js';
import { resolveCatalogLink } from './links.js';
import { makeDiagnostic, type Diagnostic, type DiagnosticParams } from '../diagnostics.js';
import type { ParsedAgent } from '../agent/parse.js';
import { nameOf } from './file-kind.js';
import { pathClaims, type PathClaim } from './folder-layout.js';
import { detectLanguage } from './language.js';

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
  /** A variant nothing else is the source of: English unless its path, banner or text says otherwise. */
  | { kind: 'canonical'; file: SourceFile; locale: string }
  | { kind: 'translation'; file: SourceFile; locale: string; source: SourceFile; via: LinkKind; layout?: MirrorLayout }
  /** A file with an `i18n.source` but no way to tell its language. */
  | { kind: 'unplaced'; file: SourceFile };

/** A file's own language and what tells it: a folder or file name, a banner, its text, or nothing (English). */
interface OwnLocale {
  locale: string;
  evidence: 'path' | 'banner' | 'text' | 'default';
  claims: PathClaim[];
}

/** The text whose language is the file's: description and body, the banner already removed by the parser. */
function textOf(parsed: ParsedAgent): string {
  const description = parsed.spec?.description ?? parsed.data?.['description'];
  return `${typeof description === 'string' ? description : ''}\n${parsed.body}`;
}

/**
 * The language a file is in: a language tree or a mirrored `<lang>/` folder or `.<lang>.md` suffix; else its
 * banner's bold unlinked entry; else a `<lang>` folder alone; else its text (kana, Hangul, Han); else English.
 * `sameName` says whether a path holds a file with this file's `name` (a mirror only counts then). Pure.
 */
export function ownLocaleOf(file: SourceFile, sameName: (relPath: string) => boolean): OwnLocale {
  const claims = pathClaims(file.relPath, sameName);
  const strong = claims.find((c) => c.strength !== 'alone');
  if (strong) return { locale: strong.locale, evidence: 'path', claims };
  const current = file.parsed.banner?.current;
  const label = current === undefined ? undefined : languageOfLabel(current);
  if (label !== undefined) return { locale: label, evidence: 'banner', claims };
  const alone = claims[0];
  if (alone) return { locale: alone.locale, evidence: 'path', claims };
  const text = detectLanguage(textOf(file.parsed));
  return text === undefined ? { locale: CANONICAL_LOCALE, evidence: 'default', claims } : { locale: text, evidence: 'text', claims };
}

/** The file with one more diagnostic (a copy: parsed results are shared). */
function withDiagnostic(file: SourceFile, diagnostic: Diagnostic): SourceFile {
  return { ...file, parsed: { ...file.parsed, diagnostics: [...file.parsed.diagnostics, { ...diagnostic, file: file.path }] } };
}

/** A file that may name its source: where to look, in order, and how each place ties it. */
interface Claim {
  relPath: string;
  via: LinkKind;
  layout?: MirrorLayout;
}

/**
 * Decide, for every agent file of a source folder, whether it is a canonical variant (in its own language), a
 * translation of another file, or a translation with no known language. Evidence, in order: an `i18n.source`
 * block; a banner link to another file of the folder; a language tree, `<lang>/` folder or `.<lang>.md` suffix
 * mirroring the canonical path. A canonical file's banner link labelled with another language also makes its
 * target (a file with no evidence of its own but its text, and the same `name`) that translation. A
 * translation whose source is not in the folder is an agent of its own language (a Japanese-only agent), not
 * an orphan. An English file is a translation only by `i18n.source` or its path (`x.en.md` beside `x.md`). Pure.
 */
export function assignRoles(files: readonly SourceFile[]): { roles: SourceRole[]; diagnostics: Diagnostic[] } {
  const byRel = new Map(files.map((f) => [f.relPath, f]));
  const own = new Map<SourceFile, OwnLocale>();
  for (const file of files) {
    const name = nameOf(file.parsed);
    const sameName = (relPath: string): boolean => {
      const other = byRel.get(relPath);
      return other !== undefined && other !== file && nameOf(other.parsed) === name;
    };
    own.set(file, ownLocaleOf(file, sameName));
  }
  const localeOf = (f: SourceFile): string => own.get(f)?.locale ?? CANONICAL_LOCALE;

  // A canonical file's banner link labelled with another language, to a file nothing else places.
  const linkedBack = new Map<SourceFile, { source: SourceFile; locale: string }>();
  for (const file of files) {
    if (file.parsed.i18n?.source !== undefined || localeOf(file) !== CANONICAL_LOCALE || !file.parsed.banner) continue;
    if ((own.get(file)?.claims ?? []).some((c) => c.candidates.some((x) => byRel.has(x.canonical)))) continue;
    for (const link of file.parsed.banner.links) {
      const target = byRel.get(resolveCatalogLink({ from: file.relPath, href: link.href }) ?? '');
      const label = languageOfLabel(link.label);
      if (!target || target === file || label === undefined || label === CANONICAL_LOCALE || linkedBack.has(target)) continue;
      const theirs = own.get(target);
      if (target.parsed.i18n?.source !== undefined || (theirs?.evidence !== 'default' && theirs?.evidence !== 'text')) continue;
      if (theirs.evidence === 'text' && theirs.locale !== label) continue;
      if (nameOf(target.parsed) === nameOf(file.parsed)) linkedBack.set(target, { source: file, locale: label });
    }
  }

  const claimsOf = (file: SourceFile): Claim[] => {
    const mine = own.get(file);
    const out: Claim[] = [];
    const href = file.parsed.i18n?.source;
    const resolved = href === undefined ? undefined : resolveCatalogLink({ from: file.relPath, href });
    if (resolved !== undefined) out.push({ relPath: resolved, via: 'i18n' });
    if (!mine || mine.evidence === 'default') return out;
    if (mine.locale !== CANONICAL_LOCALE) {
      const links = [...(file.parsed.banner?.links ?? [])].sort(
        (a, b) => Number(languageOfLabel(b.label) === CANONICAL_LOCALE) - Number(languageOfLabel(a.label) === CANONICAL_LOCALE),
      );
      for (const link of links) {
        const p = resolveCatalogLink({ from: file.relPath, href: link.href });
        if (p !== undefined) out.push({ relPath: p, via: 'banner' });
      }
    }
    for (const claim of mine.claims) {
      if (claim.locale !== mine.locale) continue;
      for (const c of claim.candidates) out.push({ relPath: c.canonical, via: 'tree', layout: c.layout });
    }
    return out;
  };

  // Each file's role, decided once: a claim counts when it names another file of another language that is
  // itself canonical (asked recursively; a cycle of claims leaves the files canonical).
  const decided = new Map<SourceFile, { source: SourceFile; via: LinkKind; layout?: MirrorLayout } | null>();
  const deciding = new Set<SourceFile>();
  const sourceOf = (file: SourceFile): { source: SourceFile; via: LinkKind; layout?: MirrorLayout } | null => {
    const known = decided.get(file);
    if (known !== undefined) return known;
    const back = linkedBack.get(file);
    if (back) {
      decided.set(file, { source: back.source, via: 'link-back' });
      return decided.get(file) ?? null;
    }
    deciding.add(file);
    let found: { source: SourceFile; via: LinkKind; layout?: MirrorLayout } | null = null;
    for (const claim of claimsOf(file)) {
      const target = byRel.get(claim.relPath);
      if (!target || target === file || deciding.has(target) || target.parsed.i18n?.source !== undefined || linkedBack.has(target)) continue;
      if (claim.via !== 'i18n' && localeOf(target) === localeOf(file)) continue;
      if (sourceOf(target) !== null) continue;
      // The layout the pair follows, however it was tied (a banner link between mirrored paths still shows the layout).
      const layout =
        claim.layout ??
        own
          .get(file)
          ?.claims.flatMap((c) => c.candidates)
          .find((c) => c.canonical === target.relPath)?.layout;
      found = layout ? { source: target, via: claim.via, layout } : { source: target, via: claim.via };
      break;
    }
    deciding.delete(file);
    decided.set(file, found);
    return found;
  };

  const diagnostics: Diagnostic[] = [];
  const note = (file: SourceFile, severity: 'error' | 'warning', code: Diagnostic['code'], params: DiagnosticParams): SourceFile => {
    const d = makeDiagnostic({ severity, code, file: file.relPath, params });
    diagnostics.push(d);
    return withDiagnostic(file, d);
  };

  const roles = files.map((file): SourceRole => {
    const lang = localeOf(file);
    const href = file.parsed.i18n?.source;
    const tie = sourceOf(file);
    if (tie) {
      const locale = tie.via === 'link-back' ? (linkedBack.get(file)?.locale ?? lang) : lang;
      if (locale === localeOf(tie.source))
        return { kind: 'unplaced', file: note(file, 'warning', 'VARIANT_LOCALE_UNKNOWN', { source: href ?? tie.source.relPath }) };
      const name = nameOf(file.parsed) ?? '';
      const expected = nameOf(tie.source.parsed) ?? '';
      const checked = name === expected ? file : note(file, 'error', 'VARIANT_NAME_MISMATCH', { name, expected, source: tie.source.relPath });
      const role: SourceRole = { kind: 'translation', file: checked, locale, source: tie.source, via: tie.via };
      if (tie.layout) role.layout = tie.layout;
      return role;
    }
    // An i18n.source that leads to no file of the folder: the file is an agent of its own, and says so.
    if (href !== undefined && !byRel.has(resolveCatalogLink({ from: file.relPath, href }) ?? '')) {
      return { kind: 'canonical', file: note(file, 'warning', 'I18N_SOURCE_NOT_FOUND', { source: href }), locale: lang };
    }
    return { kind: 'canonical', file, locale: lang };
  });
  return { roles, diagnostics };
}
