import { posix } from 'node:path';

/**
 * Resolve a Markdown-style link written in the catalog file `from` (a path relative to the catalog root,
 * `/`-separated) to a path relative to the same root. Returns undefined for links that cannot name a file
 * of the catalog: URLs, absolute paths, empty links and links that climb out of the root.
 */
export function resolveCatalogLink(options: { from: string; href: string }): string | undefined {
  const href = options.href.replace(/[#?].*$/, '');
  if (href === '' || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/') || href.startsWith('\\')) return undefined;
  let decoded = href;
  try {
    decoded = decodeURI(href);
  } catch {
    decoded = href;
  }
  const joined = posix.normalize(posix.join(posix.dirname(options.from), decoded.replace(/\\/g, '/')));
  if (joined === '..' || joined.startsWith('../') || joined === '.') return undefined;
  return joined;
}

/** The link from catalog file `from` to catalog file `to`, as it would be written in `from`. */
export function catalogLink(options: { from: string; to: string }): string {
  return posix.relative(posix.dirname(options.from), options.to);
}
