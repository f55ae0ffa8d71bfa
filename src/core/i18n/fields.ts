import type { Variant } from '../catalog/catalog.js';
import { makeDiagnostic, type Diagnostic } from '../diagnostics.js';
import { TRANSLATABLE_FIELDS } from '../agent/fields.js';

/** Front-matter keys that are not part of the agent: the link block itself. */
const LINK_FIELDS: readonly string[] = ['i18n'];

/**
 * Fields translated catalogs keep about the translation itself (`translation_status: skeleton|translated|adapted`,
 * `upstream`, `upstream_commit`…): they describe one file, so they need not match the source.
 */
export function isTranslationMeta(key: string): boolean {
  return key === 'translation_status' || key === 'upstream' || key.startsWith('upstream_');
}

/** Structural equality of parsed YAML values; mapping key order does not matter, list order does. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameValue(item, b[i]));
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).sort();
  const kb = Object.keys(rb).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameValue(ra[k], rb[k]));
}

/** A value as it appears in a message: strings as written, anything else as JSON, cut to 80 characters. */
function showValue(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * Every front-matter field except the translatable ones (`description`) must be identical in a translation
 * and its source (only `description` and the body are translated). Compares the parsed data, so a field that the schema drops (an invalid
 * `color`) or ignores (an unknown key) must match too. One error per differing field, naming both values.
 */
export function compareTranslatedFields(options: { source: Variant; translation: Variant }): Diagnostic[] {
  const { source, translation } = options;
  const a = source.parsed.data ?? {};
  const b = translation.parsed.data ?? {};
  const skip = new Set([...TRANSLATABLE_FIELDS, ...LINK_FIELDS]);
  const keys: string[] = [];
  for (const key of [...Object.keys(a), ...Object.keys(b)]) if (!skip.has(key) && !isTranslationMeta(key) && !keys.includes(key)) keys.push(key);
  const out: Diagnostic[] = [];
  for (const field of keys) {
    const inSource = Object.hasOwn(a, field);
    const inTranslation = Object.hasOwn(b, field);
    if (inSource && inTranslation && sameValue(a[field], b[field])) continue;
    const line = translation.parsed.fieldLines?.get(field);
    const base = { severity: 'error' as const, file: translation.relPath, ...(line === undefined ? {} : { line }) };
    if (inSource && inTranslation) {
      out.push(
        makeDiagnostic({
          ...base,
          code: 'TRANSLATION_FIELD_DIFFERS',
          params: { field, sourceValue: showValue(a[field]), value: showValue(b[field]), source: source.relPath },
        }),
      );
    } else if (inSource) {
      out.push(makeDiagnostic({ ...base, code: 'TRANSLATION_FIELD_MISSING', params: { field, sourceValue: showValue(a[field]), source: source.relPath } }));
    } else {
      out.push(makeDiagnostic({ ...base, code: 'TRANSLATION_FIELD_EXTRA', params: { field, value: showValue(b[field]), source: source.relPath } }));
    }
  }
  return out;
}
