import type { Diagnostic } from '../../core/diagnostics.js';
import { AgentpackError, isAgentpackError } from '../../core/errors.js';
import { assertUnambiguous } from '../../core/catalog/conflicts.js';
import { resolveCatalogRoot } from '../../io/package/catalog-root.js';
import { stampTranslation } from '../../io/package/stamp-translation.js';
import { gitSpecOf } from '../../io/source/resolve-source.js';
import { printStamp, printStampProblems } from '../../ui/translation-report.js';
import type { CliContext } from '../program/context.js';
import { parseOptions } from '../program/options.js';
import { loadSource, requireFromForPick, SOURCE_OPTIONS } from '../flows/load-source.js';

const OPTIONS = { ...SOURCE_OPTIONS, locale: 'value', root: 'text' } as const;

/** Record the source's current hash in a reviewed translation (of the package, `--root`, or `--from`). */
export async function runI18nStamp(options: { agent: string; raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx } = options;
  const { locale, root, from, pick } = parseOptions({ raw: options.raw, spec: OPTIONS, ctx });
  // Mandatory in commander (commands/i18n.ts): only a caller that bypasses it lands here.
  if (locale === undefined) throw new Error('option --locale: missing');
  requireFromForPick({ from, pick, ctx });
  // Stamping writes into the translation: never into agentpack's cached checkout of a repository.
  const repository = from === undefined ? undefined : gitSpecOf(from);
  if (repository !== undefined)
    throw new AgentpackError({
      code: 'USAGE',
      params: { detail: ctx.messages.t('usage.stampRepository', { from: from ?? '', url: repository.url }) },
      exitCode: 2,
    });
  try {
    if (from !== undefined) {
      const scan = await loadSource({ from, pick, ctx });
      assertUnambiguous({ scan, agent: options.agent, locale, retry: { args: ['i18n', 'stamp', options.agent, '--locale', locale], from, picks: pick } });
      printStamp({ outcome: await stampTranslation({ catalog: scan.catalog, agent: options.agent, locale, flags: { from, picks: pick } }), ctx });
      return;
    }
    const catalogRoot = await resolveCatalogRoot({ root, cwd: ctx.cwd });
    const outcome = await stampTranslation({ root: catalogRoot, agent: options.agent, locale, flags: { root } });
    printStamp({ outcome, ctx });
  } catch (error) {
    if (isAgentpackError(error) && error.code === 'I18N_STAMP_INVALID')
      printStampProblems({ diagnostics: (error.details as { diagnostics: Diagnostic[] }).diagnostics, ctx });
    throw error;
  }
}
