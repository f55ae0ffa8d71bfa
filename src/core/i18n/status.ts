import { canonicalHash } from './canonical-hash.js';
import { byAgentName, canonicalVariant, translationLocalesOf, type Catalog, type Variant } from '../catalog/catalog.js';
import { catalogLink, resolveCatalogLink } from '../catalog/links.js';
import type { DiagnosticCode } from '../codes.js';
import { makeDiagnostic, type Diagnostic } from '../diagnostics.js';
import type { ParsedAgent } from '../agent/parse.js';
import { translationPathIn } from '../catalog/folder-layout.js';
import { compareTranslatedFields, isTranslationMeta } from './fields.js';
import { countMarked } from './skeleton.js';

/** Translation status of one agent in one locale: `current` only while the recorded source hash is the source's. */
export const TRANSLATION_STATUSES = ['current', 'outdated', 'untracked', 'skeleton', 'missing', 'invalid', 'orphaned'] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];

/** Statuses that fail `i18n status` for a shipped translation (a missing one is not shipped; a skeleton is not translated yet). */
export const FAILING_STATUSES: readonly TranslationStatus[] = ['outdated', 'untracked', 'skeleton', 'invalid', 'orphaned'];

export interface TranslationRow {
  agent: string;
  locale: string;
  status: TranslationStatus;
  /** The translation, relative to the catalog root (where it should be, when missing). */
  path: string;
  /** The canonical variant, relative to the catalog root (where it should be, when orphaned). */
  source: string;
  /** `i18n.sourceHash` as recorded in the translation, if any. */
  recordedHash: string | null;
  /** Canonical hash of the source as it is now, when the source loads. */
  sourceHash: string | null;
  /** For `invalid`: the codes of the problems that make it so. */
  problems: DiagnosticCode[];
  /** For `skeleton`: how many lines still carry the marker. */
  marked?: number;
  /** What the file says of itself, as translated catalogs write it (`translation_status`, `upstream…` fields). */
  declared?: Record<string, string>;
}

/** The translation fields a file declares (`translation_status: translated`, `upstream: v1.2`), as text. */
function declaredOf(parsed: ParsedAgent): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed.data ?? {})) {
    if (!isTranslationMeta(key) || value === null || typeof value === 'object') continue;
    out[key] = String(value);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function hasErrors(parsed: ParsedAgent): boolean {
  return parsed.diagnostics.some((d) => d.severity === 'error');
}

/** Canonical hash of a loaded variant (`description` + body, the only translated parts), or undefined when it does not load. */
export function variantHash(parsed: ParsedAgent): string | undefined {
  if (!parsed.spec || hasErrors(parsed)) return undefined;
  const { description } = parsed.spec;
  const { body } = parsed;
  // Asked several times per variant when a catalog is rendered and assessed (renderPackage, originAtInstall,
  // assessTranslation): hashed once, for as long as the text it was computed from is the same.
  // Kept on the variant itself, not in a WeakMap: a WeakMap's entries outlive a streamed file's variant until
  // a full collection, which raised validate's peak memory on 10,000 files from 102 MB to 155 MB.
  const cached = parsed as ParsedAgent & { [HASHED]?: { description: string; body: string; hash: string } };
  const known = cached[HASHED];
  if (known && known.description === description && known.body === body) return known.hash;
  const hash = canonicalHash({ description, body });
  if (Object.isExtensible(cached))
    Object.defineProperty(cached, HASHED, { value: { description, body, hash }, configurable: true, writable: true, enumerable: false });
  return hash;
}
const HASHED = Symbol('canonical hash');

function translationPath(options: { agent: string; locale: string }): string {
  return `locales/${options.locale}/agents/${options.agent}.md`;
}

function canonicalPath(agent: string): string {
  return `agents/${agent}.md`;
}

/** Where a missing translation belongs: the package layout, or the mirror layout of a source folder. */
function missingPath(options: { catalog: Catalog; agent: string; canonical: Variant | undefined; locale: string }): string {
  const { catalog, agent, canonical, locale } = options;
  if (!catalog.mirror || !canonical) return translationPath({ agent, locale });
  return translationPathIn({ catalog, canonicalPath: canonical.relPath, canonicalLocale: canonical.locale, locale });
}

/** Where `i18n.source` leads, or a diagnostic when it leads nowhere or to the wrong file. */
function checkSource(options: { translation: Variant; canonical: Variant; knownFiles: ReadonlySet<string> }): Diagnostic[] {
  const { translation, canonical, knownFiles } = options;
  const source = translation.parsed.i18n?.source;
  if (source === undefined) return [];
  const line = translation.parsed.fieldLines?.get('i18n');
  const expected = catalogLink({ from: translation.relPath, to: canonical.relPath });
  const resolved = resolveCatalogLink({ from: translation.relPath, href: source });
  if (resolved === canonical.relPath) return [];
  const code = resolved !== undefined && knownFiles.has(resolved) ? 'I18N_SOURCE_MISMATCH' : 'I18N_SOURCE_NOT_FOUND';
  return [
    makeDiagnostic({ severity: 'error', code, file: translation.relPath, ...(line === undefined ? {} : { line }), params: { source, suggestion: expected } }),
  ];
}

/** Status and invariant diagnostics of one existing translation file. */
function assessTranslation(options: { translation: Variant; canonical: Variant | undefined; knownFiles: ReadonlySet<string> }): {
  row: TranslationRow;
  diagnostics: Diagnostic[];
} {
  const { translation, canonical, knownFiles } = options;
  const parsed = translation.parsed;
  const row: TranslationRow = {
    agent: translation.agent,
    locale: translation.locale,
    status: 'current',
    path: translation.relPath,
    source: canonical?.relPath ?? translation.sourcePath ?? canonicalPath(translation.agent),
    recordedHash: parsed.i18n?.sourceHash ?? null,
    sourceHash: canonical ? (variantHash(canonical.parsed) ?? null) : null,
    problems: [],
  };
  const declared = declaredOf(parsed);
  if (declared) row.declared = declared;
  if (!canonical) return { row: { ...row, status: 'orphaned' }, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  if (hasErrors(parsed) || !parsed.spec) {
    const codes = parsed.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
    return { row: { ...row, status: 'invalid', problems: codes.length > 0 ? codes : ['SPEC_INVALID'] }, diagnostics };
  }
  if (row.sourceHash === null) {
    diagnostics.push(
      makeDiagnostic({ severity: 'error', code: 'TRANSLATION_SOURCE_INVALID', file: translation.relPath, params: { source: canonical.relPath } }),
    );
  }
  diagnostics.push(...checkSource({ translation, canonical, knownFiles }));
  if (canonical.parsed.data && parsed.data) {
    diagnostics.push(...compareTranslatedFields({ source: canonical, translation }));
  }
  if (diagnostics.length > 0) return { row: { ...row, status: 'invalid', problems: diagnostics.map((d) => d.code) }, diagnostics };
  const marked = countMarked({ description: parsed.spec.description, body: parsed.body });
  if (marked > 0) return { row: { ...row, status: 'skeleton', marked }, diagnostics };
  if (row.recordedHash === null) return { row: { ...row, status: 'untracked' }, diagnostics };
  return { row: { ...row, status: row.recordedHash === row.sourceHash ? 'current' : 'outdated' }, diagnostics };
}

/**
 * Translation status of every agent in every translation locale, plus orphaned translations, sorted by
 * agent then locale; and the diagnostics that explain `invalid` rows (attached to the translation files).
 */
export function assessTranslations(catalog: Catalog): { rows: TranslationRow[]; diagnostics: Diagnostic[] } {
  const knownFiles = new Set<string>();
  for (const agent of catalog.agents.values()) for (const v of agent.variants.values()) knownFiles.add(v.relPath);
  for (const orphan of catalog.orphans) knownFiles.add(orphan.relPath);
  const locales = translationLocalesOf(catalog);
  const rows: TranslationRow[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const agent of catalog.agents.values()) {
    const canonical = canonicalVariant(agent);
    if (canonical && !canonical.parsed.isAgent && agent.variants.size === 1) continue; // documentation, not an agent
    for (const locale of locales) {
      if (locale === agent.canonical) continue;
      const translation = agent.variants.get(locale);
      if (!translation) {
        rows.push({
          agent: agent.name,
          locale,
          status: 'missing',
          path: missingPath({ catalog, agent: agent.name, canonical, locale }),
          source: canonical?.relPath ?? canonicalPath(agent.name),
          recordedHash: null,
          sourceHash: canonical ? (variantHash(canonical.parsed) ?? null) : null,
          problems: [],
        });
        continue;
      }
      const assessed = assessTranslation({ translation, canonical, knownFiles });
      rows.push(assessed.row);
      diagnostics.push(...assessed.diagnostics);
    }
  }
  for (const orphan of catalog.orphans) rows.push(assessTranslation({ translation: orphan, canonical: undefined, knownFiles }).row);
  rows.sort((a, b) => byAgentName(a.agent, b.agent) || a.locale.localeCompare(b.locale));
  return { rows, diagnostics };
}

/** What the installer records about the origin of an installed variant (one manifest entry's i18n part). */
export interface InstallOrigin {
  /** Canonical hash of the package's source (`agents/X.md`) at install time. */
  sourceHash: string;
  /** The translation's status at install time; `source` when the canonical variant itself was installed. */
  translationStatus: TranslationStatus | 'source';
}

/**
 * What to record when installing `agent` in `locale` from this catalog, or undefined when the agent, the
 * variant or its source does not load. Pure; call it from the install plan and store both fields.
 */
export function originAtInstall(options: { catalog: Catalog; agent: string; locale: string }): InstallOrigin | undefined {
  const entry = options.catalog.agents.get(options.agent);
  const canonical = entry ? canonicalVariant(entry) : undefined;
  const variant = entry?.variants.get(options.locale);
  if (!entry || !canonical || !variant) return undefined;
  const sourceHash = variantHash(canonical.parsed);
  if (sourceHash === undefined) return undefined;
  if (variant === canonical) return { sourceHash, translationStatus: 'source' };
  const knownFiles = new Set([...entry.variants.values()].map((v) => v.relPath));
  return { sourceHash, translationStatus: assessTranslation({ translation: variant, canonical, knownFiles }).row.status };
}
