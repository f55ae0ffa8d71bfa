import type { ToolFolders } from '../tool.js';

/** The tool's name as its makers write it (the same in every language). */
export const LABEL = 'OpenCode';

/**
 * opencode.ai/docs/agents: `~/.config/opencode/agents/<name>.md`, `.opencode/agents/<name>.md`; XDG_CONFIG_HOME
 * moves `~/.config` (OpenCode 1.18 takes any value that is not empty, as xdg-basedir does).
 */
export const FOLDERS: ToolFolders = {
  user: { home: ['.config', 'opencode', 'agents'], env: { name: 'XDG_CONFIG_HOME', path: ['opencode', 'agents'] } },
  project: ['.opencode', 'agents'],
};

/**
 * Claude tool → OpenCode `permission` key (V1 map, read by V2 as documented in opencode.ai/docs/migrate-v1). The
 * key for subagents is `task` (there is no `agent` key). null: no OpenCode equivalent.
 */
export const TOOLS: Readonly<Record<string, string | null>> = {
  Read: 'read',
  NotebookRead: 'read',
  Write: 'edit',
  Edit: 'edit',
  MultiEdit: 'edit',
  NotebookEdit: 'edit',
  Bash: 'bash',
  Grep: 'grep',
  Glob: 'glob',
  LS: 'list',
  WebFetch: 'webfetch',
  WebSearch: 'websearch',
  Task: 'task',
  Agent: 'task',
  TodoWrite: 'todowrite',
  Skill: 'skill',
};

/** Every permission key the map above writes: those the agent's tools do not name are denied. */
export const PERMISSION_KEYS = ['read', 'edit', 'bash', 'grep', 'glob', 'list', 'webfetch', 'websearch', 'task', 'todowrite', 'skill'] as const;

/**
 * Claude model → OpenCode `provider/model`. Aliases name no fixed model, so they are left out (OpenCode uses the
 * session's model); a full Claude id becomes `anthropic/<id>`.
 */
export const MODELS: Readonly<Record<string, string | null>> = { sonnet: null, opus: null, haiku: null, fable: null, inherit: null };
export const MODEL_PREFIX = { from: 'claude-', to: 'anthropic/' } as const;
