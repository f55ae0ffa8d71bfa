import type { Diagnostic } from '../../core/diagnostics.js';
import { AgentpackError, isAgentpackError } from '../../core/errors.js';
import { stampAll, stampTranslation } from '../../io/package/stamp-translation.js';
import { printStamp, printStampAll, printStampProblems } from '../../ui/translation-report.js';
import type { CliContext } from '../program/context.js';
import { parseOptions } from '../program/options.js';
import { SOURCE_OPTIONS } from '../flows/load-source.js';
import { i18nCatalog, localeTag, refuseRepository } from '../flows/i18n-catalog.js';

const OPTIONS = { ...SOURCE_OPTIONS, locale: 'value', root: 'text', all: 'switch' } as const;

/**
 * Record the source's current hash in a reviewed translation (of the package, `--root`, or `--from`); with
 * `--all`, in every translation (of `--locale`), listing what was stamped and what was refused (exit 1 then).
 */
export async function runI18nStamp(options: { agent: string | undefined; raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx, agent } = options;
  const { locale: raw, root, from, pick, all } = parseOptions({ raw: options.raw, spec: OPTIONS, ctx });
  // Stamping writes into the translation: never into agentpack's cached checkout of a repository.
  refuseRepository({ from, ctx, detail: 'usage.stampRepository' });
  const usage = (detail: 'usage.agentsAndAll' | 'usage.agentsOrAll' | 'usage.stampLocale'): AgentpackError =>
    new AgentpackError({ code: 'USAGE', params: { detail: ctx.messages.t(detail) }, exitCode: 2 });
  if (all && agent !== undefined) throw usage('usage.agentsAndAll');
  if (!all && agent === undefined) throw usage('usage.agentsOrAll');
  if (!all && raw === undefined) throw usage('usage.stampLocale');
  const asked = raw === undefined ? undefined : localeTag({ locale: raw });
  const args = ['i18n', 'stamp', ...(agent === undefined ? ['--all'] : [agent]), ...(asked === undefined ? [] : ['--locale', asked])];
  const { catalog, flags } = await i18nCatalog({
    root,
    from,
    pick,
    ctx,
    ...(agent === undefined ? {} : { agent }),
    ...(asked === undefined ? {} : { locale: asked }),
    args,
  });
  const locale = asked === undefined ? undefined : localeTag({ locale: asked, catalog });
  if (agent === undefined) {
    const result = await stampAll({ catalog, flags, ...(locale === undefined ? {} : { locale }) });
    ctx.exitCode = printStampAll({ ...result, ctx });
    return;
  }
  try {
    printStamp({ outcome: await stampTranslation({ catalog, agent, locale: locale ?? '', flags }), ctx });
  } catch (error) {
    if (isAgentpackError(error) && error.code === 'I18N_STAMP_INVALID')
      printStampProblems({ diagnostics: (error.details as { diagnostics: Diagnostic[] }).diagnostics, ctx });
    throw error;
  }
}
