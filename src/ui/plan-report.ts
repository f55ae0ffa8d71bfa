import { basename } from 'node:path';
import type { PlanAction } from '../core/plan/types.js';
import type { Target } from '../core/target.js';
import type { Messages } from './messages.js';
import { sanitizeForTerminal, type Style } from './style.js';
import { padToWidth } from './table.js';

/** One action as `--json` prints it: stable keys, codes rather than prose. */
export interface ActionJson {
  action: PlanAction['kind'];
  agent: string;
  path: string;
  locale: string | null;
  fromLocale: string | null;
  reason: PlanAction['reason'];
  sha256: string | null;
  /** Where the old content is (or, in a dry run, would be) kept; null without --force. */
  backup: string | null;
}

export function actionJson(action: PlanAction, backup: string | null): ActionJson {
  return {
    action: action.kind,
    agent: action.agent,
    path: action.path,
    locale: action.locale,
    fromLocale: action.fromLocale,
    reason: action.reason,
    sha256: action.sha256,
    backup,
  };
}

/** Why, in words: `plan.reason.<code>`, with the other files for a duplicate name. */
function reasonText(action: PlanAction, messages: Messages): string {
  const others = (action.others ?? []).join(', ');
  return messages.t(`plan.reason.${action.reason}`, { agent: action.agent, others });
}

function localeCell(action: PlanAction): string {
  if (action.kind === 'switch' && action.fromLocale !== null) return `${action.fromLocale} → ${action.locale ?? '?'}`;
  return action.locale ?? '-';
}

/** `  create     ml-engineer.md  en       not installed` — one line per action, for --dry-run. */
export function formatPlanLines(options: { actions: PlanAction[]; backups: Map<string, string>; messages: Messages; style: Style }): string[] {
  const { actions, backups, messages, style } = options;
  const kinds = actions.map((a) => messages.t(`plan.kind.${a.kind}`));
  const kindWidth = Math.max(0, ...kinds.map((k) => k.length));
  const fileWidth = Math.max(0, ...actions.map((a) => basename(a.path).length));
  const localeWidth = Math.max(0, ...actions.map((a) => localeCell(a).length));
  return actions.map((action, i) => {
    const paint = action.kind === 'conflict' ? style.error : action.kind === 'skip' ? style.dim : style.ok;
    const backup = backups.get(action.path);
    const extra = backup ? ` ${messages.t('plan.backupNote', { backup: basename(backup) })}` : '';
    // Safe for the terminal first (a file name may hold control characters), then coloured: the colour's own
    // escape codes must reach the terminal as they are.
    const rest = sanitizeForTerminal(
      `${padToWidth(basename(action.path), fileWidth)}  ${padToWidth(localeCell(action), localeWidth)}  ${reasonText(action, messages)}${extra}`,
    );
    return `  ${paint(padToWidth(kinds[i] ?? '', kindWidth))}  ${rest}`.replace(/\s+$/, '');
  });
}

/** The lines naming each refused file and why, for the CONFLICT error. */
export function formatConflictLines(options: { actions: PlanAction[]; messages: Messages }): string {
  return options.actions
    .filter((a) => a.kind === 'conflict')
    .map((a) => `  ${a.path}: ${reasonText(a, options.messages)}`)
    .join('\n');
}

export function targetLabel(target: Target, messages: Messages): string {
  return messages.t('plan.target', { dir: target.dir, scope: messages.t(`scope.${target.scope}`) });
}
