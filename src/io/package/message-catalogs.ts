import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../core/lang.js';
import { packageInfo } from './root.js';

const catalogs = new Map<Lang, Record<string, string>>();

/** The CLI's messages in one language (locales/<lang>/messages.json of the package), read once per run. */
export function loadMessageCatalog(lang: Lang): Readonly<Record<string, string>> {
  let catalog = catalogs.get(lang);
  if (!catalog) {
    catalog = JSON.parse(readFileSync(join(packageInfo().root, 'locales', lang, 'messages.json'), 'utf8')) as Record<string, string>;
    catalogs.set(lang, catalog);
  }
  return catalog;
}
