import { checkCatalog } from '../../core/i18n/check-catalog.js';
import { chooseCommand, describeConflict } from '../../core/catalog/conflicts.js';
import { makeDiagnostic } from '../../core/diagnostics.js';
import type { CatalogFlags } from '../../core/hints.js';
import type { FileReport } from '../../core/validate/report.js';
import type { ReadSourceResult } from '../source/read-source.js';
import { toReport, type ValidationReport } from './validate-paths.js';

/**
 * `validate --from <path>`: every agent file of the source with its own diagnostics, the links between
 * variants as for a catalog (translation status, parity, banners), a translation whose `name` differs from
 * its source's, each plugin manifest that cannot be read, and NAME_CONFLICT on each file of a name defined
 * differently in several files: an error, or a warning when each file is in its own plugin (Claude Code keeps
 * plugin agents apart as `<plugin>:<name>`; only installing two of them into one folder clashes). With
 * `plugin`, only that plugin's files.
 */
export function validateSource(options: { scan: ReadSourceResult; strict: boolean; flags: CatalogFlags; plugin?: string | undefined }): ValidationReport {
  const { scan, plugin } = options;
  const chosen = plugin === undefined ? scan.files : scan.files.filter((f) => f.plugin === plugin);
  const files = chosen.map((f) => toReport(f.parsed, f.relPath, f.locale));
  const byPath = new Map(files.map((f) => [f.path, f]));
  const check = checkCatalog({ catalog: scan.catalog, strict: options.strict, flags: options.flags });
  for (const d of check.diagnostics) byPath.get(d.file ?? '')?.diagnostics.push(d);
  const known = new Set(scan.files.map((f) => f.relPath));
  const manifests: FileReport[] = [];
  for (const d of scan.diagnostics) {
    if (plugin !== undefined || d.file === undefined || known.has(d.file)) continue;
    manifests.push({ path: d.file, agent: null, isAgent: false, loadableAsIs: false, diagnostics: [d] });
  }
  for (const found of scan.conflicts) {
    const conflict = describeConflict({ scan, conflict: found });
    const severity = conflict.candidates.every((c) => c.select !== undefined) ? 'warning' : 'error';
    for (const candidate of conflict.candidates) {
      const others = conflict.paths.filter((p) => p !== candidate.path).join(', ');
      const command = chooseCommand({ retry: { args: ['list'], ...options.flags }, conflict: found, candidate });
      const params = { agent: conflict.name, locale: conflict.locale, others, command };
      byPath.get(candidate.path)?.diagnostics.push(makeDiagnostic({ severity, code: 'NAME_CONFLICT', file: candidate.path, params }));
    }
  }
  const translations = plugin === undefined ? check.translations : check.translations.filter((r) => scan.catalog.agents.get(r.agent)?.plugin === plugin);
  return { files: [...files, ...manifests], translations };
}
