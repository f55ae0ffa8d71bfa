import { join } from 'node:path';
import { newTranslation } from '../../io/package/new-translation.js';
import { printNewTranslation } from '../../ui/translation-report.js';
import type { CliContext } from '../program/context.js';
import { parseOptions } from '../program/options.js';
import { SOURCE_OPTIONS } from '../flows/load-source.js';
import { i18nCatalog, localeTag, refuseRepository } from '../flows/i18n-catalog.js';

const OPTIONS = { ...SOURCE_OPTIONS, locale: 'value', root: 'text', force: 'switch' } as const;

/** Start a translation: a skeleton of the agent's source, where the catalog keeps its translations. */
export async function runI18nNew(options: { agent: string; raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx, agent } = options;
  const { locale: raw, root, from, pick, force } = parseOptions({ raw: options.raw, spec: OPTIONS, ctx });
  // Mandatory in commander (commands/i18n.ts): only a caller that bypasses it lands here.
  if (raw === undefined) throw new Error('option --locale: missing');
  // A skeleton is written into the catalog: never into agentpack's cached checkout of a repository.
  refuseRepository({ from, ctx, detail: 'usage.newRepository' });
  const asked = localeTag({ locale: raw });
  const { catalog, flags } = await i18nCatalog({ root, from, pick, ctx, args: ['i18n', 'new', agent, '--locale', asked] });
  const locale = localeTag({ locale: asked, catalog });
  const created = await newTranslation({ catalog, packageLayout: from === undefined, agent, locale, force, flags });
  // Into the package itself (no --root, no --from): the path in full, since it is not below the working folder.
  const inPackage = from === undefined && root === undefined;
  printNewTranslation({ created: inPackage ? { ...created, path: join(catalog.root, ...created.path.split('/')) } : created, flags, ctx });
}
