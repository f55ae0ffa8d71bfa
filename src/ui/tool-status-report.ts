import type { InstallState } from '../core/plan/installation.js';
import type { OtherToolId } from '../core/target.js';
import type { Loss } from '../core/tools/tool.js';
import type { Scope } from '../core/target.js';
import type { UiContext } from './context.js';
import { TOOL_FOLDERS } from '../core/tools/folders.js';
import { writeJson } from './json.js';
import { sanitizeForTerminal } from './style.js';
import { lossText, toolNotes } from './tool-report.js';

/** One scope's folder of another tool, as `status --target` reports it. */
export interface ToolStatusScope {
  scope: Scope;
  dir: string;
  exists: boolean;
  agents: { agent: string; state: InstallState | 'none'; recovered: boolean; locale: string | null; path: string; losses: Loss[]; command: string }[];
  /** What an interrupted run left: temporary files (absolute paths) and a lock whose run is gone. */
  leftovers: { temps: string[]; staleLock?: string };
  /** Backups a --force run kept in the folder, by name. */
  backups: string[];
}

/**
 * Print `status --target <tool>`; returns the exit code: 0, as `status` for Claude Code's folders, when a file
 * agentpack wrote was edited or is gone (each is shown with the command that puts it back).
 */
export function printToolStatus(options: { ctx: UiContext; tool: OtherToolId; scopes: ToolStatusScope[] }): number {
  const { ctx, tool, scopes } = options;
  const { t } = ctx.messages;
  const codes = [...new Set(scopes.flatMap((s) => toolNotes({ tool, scope: s.scope })))];
  const notes = codes.map((code) => ({ code, message: t(`tool.note.${code}`) }));
  if (ctx.json) {
    writeJson(ctx, { command: 'status', tool, scopes, notes }, true);
    return 0;
  }
  const name = TOOL_FOLDERS[tool].label;
  const lines: string[] = [];
  for (const scope of scopes) {
    lines.push(t('status.tool.header', { tool: name, dir: scope.dir, scope: t(`scope.${scope.scope}`) }));
    if (!scope.exists) lines.push(t('status.tool.missingDir'));
    else if (scope.agents.length === 0) lines.push(t('status.tool.empty'));
    for (const agent of scope.agents) {
      const key =
        agent.state === 'modified' || agent.state === 'foreign' ? 'status.tool.modified' : agent.state === 'missing' ? 'status.tool.missing' : 'status.tool.ok';
      lines.push(`  ${t(key, { agent: agent.agent, locale: agent.locale ?? '?', command: agent.command })}`);
      for (const loss of agent.losses) lines.push(`    - ${lossText({ loss, tool, messages: ctx.messages })}`);
    }
    for (const file of scope.leftovers.temps) lines.push(`  ${t('diag.LEFTOVER_TEMP', { file })} ${t('diag.LEFTOVER_TEMP.hint', { dir: scope.dir })}`);
    if (scope.leftovers.staleLock !== undefined) lines.push(`  ${t('diag.STALE_LOCK', { path: scope.leftovers.staleLock })} ${t('diag.STALE_LOCK.hint')}`);
    if (scope.backups.length > 0)
      lines.push(`  ${t('diag.BACKUPS_KEPT', { count: scope.backups.length, files: scope.backups.join(', ') })} ${t('diag.BACKUPS_KEPT.hint')}`);
  }
  for (const note of notes) lines.push(note.message);
  ctx.stdout.write(`${lines.map(sanitizeForTerminal).join('\n')}\n`);
  return 0;
}
