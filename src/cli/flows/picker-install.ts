import { resolveAgentLocale } from '../../core/plan/choose-locale.js';
import { pickerEntries, type PickerEntry } from '../../core/picker/entries.js';
import { readPackage } from '../../io/package/read-package.js';
import { projectScopeOf } from '../../io/target/project-scope.js';
import { userAgentsDir, type Scope } from '../../io/target/resolve.js';
import { installRows, parseRowId, rowId, type RowSource } from '../../ui/picker/rows.js';
import { printSourceProblems } from '../../ui/source-report.js';
import { runInstall } from '../actions/install.js';
import type { CliContext } from '../program/context.js';
import { parseOptions } from '../program/options.js';
import { namesScope, SCOPE_OPTIONS, scopeOf } from '../program/scope.js';
import { listInstalled } from './list-installed.js';
import { loadSource } from './load-source.js';
import { confirmAndApply, type PickerRun } from './picker-apply.js';
import { localeLabel } from '../../ui/picker/draw.js';
import type { Prompts } from './prompts.js';

const OPTIONS = { ...SCOPE_OPTIONS, from: 'value', locale: 'text', force: 'switch', dryRun: 'switch' } as const;

/** The scope to install into: the one the options name, else the user's answer (project offered inside a project). */
async function chooseScope(options: {
  ctx: CliContext;
  prompts: Prompts;
  named: boolean;
  raw: ReturnType<typeof parseOptions<typeof OPTIONS>>;
}): Promise<Record<string, unknown>> {
  const { ctx, prompts, raw } = options;
  if (options.named) {
    const { scope, dir } = scopeOf(raw, ctx);
    return scope === 'dir' ? { dir } : { [scope]: true };
  }
  const project = projectScopeOf({ env: ctx.env, cwd: ctx.cwd });
  if (project === undefined) return { user: true };
  const { t } = ctx.messages;
  // A project that already keeps agents of its own is where the next ones most likely go.
  const scope = await prompts.pickOne({
    title: t('picker.scope.title'),
    options: [
      { id: 'user', label: t('picker.scope.user', { path: userAgentsDir({ env: ctx.env, cwd: ctx.cwd }) }) },
      { id: 'project', label: t('picker.scope.project', { path: project.dir }) },
    ],
    defaultId: project.exists ? 'project' : 'user',
  });
  return { [scope]: true };
}

/**
 * The install picker: the package's agents and, with `--from`, the catalog's; then their language, the scope,
 * the plan and a confirmation. `install` does the writing, once for the package's agents and once for the
 * catalog's, exactly as `install <names> --locale <l> --<scope>` would.
 */
export async function pickAndInstall(options: { ctx: CliContext; prompts: Prompts; raw: unknown }): Promise<void> {
  const { ctx, prompts } = options;
  const { t } = ctx.messages;
  const opts = parseOptions({ raw: options.raw, spec: OPTIONS, ctx });
  const named = namesScope(opts);
  if (named) scopeOf(opts, ctx);
  const { catalog, pkg } = await readPackage();
  const scan = opts.from === undefined ? undefined : await loadSource({ from: opts.from, pick: [], ctx });
  if (scan) printSourceProblems({ scan, ctx });
  const entries = pickerEntries({ catalog, lang: ctx.messages.lang, ...(scan ? { scan } : {}) });
  const scopes: Scope[] = named ? [scopeOf(opts, ctx).scope] : ['user', 'project'];
  const { installed } = await listInstalled({ ctx, scopes, dir: opts.dir, pkg, catalog });
  const rows = installRows({ entries, installed, messages: ctx.messages });
  const ids = new Set(
    await prompts.pickMany({ title: t('picker.install.title'), rows, answer: (picked) => picked.map((id) => parseRowId(id).name).join(', ') }),
  );
  const picked = entries.filter((e) => ids.has(rowId(e.source, e.selector)));
  const agentsOf = (source: RowSource): string[] => picked.filter((p) => p.source === source).map((p) => p.selector);
  const locale = opts.locale ?? (await chooseLocale({ ctx, prompts, picked }));
  const scope = await chooseScope({ ctx, prompts, named, raw: opts });
  const runs: PickerRun[] = [];
  for (const source of ['package', 'from'] as const) {
    const agents = agentsOf(source);
    if (agents.length === 0) continue;
    const from = source === 'from' ? { from: opts.from } : {};
    runs.push((flags) => runInstall({ agents, raw: { ...scope, ...from, locale, ...flags }, ctx }));
  }
  await confirmAndApply({ ctx, prompts, runs, dryRun: opts.dryRun, force: opts.force });
}

/** The language to install: asked among those the picked agents have, the default as `install` resolves it (§6). */
async function chooseLocale(options: { ctx: CliContext; prompts: Prompts; picked: readonly PickerEntry[] }): Promise<string> {
  const { ctx, prompts } = options;
  const locales = new Set(options.picked.flatMap((e) => e.locales));
  const sorted = [...locales].sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
  const wanted = resolveAgentLocale({ env: ctx.env, messageLang: ctx.messages.lang }).locale;
  return prompts.pickOne({
    title: ctx.messages.t('picker.locale.title'),
    options: sorted.map((id) => ({ id, label: localeLabel(ctx.messages, id) })),
    defaultId: sorted.includes(wanted) ? wanted : (sorted[0] ?? wanted),
  });
}
