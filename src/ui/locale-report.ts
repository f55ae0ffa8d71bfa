import type { InstallState } from '../core/plan/installation.js';
import type { Target } from '../core/target.js';
import { writeJson } from './json.js';
import type { UiContext } from './context.js';
import { sanitizeForTerminal } from './style.js';
import { formatTable } from './table.js';

/** One agent installed in the folder, with its locale (null when unknown) and state. */
export interface InstalledLocale {
  agent: string;
  locale: string | null;
  state: InstallState | 'none';
  path: string;
}

/** `locale` alone: a table of each installed agent's locale and state, or a line saying nothing is installed. */
export function printLocaleTable(options: { ctx: UiContext; target: Target; rows: InstalledLocale[] }): void {
  const { ctx, target, rows } = options;
  if (ctx.json) {
    writeJson(ctx, { target, agents: rows });
    return;
  }
  const { t } = ctx.messages;
  if (rows.length === 0) {
    ctx.stdout.write(`${t('install.nothingInstalled', { dir: target.dir })}\n`);
    return;
  }
  const table = formatTable({
    header: [t('list.header.name'), t('locale.header.locale'), t('locale.header.state')],
    rows: rows.map((r) => [r.agent, r.locale ?? '-', t(`state.${r.state === 'none' ? 'missing' : r.state}`)]),
  });
  ctx.stdout.write(`${sanitizeForTerminal(table)}\n`);
}
