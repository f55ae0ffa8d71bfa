import { catalogLocales } from '../../core/catalog/lookup.js';
import { canonicalVariant, shownDescriptionOf } from '../../core/catalog/catalog.js';
import { readPackage } from '../../io/package/read-package.js';
import { localeLabel } from '../../ui/picker/draw.js';
import { managerRows, parseRowId } from '../../ui/picker/rows.js';
import { runLocale } from '../actions/locale.js';
import { runUninstall } from '../actions/uninstall.js';
import { runUpdate } from '../actions/update.js';
import type { CliContext } from '../program/context.js';
import { listInstalled } from './list-installed.js';
import { confirmAndApply, type PickerRun } from './picker-apply.js';
import type { Prompts } from './prompts.js';
import type { Scope } from '../../core/target.js';

type Action = 'locale' | 'update' | 'remove';

/**
 * The manager: what is installed in the user and project folders with its state; on the agents chosen, switch
 * language, update or remove them — by `locale`, `update` and `uninstall`, once per scope, with their plans,
 * ownership rule and refusals.
 */
export async function manageInstalled(options: { ctx: CliContext; prompts: Prompts }): Promise<void> {
  const { ctx, prompts } = options;
  const { t } = ctx.messages;
  const { catalog, pkg } = await readPackage();
  const listed = await listInstalled({ ctx, scopes: ['user', 'project'], dir: undefined, pkg, catalog });
  const descriptions = new Map<string, string>();
  for (const agent of catalog.agents.values())
    descriptions.set(agent.name, shownDescriptionOf(agent.variants.get(ctx.messages.lang) ?? canonicalVariant(agent)) ?? '');
  for (const [agent, folder] of listed.fromFolders)
    descriptions.set(agent, folder.summary?.descriptions[ctx.messages.lang] ?? folder.summary?.description ?? '');
  const rows = managerRows({ installed: listed.installed, descriptions, messages: ctx.messages });
  if (rows.length === 0) {
    prompts.pause();
    ctx.stdout.write(`${t('picker.manage.empty', { command: `${ctx.messages.invocation} install` })}\n`);
    return;
  }
  const ids = await prompts.pickMany({
    title: t('picker.manage.title'),
    rows,
    // Each with its folder: the same agent may be chosen in both scopes.
    answer: (picked) =>
      picked
        .map((id) => {
          const { source: scope, name } = parseRowId(id);
          return t('picker.manage.answer', { agent: name, scope: t(`scope.${scope as Scope}`) });
        })
        .join(t('list.note.separator')),
  });
  const action = (await prompts.pickOne({
    title: t('picker.action.title', { count: ids.length }),
    options: [
      { id: 'locale', label: t('picker.action.locale') },
      { id: 'update', label: t('picker.action.update') },
      { id: 'remove', label: t('picker.action.remove') },
    ],
    defaultId: 'locale',
  })) as Action;
  const picked = ids.map((id) => {
    const { source: scope, name } = parseRowId(id);
    return { scope, name };
  });
  let locale = '';
  if (action === 'locale') {
    const known = [...new Set([...catalogLocales(catalog), ...[...listed.fromFolders.values()].flatMap((f) => f.locales)])].sort();
    const current = picked.map(({ scope, name }) => listed.installed.get(scope as 'user')?.get(name)?.locale);
    // The other language than the one the chosen agents are in: switching to where they already are does nothing.
    const other = known.find((l) => !current.includes(l)) ?? known[0] ?? '';
    locale = await prompts.pickOne({
      title: t('picker.locale.title'),
      options: known.map((id) => ({ id, label: localeLabel(ctx.messages, id) })),
      defaultId: other,
    });
  }
  const runs: PickerRun[] = [];
  for (const scope of ['user', 'project']) {
    const agents = picked.filter((p) => p.scope === scope).map((p) => p.name);
    if (agents.length === 0) continue;
    runs.push((flags) => {
      const raw = { [scope]: true, ...flags };
      if (action === 'locale') return runLocale({ locale, agents, raw, ctx });
      if (action === 'update') return runUpdate({ agents, raw, ctx });
      return runUninstall({ agents, raw, ctx });
    });
  }
  await confirmAndApply({ ctx, prompts, runs, dryRun: false, force: false });
}
