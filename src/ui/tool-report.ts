import type { Loss } from '../core/tools/tool.js';
import type { OtherToolId } from '../core/target.js';
import type { Messages } from './messages.js';
import { TOOL_FOLDERS } from '../core/tools/folders.js';
import type { Scope } from '../core/target.js';

/** What one agent's file for another tool lost, in one locale. */
export interface AgentLosses {
  agent: string;
  locale: string;
  losses: Loss[];
}

/** What a user of the tool must know about a folder (catalog key `tool.note.<code>`). */
export type ToolNote = 'copilot-reads-claude' | 'codex-trust' | 'gemini-acknowledge';

/** The conversion of a run for another tool (`--target`): `conversion` in --json, a section of the text report. */
export interface ToolLossReport {
  tool: OtherToolId;
  agents: AgentLosses[];
  notes: { code: ToolNote; message: string }[];
}

/**
 * Notes on a tool's folder: Copilot's CLI also reads `.claude/agents`; Codex reads a project's agents only in a
 * trusted project; Gemini CLI asks the user to acknowledge a project's agents (agentpack writes neither setting).
 */
export function toolNotes(options: { tool: OtherToolId; scope: Scope }): ToolNote[] {
  const { tool, scope } = options;
  if (tool === 'copilot') return ['copilot-reads-claude'];
  if (tool === 'codex' && scope !== 'user') return ['codex-trust'];
  if (tool === 'gemini' && scope !== 'user') return ['gemini-acknowledge'];
  return [];
}

export function lossesJson(options: { losses: AgentLosses[]; tool: OtherToolId; scope: Scope; messages: Messages; writes: boolean }): ToolLossReport {
  const { tool, messages } = options;
  const notes = (options.writes ? toolNotes({ tool, scope: options.scope }) : []).map((code) => ({ code, message: messages.t(`tool.note.${code}`) }));
  return { tool, agents: options.losses, notes };
}

/** One loss as a sentence in the user's language. */
export function lossText(options: { loss: Loss; tool: OtherToolId; messages: Messages }): string {
  const { loss, messages } = options;
  const tool = TOOL_FOLDERS[options.tool].label;
  switch (loss.kind) {
    case 'field-dropped':
      return messages.t('tool.loss.field-dropped', { field: loss.field, tool });
    case 'tool-unmapped':
      return messages.t('tool.loss.tool-unmapped', { name: loss.tool, tool });
    case 'tool-widened':
      return messages.t('tool.loss.tool-widened', { name: loss.tool, to: loss.to });
    case 'tools-approximated':
      return messages.t('tool.loss.tools-approximated', { to: loss.to, tool });
    case 'model-dropped':
      return messages.t('tool.loss.model-dropped', { model: loss.model, tool });
    case 'model-mapped':
      return messages.t('tool.loss.model-mapped', { model: loss.model, to: loss.to });
    case 'name-changed':
      return messages.t('tool.loss.name-changed', { to: loss.to, tool });
  }
}

/** The text lines: a header naming the tool, then one line per loss under its agent. None when nothing was lost. */
export function formatLosses(options: { report: ToolLossReport | undefined; messages: Messages }): string[] {
  const { report, messages } = options;
  if (report === undefined) return [];
  const lines = report.agents.length > 0 ? [messages.t('tool.losses.header', { tool: TOOL_FOLDERS[report.tool].label })] : [];
  for (const entry of report.agents) {
    lines.push(`  ${messages.t('tool.losses.agent', { agent: entry.agent, locale: entry.locale })}`);
    for (const loss of entry.losses) lines.push(`    - ${lossText({ loss, tool: report.tool, messages })}`);
  }
  for (const note of report.notes) lines.push(note.message);
  return lines;
}
