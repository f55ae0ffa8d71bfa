import type { PickerEntry } from '../../core/picker/entries.js';
import { byAgentName } from '../../core/catalog/catalog.js';
import type { ListRow } from '../../core/picker/list.js';
import type { InstallState } from '../../core/plan/installation.js';
import type { Scope } from '../../core/target.js';
import type { Messages } from '../messages.js';

/** What the rows need of an installed agent in one scope. */
interface Installed {
  locale: string | null;
  state: InstallState;
}

/** Per scope, the installed agents by name (null: not installed there). */
export type InstalledByScope = ReadonlyMap<Scope, ReadonlyMap<string, Installed | null>>;

/** Where a row of the install picker comes from: the package, or the `--from` catalog. */
export type RowSource = PickerEntry['source'];

/** A row's id: its source and the agent's name (tab-separated: a name never holds a tab). */
export const rowId = (source: RowSource, name: string): string => `${source}\t${name}`;

export function parseRowId(id: string): { source: string; name: string } {
  const [source = '', ...rest] = id.split('\t');
  return { source, name: rest.join('\t') };
}

/** `✓ user, project`: the scopes an agent is installed in (a file agentpack did not write does not count). */
function installedCell(options: { name: string; installed: InstalledByScope; messages: Messages }): string {
  const scopes = [...options.installed]
    .filter(([, agents]) => {
      const info = agents.get(options.name);
      return info !== undefined && info !== null && info.state !== 'foreign';
    })
    .map(([scope]) => options.messages.t(`scope.${scope}`));
  return scopes.length > 0 ? `✓ ${scopes.join(', ')}` : '';
}

/** The install picker's rows, one per entry; a plugin column only when some entry has a plugin. */
export function installRows(options: { entries: readonly PickerEntry[]; installed: InstalledByScope; messages: Messages }): ListRow[] {
  const { installed, messages } = options;
  const plugins = options.entries.some((e) => e.plugin !== undefined);
  return options.entries.map((entry) => {
    const plugin = entry.plugin ?? '';
    const cells = [entry.name, ...(plugins ? [plugin] : []), entry.locales.join(' '), installedCell({ name: entry.name, installed, messages })];
    return {
      id: rowId(entry.source, entry.selector),
      cells,
      description: entry.description,
      search: `${entry.name} ${plugin} ${entry.description}`.toLowerCase(),
      // One file per name in a folder: of two agents called alike, only one can be installed.
      group: entry.name,
    };
  });
}

/** The manager's rows: each installed agent in each scope, with its language and state. */
export function managerRows(options: { installed: InstalledByScope; descriptions: ReadonlyMap<string, string>; messages: Messages }): ListRow[] {
  const { messages } = options;
  const rows: ListRow[] = [];
  for (const [scope, agents] of options.installed) {
    for (const [name, info] of [...agents].sort(([a], [b]) => byAgentName(a, b))) {
      if (info === null) continue;
      const state = messages.t(`state.${info.state}`);
      const description = options.descriptions.get(name) ?? '';
      rows.push({
        id: `${scope}\t${name}`,
        cells: [name, messages.t(`scope.${scope}`), info.locale ?? '-', state],
        description,
        search: `${name} ${messages.t(`scope.${scope}`)} ${state} ${description}`.toLowerCase(),
      });
    }
  }
  return rows;
}
