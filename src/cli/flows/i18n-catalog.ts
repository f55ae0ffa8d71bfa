import type { Catalog } from '../../core/catalog/catalog.js';
import { translationLocalesOf } from '../../core/catalog/catalog.js';
import { AgentpackError } from '../../core/errors.js';
import type { CatalogFlags } from '../../core/hints.js';
import { assertUnambiguous } from '../../core/catalog/conflicts.js';
import { matchTag, normaliseTag, tagSuggestion } from '../../core/catalog/locale-tag.js';
import { resolveCatalogRoot } from '../../io/package/catalog-root.js';
import { readCatalog } from '../../io/package/read-catalog.js';
import { gitSpecOf } from '../../io/source/resolve-source.js';
import type { CliContext } from '../program/context.js';
import { loadSource, requireFromForPick } from './load-source.js';

/**
 * A `--locale` of an i18n command as a BCP 47 tag in its conventional case (`zh-cn` → `zh-CN`), spelled as
 * the catalog spells it when it has that language; LOCALE_MALFORMED (a usage error, with what it likely
 * meant) when it is not a tag at all.
 */
export function localeTag(options: { locale: string; catalog?: Catalog }): string {
  const tag = normaliseTag(options.locale);
  if (tag === undefined) {
    const suggestion = tagSuggestion(options.locale);
    throw new AgentpackError({
      code: 'LOCALE_MALFORMED',
      params: { locale: options.locale, ...(suggestion === undefined ? {} : { suggestion }) },
      exitCode: 2,
    });
  }
  return (options.catalog && matchTag(tag, translationLocalesOf(options.catalog))) ?? tag;
}

/**
 * The i18n commands that write into a catalog (`new`, `stamp`) never write into agentpack's cached checkout of a
 * repository: a usage error that names the clone to work in.
 */
export function refuseRepository(options: { from: string | undefined; ctx: CliContext; detail: 'usage.newRepository' | 'usage.stampRepository' }): void {
  const { from, ctx } = options;
  const repository = from === undefined ? undefined : gitSpecOf(from);
  if (repository === undefined) return;
  throw new AgentpackError({ code: 'USAGE', params: { detail: ctx.messages.t(options.detail, { from: from ?? '', url: repository.url }) }, exitCode: 2 });
}

/** The catalog an i18n command works on (the package's, `--root`, or `--from` with its picks) and the flags that name it again. */
export async function i18nCatalog(options: {
  root: string | undefined;
  from: string | undefined;
  pick: string[];
  ctx: CliContext;
  /** For `--from`: the agent and locale asked for, refused when two files could be meant. */
  agent?: string;
  locale?: string;
  args: string[];
}): Promise<{ catalog: Catalog; flags: CatalogFlags }> {
  const { root, from, pick, ctx } = options;
  requireFromForPick({ from, pick, ctx });
  if (from === undefined) return { catalog: await readCatalog(await resolveCatalogRoot({ root, cwd: ctx.cwd })), flags: { root } };
  const scan = await loadSource({ from, pick, ctx });
  if (options.agent !== undefined && options.locale !== undefined)
    assertUnambiguous({ scan, agent: options.agent, locale: options.locale, retry: { args: options.args, from, picks: pick } });
  return { catalog: scan.catalog, flags: { from, picks: pick } };
}
