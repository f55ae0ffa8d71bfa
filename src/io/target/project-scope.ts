import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AgentpackError } from '../../core/errors.js';
import { resolveTarget } from './resolve.js';

/**
 * The project's agents folder when the working folder is inside a project (a `.git` or `.claude` marks its
 * root), with whether that folder exists already; undefined outside a project or in the home folder.
 */
export function projectScopeOf(options: { env: Record<string, string | undefined>; cwd: string }): { dir: string; exists: boolean } | undefined {
  let dir: string;
  try {
    dir = resolveTarget({ scope: 'project', env: options.env, cwd: options.cwd }).dir;
  } catch (error) {
    if (error instanceof AgentpackError && error.code === 'PROJECT_IS_HOME') return undefined;
    throw error;
  }
  const root = dirname(dirname(dir));
  if (!existsSync(join(root, '.git')) && !existsSync(join(root, '.claude'))) return undefined;
  return { dir, exists: existsSync(dir) };
}
