import type { ToolFolders } from '../tool.js';

/** The tool's name as its makers write it (the same in every language). */
export const LABEL = 'GitHub Copilot';

/** docs.github.com (custom agents for Copilot CLI): `~/.copilot/agents/`, `.github/agents/<name>.agent.md`. */
export const FOLDERS: ToolFolders = { user: { home: ['.copilot', 'agents'] }, project: ['.github', 'agents'] };

/** Claude tool → Copilot tool alias (custom agents configuration). null: no Copilot alias. */
export const TOOLS: Readonly<Record<string, string | null>> = {
  Bash: 'execute',
  Read: 'read',
  NotebookRead: 'read',
  Edit: 'edit',
  MultiEdit: 'edit',
  Write: 'edit',
  NotebookEdit: 'edit',
  Grep: 'search',
  Glob: 'search',
  Task: 'agent',
  Agent: 'agent',
  WebFetch: 'web',
  WebSearch: 'web',
  TodoWrite: 'todo',
};

/** Claude model → Copilot `model`: Copilot names models by its own display names, so an alias is left out (its default is used). */
export const MODELS: Readonly<Record<string, string | null>> = { sonnet: null, opus: null, haiku: null, fable: null, inherit: null };

/** Copilot reads at most this many characters of an agent's prompt. */
export const MAX_BODY_CHARS = 30_000;
