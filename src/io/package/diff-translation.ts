import { canonicalVariant, missingLocaleOf, sortedLocales, translationLocalesOf, type Catalog } from '../../core/catalog/catalog.js';
import { AgentpackError } from '../../core/errors.js';
import { commandLine, type CatalogFlags } from '../../core/hints.js';
import { findAgent, findVariant } from '../../core/catalog/lookup.js';
import { diffSource } from '../../core/i18n/section-diff.js';
import type { TranslationDiff } from '../../core/i18n/stamp.js';
import { variantHash } from '../../core/i18n/status.js';
import { readSnapshot } from './stamp-translation.js';

/**
 * `i18n diff <agent> --locale <l>`: compare the source's text as it was when the translation was stamped
 * (kept beside the translation by `i18n stamp`) with the source as it is. A translation whose recorded hash
 * is the source's is current without reading anything else; one with no hash, or stamped before the text
 * was kept, ends with I18N_DIFF_NO_STAMP, naming `i18n stamp`.
 */
export async function diffTranslation(options: { catalog: Catalog; agent: string; locale: string; flags: CatalogFlags }): Promise<TranslationDiff> {
  const { catalog, flags } = options;
  const agent = findAgent(catalog, options.agent);
  const stamp = (locale: string): string => commandLine({ args: ['i18n', 'stamp', agent.name, '--locale', locale], ...flags });
  if (options.locale === agent.canonical) {
    // An example that runs: the diff of a translation it has, else how to start one.
    const translated = sortedLocales(agent).find((l) => l !== agent.canonical);
    const command =
      translated === undefined
        ? commandLine({ args: ['i18n', 'new', agent.name, '--locale', missingLocaleOf(agent)], ...flags })
        : commandLine({ args: ['i18n', 'diff', agent.name, '--locale', translated], ...flags });
    throw new AgentpackError({ code: 'I18N_NOT_A_TRANSLATION', params: { agent: agent.name, locale: options.locale, command }, exitCode: 2 });
  }
  const variant = findVariant({ agent, locale: options.locale, knownLocales: translationLocalesOf(catalog) });
  const canonical = canonicalVariant(agent);
  const sourceHash = canonical ? variantHash(canonical.parsed) : undefined;
  const spec = canonical?.parsed.spec;
  if (!canonical || !spec || sourceHash === undefined) {
    throw new AgentpackError({
      code: 'I18N_STAMP_INVALID',
      params: {
        agent: agent.name,
        locale: variant.locale,
        path: canonical?.relPath ?? variant.relPath,
        problems: 'TRANSLATION_SOURCE_INVALID',
        validate: commandLine({ args: ['validate'], ...flags }),
        command: stamp(variant.locale),
      },
    });
  }
  const recorded = variant.parsed.i18n?.sourceHash;
  const base = { agent: agent.name, locale: variant.locale, path: variant.relPath, source: canonical.relPath, sourceHash };
  if (recorded === sourceHash) return { ...base, recordedHash: recorded, changed: false, changes: [] };
  const snapshot = recorded === undefined ? undefined : await readSnapshot(variant);
  if (recorded === undefined || snapshot?.sourceHash !== recorded) {
    throw new AgentpackError({ code: 'I18N_DIFF_NO_STAMP', params: { path: variant.relPath, source: canonical.relPath, command: stamp(variant.locale) } });
  }
  const changes = diffSource({ before: snapshot, after: { description: spec.description, body: canonical.parsed.body } });
  return { ...base, recordedHash: recorded, changed: true, changes };
}
