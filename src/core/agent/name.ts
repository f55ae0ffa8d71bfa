import { AgentpackError } from '../errors.js';
import { PORTABLE_NAME } from './fields.js';

/** Longest name that becomes a file name (`<name>.md` stays far below the usual 255-byte limit). */
export const MAX_AGENT_NAME_LENGTH = 128;

/** Names Windows reserves for devices whatever the extension: `con.md` opens the console. */
const WINDOWS_DEVICE_NAME = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** Why a name cannot become a file name: not the portable pattern, too long, or a device name. */
export type AgentNameProblem = 'pattern' | 'too-long' | 'reserved';

/**
 * Check a name against DESIGN §8 (`^[a-z0-9]+(-[a-z0-9]+)*$`) plus the two limits that pattern leaves
 * open. Anything that is not a string fails. No path separator, dot, NUL or newline can pass.
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

/** The file name of an agent, `<name>.md`, after the check above. */
export function agentFileName(name: unknown): string {
  assertSafeAgentName(name);
  return `${name}.md`;
}

/** A name short enough for a message (a hostile one may be megabytes long). */
export function previewName(name: unknown): string {
  const text = typeof name === 'string' ? name : String(name);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
