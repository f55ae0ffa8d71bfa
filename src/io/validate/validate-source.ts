import { CANONICAL_LOCALE } from '../../core/catalog/catalog.js';
import { checkCatalog } from '../../core/i18n/check-catalog.js';
import { makeDiagnostic } from '../../core/diagnostics.js';
import { pickCommand, type CatalogFlags } from '../../core/hints.js';
import type { ReadSourceResult } from '../source/read-source.js';
import { toReport, type ValidationReport } from './validate-paths.js';

/**
 * `validate --from <path>`: every agent file of the source with its own diagnostics, the links between
 * variants as for a catalog (translation status, parity, banners), a translation whose `name` differs from
 * its source's, and an error on each file of a name defined differently in several files.
 */
export function validateSource(options: { scan: ReadSourceResult; strict: boolean; flags: CatalogFlags }): ValidationReport {
  const { scan } = options;
  const files = scan.files.map((f) => toReport(f.parsed, f.relPath, f.locale));
  const byPath = new Map(files.map((f) => [f.path, f]));
  const check = checkCatalog({ catalog: scan.catalog, strict: options.strict, flags: options.flags });
  for (const d of check.diagnostics) byPath.get(d.file ?? '')?.diagnostics.push(d);
  for (const conflict of scan.conflicts) {
    for (const path of conflict.paths) {
      const others = conflict.paths.filter((p) => p !== path).join(', ');
      const command = pickCommand({ retry: { args: ['list'], ...options.flags }, path });
      const params = { agent: conflict.name, locale: conflict.locale ?? CANONICAL_LOCALE, others, command };
      byPath.get(path)?.diagnostics.push(makeDiagnostic({ severity: 'error', code: 'NAME_CONFLICT', file: path, params }));
    }
  }
  return { files, translations: check.translations };
}
