import type { AgentFileExtension } from '../agent/name.js';
import { FOLDERS as agents, LABEL as agentsLabel } from './agents/table.js';
import { FOLDERS as codex, LABEL as codexLabel } from './codex/table.js';
import { FOLDERS as copilot, LABEL as copilotLabel } from './copilot/table.js';
import { FOLDERS as cursor, LABEL as cursorLabel } from './cursor/table.js';
import { FOLDERS as gemini, LABEL as geminiLabel } from './gemini/table.js';
import type { OtherToolId } from '../target.js';
import { FOLDERS as kiro, LABEL as kiroLabel } from './kiro/table.js';
import { FOLDERS as opencode, LABEL as opencodeLabel } from './opencode/table.js';
import { FOLDERS as qwen, LABEL as qwenLabel } from './qwen/table.js';
import type { ToolFolders } from './tool.js';

/** Each tool's name, where its agents live and the ending of their files: data only, so resolving a folder loads no renderer. */
export const TOOL_FOLDERS: Readonly<Record<OtherToolId, { label: string; folders: ToolFolders; ext: AgentFileExtension }>> = {
  opencode: { label: opencodeLabel, folders: opencode, ext: '.md' },
  codex: { label: codexLabel, folders: codex, ext: '.toml' },
  gemini: { label: geminiLabel, folders: gemini, ext: '.md' },
  cursor: { label: cursorLabel, folders: cursor, ext: '.md' },
  copilot: { label: copilotLabel, folders: copilot, ext: '.agent.md' },
  qwen: { label: qwenLabel, folders: qwen, ext: '.md' },
  kiro: { label: kiroLabel, folders: kiro, ext: '.md' },
  agents: { label: agentsLabel, folders: agents, ext: '.md' },
};

/** The ending of the tool's agent files. */
export function toolExt(tool: OtherToolId): AgentFileExtension {
  return TOOL_FOLDERS[tool].ext;
}
