import * as z from 'zod';
import { assessTranslations } from '../../core/translation-status.js';
import { resolveCatalogRoot, rootArgument } from '../../io/catalog-root.js';
import { readCatalog } from '../../io/read-catalog.js';
import { printTranslationStatus } from '../../ui/translation-report.js';
import type { CliContext } from '../context.js';

const optionsSchema = z.object({ root: z.string().optional() });

/** Translation status per agent and locale; exit 1 when a shipped translation is not current. */
export async function runI18nStatus(options: { raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx } = options;
  const { root } = optionsSchema.parse(options.raw);
  const catalog = await readCatalog(await resolveCatalogRoot({ root, cwd: ctx.cwd }));
  const { rows } = assessTranslations(catalog);
  ctx.exitCode = printTranslationStatus({ rows, rootArg: rootArgument(root), ctx });
}
