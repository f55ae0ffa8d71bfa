import { sourceLocation, type ManifestSource } from '../core/manifest/manifest.js';
import { originFrom } from './git-report.js';
import type { Messages } from './messages.js';

/** Where an installed agent comes from, for a sentence: "this package", the folder (or file) it was installed from, or the repository at its commit. */
export function sourceName(source: ManifestSource | undefined, messages: Messages): string {
  if (source?.git) return originFrom({ from: source.from, commit: source.git.commit });
  return source ? sourceLocation(source) : messages.t('source.name.package');
}

/** A locale as a word ("Japanese", 「日本語」): the catalog's name, else what Intl knows, else the tag itself. */
export function languageName(locale: string, messages: Messages): string {
  const own = messages.find(`language.${locale}`);
  if (own !== undefined) return own;
  try {
    return new Intl.DisplayNames([messages.lang], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}
