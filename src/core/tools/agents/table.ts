import type { ToolFolders } from '../tool.js';

/** The tool's name as its makers write it (the same in every language). */
export const LABEL = '.agents/agents';

/** The neutral location (read by Antigravity, OpenHands and Junie): `~/.agents/agents/`, `.agents/agents/<name>.md`. */
export const FOLDERS: ToolFolders = { user: { home: ['.agents', 'agents'] }, project: ['.agents', 'agents'] };

/** The fields the readers of `.agents/agents` share with Claude Code: the rest (`color`, hooks, …) is left out. */
export const CARRIED = ['tools', 'model'] as const;
