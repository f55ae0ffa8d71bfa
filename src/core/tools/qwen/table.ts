import type { ToolFolders } from '../tool.js';

/** The tool's name as its makers write it (the same in every language). */
export const LABEL = 'Qwen Code';

/**
 * qwenlm.github.io/qwen-code-docs (subagents): `~/.qwen/agents/*.md`, `.qwen/agents/*.md`; QWEN_HOME moves
 * `~/.qwen` (Qwen Code 0.24: `~` and `~/…` are the home, a relative path is from the working folder).
 */
export const FOLDERS: ToolFolders = {
  user: { home: ['.qwen', 'agents'], env: { name: 'QWEN_HOME', path: ['agents'], tilde: true } },
  project: ['.qwen', 'agents'],
};

/** Claude tool → Qwen Code tool name. null: no Qwen equivalent. */
export const TOOLS: Readonly<Record<string, string | null>> = {
  Read: 'read_file',
  NotebookRead: 'read_file',
  Write: 'write_file',
  Edit: 'edit',
  MultiEdit: 'edit',
  NotebookEdit: null,
  Bash: 'run_shell_command',
  Grep: 'grep_search',
  Glob: 'glob',
  LS: 'list_directory',
  WebFetch: 'web_fetch',
  WebSearch: 'web_search',
  TodoWrite: 'todo_write',
  Task: 'task',
  Agent: 'task',
};

/** Qwen Code has no top-level `model` (its own models go in `modelConfig`): no Claude model carries over. */
export const MODELS: Readonly<Record<string, string | null>> = { sonnet: null, opus: null, haiku: null, fable: null, inherit: null };

/** Qwen Code skips a file whose `name` has anything but letters, digits, `-` and `_`, or whose prompt is shorter than 10 characters. */
export const NAME = /^[A-Za-z0-9_-]+$/;
export const MIN_PROMPT_CHARS = 10;
