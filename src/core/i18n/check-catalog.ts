import { checkBannerLinks } from './banner-links.js';
import { CANONICAL_LOCALE, canonicalVariant, sortedLocales, type Catalog } from '../catalog/catalog.js';
import { makeDiagnostic, type Diagnostic } from '../diagnostics.js';
import { commandLine, type CatalogFlags } from '../hints.js';
import { checkParity } from './parity.js';
import { TRANSLATE_MARKER } from './skeleton.js';
import { assessTranslations, hasErrors, type TranslationRow } from './status.js';

export interface CatalogCheck {
  /** Diagnostics about the links between variants, each attached to a catalog file (`file` = relPath). */
  diagnostics: Diagnostic[];
  translations: TranslationRow[];
}

/** The status of a row as a diagnostic on the translation file: what `validate` shows for it. */
function statusDiagnostic(options: { row: TranslationRow; catalog: Catalog; flags: CatalogFlags }): Diagnostic | undefined {
  const { row, catalog, flags } = options;
  const variant = catalog.agents.get(row.agent)?.variants.get(row.locale) ?? catalog.orphans.find((o) => o.relPath === row.path);
  const line = variant?.parsed.fieldLines?.get('i18n');
  const at = line === undefined ? {} : { line };
  const command = commandLine({ args: ['i18n', 'stamp', row.agent, '--locale', row.locale], ...flags });
  const params = { agent: row.agent, locale: row.locale, path: row.path, source: row.source, command };
  if (row.status === 'outdated') {
    return makeDiagnostic({
      severity: 'error',
      code: 'TRANSLATION_OUTDATED',
      file: row.path,
      ...at,
      params: { ...params, recorded: row.recordedHash ?? '', current: row.sourceHash ?? '' },
    });
  }
  if (row.status === 'skeleton') {
    return makeDiagnostic({
      severity: 'warning',
      code: 'TRANSLATION_SKELETON',
      file: row.path,
      params: { ...params, count: row.marked ?? 0, marker: TRANSLATE_MARKER },
    });
  }
  if (row.status === 'untracked') return makeDiagnostic({ severity: 'warning', code: 'TRANSLATION_UNTRACKED', file: row.path, ...at, params });
  if (row.status === 'orphaned') return makeDiagnostic({ severity: 'error', code: 'TRANSLATION_ORPHANED', file: row.path, params });
  return undefined;
}

/**
 * Everything that links the variants of a catalog: translation status with the invariants behind it,
 * structural parity (warnings, or errors when `strict`), banner links, and a warning on an agent that has no
 * English variant. Pure. `flags` select the same catalog again in the commands hints name (`--root`, or
 * `--from` with its picks); none for the package's.
 */
export function checkCatalog(options: { catalog: Catalog; strict?: boolean; flags?: CatalogFlags }): CatalogCheck {
  const { catalog } = options;
  const flags = options.flags ?? {};
  const { rows, diagnostics } = assessTranslations(catalog);
  for (const row of rows) {
    const d = statusDiagnostic({ row, catalog, flags });
    if (d) diagnostics.push(d);
  }
  for (const agent of catalog.agents.values()) {
    const canonical = canonicalVariant(agent);
    // A Japanese-only agent is an agent, not an orphaned translation: worth a word, never an error.
    if (canonical?.parsed.isAgent && !agent.variants.has(CANONICAL_LOCALE)) {
      const params = { agent: agent.name, locales: sortedLocales(agent).join(', ') };
      diagnostics.push(makeDiagnostic({ severity: 'warning', code: 'ENGLISH_MISSING', file: canonical.relPath, params }));
    }
    if (!canonical || hasErrors(canonical.parsed) || !canonical.parsed.isAgent) continue;
    for (const translation of agent.variants.values()) {
      if (translation === canonical || hasErrors(translation.parsed) || !translation.parsed.isAgent) continue;
      diagnostics.push(
        ...checkParity({
          source: canonical.parsed,
          translation: translation.parsed,
          file: translation.relPath,
          severity: options.strict ? 'error' : 'warning',
        }),
      );
    }
  }
  diagnostics.push(...checkBannerLinks(catalog));
  return { diagnostics, translations: rows };
}
