import type { ToolFolders } from '../tool.js';

/** The tool's name as its makers write it (the same in every language). */
export const LABEL = 'Cursor';

/** cursor.com/docs/agent/subagents: `~/.cursor/agents/`, `.cursor/agents/`. */
export const FOLDERS: ToolFolders = { user: { home: ['.cursor', 'agents'] }, project: ['.cursor', 'agents'] };

/** Claude model → Cursor `model` (its default is `inherit`): an alias names no Cursor model, so the agent inherits. */
export const MODELS: Readonly<Record<string, string | null>> = {
  sonnet: 'inherit',
  opus: 'inherit',
  haiku: 'inherit',
  fable: 'inherit',
  inherit: 'inherit',
};
