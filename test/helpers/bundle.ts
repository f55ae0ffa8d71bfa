import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { ROOT, tempDir } from './cli.js';

/** A temp folder holding the given files (paths relative to it). */
export function folderWith(files: Record<string, string>): string {
  const dir = tempDir('agentpack-build-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/**
 * Bundles dir/entry with the real esbuild the way the CLI build does (CommonJS for Node, everything
 * bundled but `external`); the repository's node_modules are on the path for the real packages.
 */
export async function bundle(options: { dir: string; entry: string; plugins: Plugin[]; external?: string[] }): Promise<string> {
  const result = await build({
    absWorkingDir: options.dir,
    entryPoints: [join(options.dir, options.entry)],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
    nodePaths: [join(ROOT, 'node_modules')],
    external: options.external ?? [],
    plugins: options.plugins,
  });
  return result.outputFiles.map((f) => f.text).join('');
}
