import { diffTranslation } from '../../io/package/diff-translation.js';
import { printTranslationDiff } from '../../ui/translation-report.js';
import type { CliContext } from '../program/context.js';
import { parseOptions } from '../program/options.js';
import { SOURCE_OPTIONS } from '../flows/load-source.js';
import { i18nCatalog, localeTag } from '../flows/i18n-catalog.js';

const OPTIONS = { ...SOURCE_OPTIONS, locale: 'value', root: 'text' } as const;

/** What changed in an agent's source since its translation was stamped; exit 1 when something did. */
export async function runI18nDiff(options: { agent: string; raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx, agent } = options;
  const { locale: raw, root, from, pick } = parseOptions({ raw: options.raw, spec: OPTIONS, ctx });
  // Mandatory in commander (commands/i18n.ts): only a caller that bypasses it lands here.
  if (raw === undefined) throw new Error('option --locale: missing');
  const asked = localeTag({ locale: raw });
  const { catalog, flags } = await i18nCatalog({ root, from, pick, ctx, agent, locale: asked, args: ['i18n', 'diff', agent, '--locale', asked] });
  const locale = localeTag({ locale: asked, catalog });
  ctx.exitCode = printTranslationDiff({ diff: await diffTranslation({ catalog, agent, locale, flags }), flags, ctx });
}
