import { isAbsolute, join, relative } from 'node:path';
import { agentFileName } from './name.js';
import { AgentpackError } from '../errors.js';

/**
 * Join a folder and one file name, and prove the result is a direct child of the folder. Pure (no file
 * system; `dir` must be absolute so nothing depends on the working directory). Refuses, with PATH_UNSAFE,
 * an empty name, `.`, `..`, any `/` or `\`, a drive or stream colon, NUL, or a line break. Symlinks are
 * not resolved here: the writer must not follow them (DESIGN §8).
 */
export function safeJoin(options: { dir: string; file: string }): string {
  const { dir, file } = options;
  const refuse = (): never => {
    throw new AgentpackError({ code: 'PATH_UNSAFE', params: { dir, file: JSON.stringify(file).slice(1, -1) } });
  };
  if (!isAbsolute(dir) || dir.includes('\0')) return refuse();
  if (file === '' || file === '.' || file === '..' || /[/\\:\0\r\n]/.test(file) || isAbsolute(file)) return refuse();
  const full = join(dir, file);
  const rel = relative(dir, full);
  if (rel !== file || isAbsolute(rel) || rel.startsWith('..')) return refuse();
  return full;
}

/** `<dir>/<name>.md` for an agent name that passed assertSafeAgentName. */
export function agentFilePath(options: { dir: string; name: unknown }): string {
  return safeJoin({ dir: options.dir, file: agentFileName(options.name) });
}
