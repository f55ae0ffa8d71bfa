import type { ToolFolders } from '../tool.js';

/** The tool's name as its makers write it (the same in every language). */
export const LABEL = 'Gemini CLI';

/**
 * geminicli.com/docs (subagents, `/agents reload`): `~/.gemini/agents/*.md`, `.gemini/agents/*.md`;
 * GEMINI_CLI_HOME stands for the home (Gemini CLI 0.61: `$GEMINI_CLI_HOME/.gemini/agents`).
 */
export const FOLDERS: ToolFolders = {
  user: { home: ['.gemini', 'agents'], env: { name: 'GEMINI_CLI_HOME', path: ['.gemini', 'agents'] } },
  project: ['.gemini', 'agents'],
};

/** Claude tool → Gemini CLI tool name (geminicli.com/docs/tools). null: no Gemini equivalent. */
export const TOOLS: Readonly<Record<string, string | null>> = {
  Read: 'read_file',
  NotebookRead: 'read_file',
  Write: 'write_file',
  Edit: 'replace',
  MultiEdit: 'replace',
  NotebookEdit: null,
  Bash: 'run_shell_command',
  Grep: 'grep_search',
  Glob: 'glob',
  LS: 'list_directory',
  WebFetch: 'web_fetch',
  WebSearch: 'google_web_search',
  TodoWrite: 'write_todos',
};

/** Claude model → Gemini `model`: none carries over (the subagent inherits the session's model, Gemini's default). */
export const MODELS: Readonly<Record<string, string | null>> = { sonnet: null, opus: null, haiku: null, fable: null, inherit: null };
