import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readGitSpec } from '../../core/catalog/git-spec.js';

/**
 * Whether `--from` names one file on disk (not a folder, not a repository): such a source defines one agent, so
 * `install --from <file>` needs no name and opens no picker.
 */
export async function isOneFileSource(options: { from: string | undefined; cwd: string }): Promise<boolean> {
  if (options.from === undefined || readGitSpec(options.from).kind !== 'folder') return false;
  const info = await stat(resolve(options.cwd, options.from)).catch(() => undefined);
  return info?.isFile() === true;
}
