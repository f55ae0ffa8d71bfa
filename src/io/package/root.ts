import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_NAME } from '../../core/hints.js';

let cached: { root: string; version: string } | undefined;

/** The folder of the installed agentpack package (holds agents/, locales/, package.json). */
export function packageInfo(): { root: string; version: string } {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === PACKAGE_NAME) {
        cached = { root: dir, version: pkg.version ?? '0.0.0' };
        return cached;
      }
    }
    dir = dirname(dir);
  }
  throw new Error('agentpack: package root not found');
}
