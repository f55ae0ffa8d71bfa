import { createHash } from 'node:crypto';

export { contentHash } from '../hash.js';

/** Version tag of the serialisation below: changing the recipe changes the tag. */
const CANONICAL_HASH_VERSION = 'agentpack-canonical-v1';

/**
 * Normalise text (BOM, line endings, NFC, trailing spaces, blank runs) so that formatting-only edits do not change a hash:
 * strip a BOM, CRLF/CR → LF, Unicode NFC, strip trailing spaces and tabs on each line, collapse runs of
 * blank lines into one, drop leading/trailing blank lines, end with exactly one newline.
 */
export function canonicaliseText(text: string): string {
  // Most texts are canonical once NFC-normalised (one final newline, no blank runs, no trailing blanks,
  // no CR or BOM): those are returned as they are, without a split/join (test/core/i18n/canonical-hash.test.ts
  // holds this to the full recipe below).
  const nfc = text.normalize('NFC');
  if (nfc.endsWith('\n') && !nfc.endsWith('\n\n') && !NOT_CANONICAL.test(nfc)) return nfc;
  return canonicaliseLines(text);
}

/** Anything the full recipe would change besides NFC: BOM, CR, trailing blanks, blank runs, a leading blank line. */
const NOT_CANONICAL = /^\uFEFF|\r|[ \t]\n|\n\n\n|^\n/;

/** The recipe itself, line by line. Exported for the test that compares it with the shortcut above. */
export function canonicaliseLines(text: string): string {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .split('\n')
    .map(stripTrailingBlanks);
  const out: string[] = [];
  for (const line of lines) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

/** Drop spaces and tabs at the end of a line. A loop, not `/[ \t]+$/`, which is quadratic on long blank runs. */
function stripTrailingBlanks(line: string): string {
  let end = line.length;
  while (end > 0) {
    const c = line.charCodeAt(end - 1);
    if (c !== 0x20 && c !== 0x09) break;
    end--;
  }
  return end === line.length ? line : line.slice(0, end);
}

/**
 * Canonical hash of a variant: sha256 over a stable serialisation of its translatable content — the
 * `description` and the body (without banner). Returns `sha256:<64 hex>`.
 */
export function canonicalHash(variant: { description: string; body: string }): string {
  const payload = JSON.stringify([CANONICAL_HASH_VERSION, canonicaliseText(variant.description), canonicaliseText(variant.body)]);
  return `sha256:${createHash('sha256').update(payload, 'utf8').digest('hex')}`;
}
