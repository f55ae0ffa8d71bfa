import type { AgentFileExtension } from '../agent/name.js';
import { FOLDERS as agents } from './agents/table.js';
import { FOLDERS as codex } from './codex/table.js';
import { FOLDERS as copilot } from './copilot/table.js';
import { FOLDERS as cursor } from './cursor/table.js';
import { FOLDERS as gemini } from './gemini/table.js';
import type { OtherToolId } from '../target.js';
import { FOLDERS as kiro } from './kiro/table.js';
import { FOLDERS as opencode } from './opencode/table.js';
import { FOLDERS as qwen } from './qwen/table.js';
import type { ToolFolders } from './tool.js';

/** Where each tool's agents live and the ending of their files: data only, so resolving a folder loads no renderer. */
export const TOOL_FOLDERS: Readonly<Record<OtherToolId, { folders: ToolFolders; ext: AgentFileExtension }>> = {
  opencode: { folders: opencode, ext: '.md' },
  codex: { folders: codex, ext: '.toml' },
  gemini: { folders: gemini, ext: '.md' },
  cursor: { folders: cursor, ext: '.md' },
  copilot: { folders: copilot, ext: '.agent.md' },
  qwen: { folders: qwen, ext: '.md' },
  kiro: { folders: kiro, ext: '.md' },
  agents: { folders: agents, ext: '.md' },
};

/** The ending of the tool's agent files. */
export function toolExt(tool: OtherToolId): AgentFileExtension {
  return TOOL_FOLDERS[tool].ext;
}
