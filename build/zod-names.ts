import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LazyExports } from './lazy-dependencies.js';

/**
 * dist/cli-zod.cjs holds only the names build/lazy/zod.ts re-exports, and the stub the CLI's files see
 * offers exactly those. A `z.<name>` call on a name missing from that list would be undefined at run
 * time, so the build checks every one in the sources and fails instead.
 */

/** Type-level names (`z.infer<…>`) that never reach the bundle. */
const TYPE_ONLY = new Set(['infer', 'input', 'output']);

/** The names of the file's `export { … } from 'zod'`, in its order. */
export function listedZodNames(lazyFileText: string): string[] {
  const list = lazyFileText.match(/export \{([^}]*)\} from 'zod'/)?.[1] ?? '';
  return list
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
}

/** Every `z.<name>` the .ts files under sourceDir read at run time. */
function usedZodNames(sourceDir: string): Set<string> {
  const used = new Set<string>();
  for (const file of readdirSync(sourceDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
    for (const m of readFileSync(join(sourceDir, file), 'utf8').matchAll(/\bz\.([a-zA-Z_]\w*)\b(?!<)/g)) {
      const name = m[1] ?? '';
      if (!TYPE_ONLY.has(name)) used.add(name);
    }
  }
  return used;
}

/** The zod names the sources use that the lazy file does not list, sorted; empty when the build may go on. */
export function missingZodNames(options: { sourceDir: string; lazyFile: string }): string[] {
  const listed = new Set(listedZodNames(readFileSync(options.lazyFile, 'utf8')));
  return [...usedZodNames(options.sourceDir)].filter((n) => !listed.has(n)).sort();
}

/** The exports of zod's stub: the lazy file's list, once the sources are shown to need no other name. */
export function checkedZodExports(options: { sourceDir: string; lazyFile: string }): LazyExports {
  const missing = missingZodNames(options);
  if (missing.length > 0) throw new Error(`${options.lazyFile} lacks zod exports the sources use: ${missing.join(', ')}`);
  return { names: listedZodNames(readFileSync(options.lazyFile, 'utf8')), defaultIsFunction: false };
}
