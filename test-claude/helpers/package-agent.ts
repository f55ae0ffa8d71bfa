import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAgent } from '../../src/core/agent/parse.js';
import { ROOT } from '../../test/helpers/cli.js';

export const SEED = join(ROOT, 'test-claude', 'fixtures', 'seed-ml-engineer.txt');
const VARIANT_FILES = { en: join(ROOT, 'agents', 'ml-engineer.md'), ja: join(ROOT, 'locales', 'ja', 'agents', 'ml-engineer.md') };

/** The description written in the package's own variant file: what Claude Code must show, byte for byte. */
export function packageDescription(locale: 'en' | 'ja'): string {
  const description = parseAgent(readFileSync(VARIANT_FILES[locale], 'utf8')).spec?.description;
  if (description === undefined) throw new Error(`no description in ${VARIANT_FILES[locale]}`);
  return description;
}

/** Byte-for-byte equality of two strings as UTF-8. */
export function sameBytes(a: string | undefined, b: string): boolean {
  return a !== undefined && Buffer.from(a, 'utf8').equals(Buffer.from(b, 'utf8'));
}
