import { canonicalHash, canonicaliseText } from './canonical-hash.js';

/**
 * What `i18n stamp` keeps beside a translation so that `i18n diff` can tell what changed in the source
 * without git: the source's translatable text (description and body) as it was when stamped. It lives in a
 * `.i18n-stamps/` folder beside the translation, as JSON: Claude Code loads only `.md` files, and catalogs
 * are read as `.md` files only, so it is never an agent, never installed and never listed. Pure.
 */
export const SNAPSHOT_DIR = '.i18n-stamps';
const FORMAT = 'agentpack-i18n-stamp-v1';

export interface SourceSnapshot {
  /** The canonical hash the text hashes to (`sha256:…`): the `i18n.sourceHash` it was recorded with. */
  sourceHash: string;
  description: string;
  body: string;
}

/** Where the snapshot of a translation is kept, relative to the catalog root. */
export function snapshotPath(translationRelPath: string): string {
  const slash = translationRelPath.lastIndexOf('/');
  const folder = translationRelPath.slice(0, slash + 1);
  return `${folder}${SNAPSHOT_DIR}/${translationRelPath.slice(slash + 1, -'.md'.length)}.json`;
}

/** The snapshot's file text: one JSON object, the text canonicalised as the hash reads it. */
export function serialiseSnapshot(options: { source: string; description: string; body: string }): string {
  const description = canonicaliseText(options.description);
  const body = canonicaliseText(options.body);
  const sourceHash = canonicalHash({ description: options.description, body: options.body });
  return `${JSON.stringify({ format: FORMAT, source: options.source, sourceHash, description, body }, null, 2)}\n`;
}

/** A snapshot file's content, or undefined when it is not one or its text does not hash to what it says. */
export function parseSnapshot(text: string): SourceSnapshot | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const { format, sourceHash, description, body } = value as Record<string, unknown>;
  if (format !== FORMAT || typeof sourceHash !== 'string' || typeof description !== 'string' || typeof body !== 'string') return undefined;
  if (canonicalHash({ description, body }) !== sourceHash) return undefined;
  return { sourceHash, description, body };
}
