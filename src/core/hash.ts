import { createHash } from 'node:crypto';

/** sha256 of bytes as written, `sha256:<hex>`: how installed files, renders and folder copies are compared. */
export function contentHash(text: string | Uint8Array): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}
