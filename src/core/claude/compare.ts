import type { AgentpackError } from '../errors.js';

/** One agent agentpack installed in a folder Claude Code reads (user or project scope). */
export interface InstalledForClaude {
  name: string;
  scope: 'user' | 'project';
  path: string;
  /** The description in the installed file as Claude Code shows it (ParsedAgent.shownDescription), when it parses. */
  description: string | undefined;
}

/** What the real Claude Code says about one installed agent (`status --claude`). */
export interface ClaudeAgentView {
  name: string;
  scope: 'user' | 'project';
  path: string;
  /** Claude Code lists an agent of this name. */
  seen: boolean;
  /** The listed description equals the installed file's as Claude Code shows it, byte for byte; false means another definition wins. */
  descriptionMatches: boolean;
}

/**
 * Compare the installed agents with the agents Claude Code listed. A name Claude Code lists with another
 * description means another definition of that name wins (a project agent, or a duplicate). Pure.
 */
export function compareWithClaude(options: {
  installed: readonly InstalledForClaude[];
  listed: readonly { name: string; description: string }[];
}): ClaudeAgentView[] {
  return options.installed.map((agent) => {
    const listed = options.listed.find((l) => l.name === agent.name);
    const seen = listed !== undefined;
    const descriptionMatches = seen && agent.description !== undefined && listed.description === agent.description;
    return { name: agent.name, scope: agent.scope, path: agent.path, seen, descriptionMatches };
  });
}

/** `status --claude`: what the real Claude Code said, or why it could not be asked (`--json` prints this as `claude`). */
export type ClaudeStatus =
  | { available: true; binary: string; version: string | null; agents: ClaudeAgentView[] }
  | { available: false; reason: 'no-binary' }
  | { available: false; reason: 'not-found' | 'probe-failed' | 'timeout'; binary: string; error: AgentpackError };
