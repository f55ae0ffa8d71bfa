import { assessTranslations } from '../../core/i18n/status.js';
import { resolveCatalogRoot } from '../../io/package/catalog-root.js';
import { readCatalog } from '../../io/package/read-catalog.js';
import { printSourceNotes, printSourceProblems, sourceJson } from '../../ui/source-report.js';
import { printTranslationStatus } from '../../ui/translation-report.js';
import type { CliContext } from '../program/context.js';
import { parseOptions } from '../program/options.js';
import { loadSource, requireFromForPick, SOURCE_OPTIONS } from '../flows/load-source.js';

const OPTIONS = { ...SOURCE_OPTIONS, root: 'text' } as const;

/** Translation status per agent and locale; exit 1 when a shipped translation is not current. */
export async function runI18nStatus(options: { raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx } = options;
  const { root, from, pick } = parseOptions({ raw: options.raw, spec: OPTIONS, ctx });
  requireFromForPick({ from, pick, ctx });
  if (from === undefined) {
    const catalog = await readCatalog(await resolveCatalogRoot({ root, cwd: ctx.cwd }));
    const { rows } = assessTranslations(catalog);
    ctx.exitCode = printTranslationStatus({ rows, flags: { root }, ctx });
    return;
  }
  const scan = await loadSource({ from, pick, ctx });
  const { rows } = assessTranslations(scan.catalog);
  printSourceProblems({ scan, ctx });
  ctx.exitCode = printTranslationStatus({ rows, flags: { from, picks: pick }, ctx, json: sourceJson({ scan, ctx }) });
  printSourceNotes({ scan, ctx, retry: { args: ['i18n', 'status'], from, picks: pick } });
}
