import { PORTABLE_NAME } from './fields.js';

/** Device names Windows reserves in every folder (`con.md` cannot be created there). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/**
 * Whether an agent name may become a file name in a target folder (DESIGN §8): lowercase letters, digits
 * and single hyphens only — so no separator, no `..`, nothing that leaves the folder — and no reserved device name.
 */
export function isSafeAgentName(name: string): boolean {
  return PORTABLE_NAME.test(name) && !WINDOWS_RESERVED.test(name);
}

/** `<name>.md`, the one file agentpack writes for an agent. Call only with a name that passed isSafeAgentName. */
export function agentFileName(name: string): string {
  return `${name}.md`;
}
