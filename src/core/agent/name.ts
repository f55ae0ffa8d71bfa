import { isAbsolute, join, relative } from 'node:path';
import { AgentpackError } from '../errors.js';
import { PORTABLE_NAME } from './fields.js';

/** Longest name that becomes a file name (`<name>.md` stays far below the usual 255-byte limit). */
export const MAX_AGENT_NAME_LENGTH = 128;

/** Names Windows reserves for devices whatever the extension: `con.md` opens the console. */
const WINDOWS_DEVICE_NAME = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** Why a name cannot become a file name: not the portable pattern, too long, or a device name. */
export type AgentNameProblem = 'pattern' | 'too-long' | 'reserved';

/**
 * The one check before a name becomes a file name: the portable pattern (`^[a-z0-9]+(-[a-z0-9]+)*$`) plus
 * the two limits that pattern leaves open. Anything that is not a string fails. No path separator, dot,
 * NUL or newline can pass.
 */
export function agentNameProblem(name: unknown): AgentNameProblem | undefined {
  if (typeof name !== 'string' || !PORTABLE_NAME.test(name)) return 'pattern';
  if (name.length > MAX_AGENT_NAME_LENGTH) return 'too-long';
  if (WINDOWS_DEVICE_NAME.test(name)) return 'reserved';
  return undefined;
}

export function isSafeAgentName(name: unknown): name is string {
  return agentNameProblem(name) === undefined;
}

/** Throw AGENT_NAME_UNSAFE unless `name` may become a file name. */
export function assertSafeAgentName(name: unknown): asserts name is string {
  const reason = agentNameProblem(name);
  if (reason === undefined) return;
  throw new AgentpackError({ code: 'AGENT_NAME_UNSAFE', params: { name: previewName(name), reason, limit: MAX_AGENT_NAME_LENGTH } });
}

/** The file name of an agent: the only place that derives one from a name, so the rule can change here alone. */
export function agentFileName(name: unknown): string {
  assertSafeAgentName(name);
  return `${name}.md`;
}

/**
 * Join a folder and one file name, and prove the result is a direct child of the folder. Pure (no file
 * system; `dir` must be absolute so nothing depends on the working directory). Refuses, with PATH_UNSAFE,
 * an empty name, `.`, `..`, any `/` or `\`, a drive or stream colon, NUL, or a line break. Symlinks are
 * not resolved here: the writer must not follow them.
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

/** `<dir>/<file name of the agent>`: the only place that joins an agent's file to its folder. */
export function agentFilePath(options: { dir: string; name: unknown }): string {
  return safeJoin({ dir: options.dir, file: agentFileName(options.name) });
}

/** A name short enough for a message (a hostile one may be megabytes long). */
export function previewName(name: unknown): string {
  const text = typeof name === 'string' ? name : String(name);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
