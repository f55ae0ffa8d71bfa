import { agents } from './agents/tool.js';
import { codex } from './codex/tool.js';
import { copilot } from './copilot/tool.js';
import { cursor } from './cursor/tool.js';
import { gemini } from './gemini/tool.js';
import type { OtherToolId } from '../target.js';
import { kiro } from './kiro/tool.js';
import { opencode } from './opencode/tool.js';
import { qwen } from './qwen/tool.js';
import type { ToolTarget } from './tool.js';

/** Every tool `--target` converts for, behind the one interface (tool.ts). */
const TOOLS: Readonly<Record<OtherToolId, ToolTarget>> = { opencode, codex, gemini, cursor, copilot, qwen, kiro, agents };

export function toolTarget(id: OtherToolId): ToolTarget {
  return TOOLS[id];
}
