import type { PlanAction } from '../core/plan/types.js';
import type { AppliedAction } from '../core/plan/types.js';
import type { Messages } from './messages.js';
import { sanitizeForTerminal } from './style.js';

export type LifecycleCommand = 'install' | 'uninstall' | 'locale' | 'update';

/** Command lines for hints, in the same folder as the run (`--project`, `--dir …` appended). */
export type CommandFor = (args: string[]) => string;

/**
 * What a finished run says, one line per agent: what was written and where, what was kept as a backup, and
 * for each agent left alone that needs the user, why and the exact command that would proceed.
 */
export function formatOutcome(options: {
  command: LifecycleCommand;
  applied: AppliedAction[];
  dir: string;
  messages: Messages;
  commandFor: CommandFor;
}): { out: string[]; err: string[] } {
  const { command, applied, dir, messages, commandFor } = options;
  const { t } = messages;
  const out: string[] = [];
  const err: string[] = [];
  for (const { action, backup } of applied) {
    const p = { agent: action.agent, locale: action.locale ?? '?', from: action.fromLocale ?? '?', path: action.path, dir };
    switch (action.kind) {
      case 'create':
        out.push(t('install.done.create', p));
        break;
      case 'overwrite':
        out.push(t(action.backup ? 'install.done.replace' : 'install.done.overwrite', p));
        break;
      case 'switch':
        out.push(t(action.backup ? 'install.done.replace' : 'install.done.switch', p));
        break;
      case 'remove':
        out.push(t(action.reason === 'file-missing' ? 'install.done.forget' : 'install.done.remove', p));
        break;
      case 'skip':
        skipLine({ action, command, p, commandFor, messages, out, err });
        break;
      case 'conflict':
        break;
    }
    if (backup) out.push(t('install.done.backup', { backup }));
  }
  return { out: out.map(sanitizeForTerminal), err: err.map(sanitizeForTerminal) };
}

function skipLine(options: {
  action: PlanAction;
  command: LifecycleCommand;
  p: Record<string, string>;
  commandFor: CommandFor;
  messages: Messages;
  out: string[];
  err: string[];
}): void {
  const { action, command, p, commandFor, messages, out, err } = options;
  const { t } = messages;
  const forceArgs = command === 'update' ? ['update', action.agent, '--force'] : ['install', action.agent, '--force'];
  switch (action.reason) {
    case 'up-to-date':
      out.push(t('install.skip.upToDate', p));
      return;
    case 'not-installed':
      if (command === 'uninstall') out.push(t('install.skip.notInstalledNothingToRemove', p));
      else err.push(t('install.skip.notInstalled', { ...p, command: commandFor(['install', action.agent]) }));
      return;
    case 'file-missing':
      err.push(t('install.skip.fileMissing', { ...p, command: commandFor(['install', action.agent]), command2: commandFor(['uninstall', action.agent]) }));
      return;
    case 'not-in-package':
      err.push(t('install.skip.notInPackage', p));
      return;
    default:
      err.push(t('install.skip.refused', { ...p, reason: t(`plan.reason.${action.reason}`, p), command: commandFor(forceArgs) }));
  }
}

/** "To switch to ja: agentpack locale ja" for each locale other than the one just written. */
export function switchHints(options: { written: Set<string>; available: string[]; messages: Messages; commandFor: CommandFor }): string[] {
  const { written, available, messages, commandFor } = options;
  if (written.size !== 1) return [];
  return available.filter((l) => !written.has(l)).map((locale) => messages.t('install.switchHint', { locale, command: commandFor(['locale', locale]) }));
}
