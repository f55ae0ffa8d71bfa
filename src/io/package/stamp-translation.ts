import { readFile } from 'node:fs/promises';
import { canonicalVariant, sortedLocales, translationLocalesOf, type Catalog } from '../../core/catalog/catalog.js';
import { catalogLink } from '../../core/catalog/links.js';
import { checkCatalog } from '../../core/i18n/check-catalog.js';
import { AgentpackError } from '../../core/errors.js';
import { commandLine, type CatalogFlags } from '../../core/hints.js';
import { findAgent, findVariant } from '../../core/catalog/lookup.js';
import { stampSourceHash, type StampOutcome } from '../../core/i18n/stamp.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { readCatalog } from './read-catalog.js';

export type { StampOutcome } from '../../core/i18n/stamp.js';

/**
 * `i18n stamp`: record the source's current canonical hash in a translation, touching only that line
 * (or adding the i18n block), with an atomic write. Refuses an invalid translation.
 */
export async function stampTranslation(options: {
  root?: string;
  catalog?: Catalog;
  agent: string;
  locale: string;
  flags: CatalogFlags;
}): Promise<StampOutcome> {
  const { flags } = options;
  const catalog = options.catalog ?? (await readCatalog(options.root));
  const agent = findAgent(catalog, options.agent);
  const stampCommand = (locale: string): string => commandLine({ args: ['i18n', 'stamp', agent.name, '--locale', locale], ...flags });
  if (options.locale === agent.canonical) {
    throw new AgentpackError({
      code: 'I18N_NOT_A_TRANSLATION',
      params: { agent: agent.name, locale: options.locale, command: stampCommand(sortedLocales(agent).find((l) => l !== agent.canonical) ?? 'ja') },
      exitCode: 2,
    });
  }
  const variant = findVariant({ agent, locale: options.locale, knownLocales: translationLocalesOf(catalog) });
  const canonical = canonicalVariant(agent);
  const check = checkCatalog({ catalog, flags });
  const row = check.translations.find((r) => r.agent === agent.name && r.locale === variant.locale);
  if (!canonical || !row || row.status === 'invalid' || row.sourceHash === null) {
    const own = variant.parsed.diagnostics.map((d) => ({ ...d, file: variant.relPath }));
    const problems = [...own, ...check.diagnostics].filter((d) => d.file === variant.relPath && d.severity === 'error');
    throw new AgentpackError({
      code: 'I18N_STAMP_INVALID',
      params: {
        agent: agent.name,
        locale: variant.locale,
        path: variant.relPath,
        problems: [...new Set(row?.problems ?? [])].join(', '),
        validate: commandLine({ args: ['validate'], ...flags }),
        command: stampCommand(variant.locale),
      },
      details: { problems: row?.problems ?? [], diagnostics: problems },
    });
  }
  const base = { agent: agent.name, locale: variant.locale, path: variant.relPath, previousStatus: row.status, sourceHash: row.sourceHash };
  const text = await readFile(variant.path, 'utf8');
  const result = stampSourceHash({ text, sourceHash: row.sourceHash, source: catalogLink({ from: variant.relPath, to: canonical.relPath }) });
  if (result.kind === 'unchanged') return { ...base, changed: false, previousHash: row.sourceHash };
  if (result.kind === 'unsafe') {
    throw new AgentpackError({ code: 'I18N_STAMP_UNSAFE', params: { path: variant.relPath, hash: row.sourceHash, reason: result.reason } });
  }
  await writeFileAtomic({ path: variant.path, content: result.text, mode: 'replace', keepPermissions: true });
  return { ...base, changed: true, previousHash: result.previousHash };
}
