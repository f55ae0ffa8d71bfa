/** The coding agents `--target` installs for; `claude` (the default) is Claude Code's own folders. */
export const TOOL_IDS = ['claude', 'opencode', 'codex', 'gemini', 'cursor', 'copilot', 'qwen', 'kiro', 'agents'] as const;
export type ToolId = (typeof TOOL_IDS)[number];
/** A tool other than Claude Code: its files are converted (core/tools/<tool>/). */
export type OtherToolId = Exclude<ToolId, 'claude'>;

export function isToolId(value: string): value is ToolId {
  return (TOOL_IDS as readonly string[]).includes(value);
}
