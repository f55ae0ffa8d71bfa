import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Write `text` to `root/rel` (folders made as needed) and return the file's path. */
export function put(root: string, rel: string, text: string): string {
  const path = join(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

/** A Markdown agent file: front-matter lines, then the body. */
export function markdown(frontMatter: readonly string[], body = 'You review the code you are given and report what to fix.'): string {
  return `---\n${frontMatter.join('\n')}\n---\n${body}\n`;
}
