/** Which agents folder a command works on: the user's, the project's, or one named with --dir. */
export type Scope = 'user' | 'project' | 'dir';

/** The coding agents `--target` installs for; `claude` (the default) is Claude Code's own folders. */
export const TOOL_IDS = ['claude', 'opencode', 'codex', 'gemini', 'cursor', 'copilot', 'qwen', 'kiro', 'agents'] as const;
export type ToolId = (typeof TOOL_IDS)[number];
/** Claude Code's name as its makers write it (the same in every language), beside the other tools' labels. */
export const CLAUDE_LABEL = 'Claude Code';

/** A tool other than Claude Code: its files are converted (core/tools/<tool>/). */
export type OtherToolId = Exclude<ToolId, 'claude'>;

export function isToolId(value: string): value is ToolId {
  return (TOOL_IDS as readonly string[]).includes(value);
}

/** An agents folder a command works on. */
export interface Target {
  scope: Scope;
  /** Absolute path of the agents folder. */
  dir: string;
  /** The coding agent the folder belongs to (`--target`); absent for Claude Code's own folders. */
  tool?: OtherToolId;
}
