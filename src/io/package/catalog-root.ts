import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AgentpackError } from '../../core/errors.js';
import { packageInfo } from './root.js';

/**
 * The catalog a command works on: the package's own by default, or `--root <dir>` (a folder holding
 * `agents/` and `locales/<lang>/agents/`), resolved against the working directory.
 */
export async function resolveCatalogRoot(options: { root?: string | undefined; cwd: string }): Promise<string> {
  if (options.root === undefined) return packageInfo().root;
  const full = resolve(options.cwd, options.root);
  try {
    await stat(full);
  } catch {
    throw new AgentpackError({ code: 'PATH_NOT_FOUND', params: { path: options.root } });
  }
  const agents = await stat(join(full, 'agents')).catch(() => undefined);
  if (!agents?.isDirectory()) throw new AgentpackError({ code: 'CATALOG_NOT_FOUND', params: { path: options.root } });
  return full;
}
