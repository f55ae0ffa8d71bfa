import * as z from 'zod';
import { CANONICAL_LOCALE, sortedLocales, type Catalog } from '../../core/catalog.js';
import { AgentpackError } from '../../core/errors.js';
import { commandLine } from '../../core/shell-word.js';
import { readInstalled, type InstalledInfo } from '../../io/installed-report.js';
import { readPackage } from '../../io/read-package.js';
import type { ReadSourceResult } from '../../io/read-source.js';
import { resolveTarget, type Scope } from '../../io/targets.js';
import type { Messages } from '../../ui/messages.js';
import { formatSourceNotes, printSourceProblems, sourceJson } from '../../ui/source-report.js';
import { sanitizeForTerminal } from '../../ui/style.js';
import { formatTable } from '../../ui/table.js';
import type { CliContext } from '../context.js';
import { loadSource, requireFromForPick, sourceOptionsSchema } from './source-option.js';

const optionsSchema = sourceOptionsSchema.extend({ dir: z.string().min(1).optional() });

/** Installed info of every agent per scope; project is skipped (all null) when the working folder is the home folder. */
async function installedByScope(options: { ctx: CliContext; dir: string | undefined; pkg: Parameters<typeof readInstalled>[0]['pkg']; catalog: Catalog }): Promise<Map<Scope, Map<string, InstalledInfo | null>>> {
  const { ctx, dir, pkg, catalog } = options;
  const scopes: Scope[] = dir !== undefined ? ['user', 'project', 'dir'] : ['user', 'project'];
  const out = new Map<Scope, Map<string, InstalledInfo | null>>();
  for (const scope of scopes) {
    let target;
    try {
      target = resolveTarget({ scope, dir, env: ctx.env, cwd: ctx.cwd });
    } catch (error) {
      if (error instanceof AgentpackError && error.code === 'PROJECT_IS_HOME') {
        out.set(scope, new Map());
        continue;
      }
      throw error;
    }
    out.set(scope, await readInstalled({ dir: target.dir, pkg, catalog }));
  }
  return out;
}

function cell(info: InstalledInfo | null | undefined, messages: Messages): string {
  if (!info) return '-';
  const state = messages.t(`state.${info.state}`);
  const notes = [
    ...(info.origin?.updateDue && info.state !== 'outdated' ? [messages.t('state.outdated')] : []),
    ...(info.origin?.translationWasCurrent === false ? [messages.t('list.note.translationWasNotCurrent')] : []),
  ];
  const text = [state, ...notes].join(messages.t('list.note.separator'));
  return info.locale !== null ? `${info.locale} ${text}` : text;
}

function rowsOf(catalog: Catalog, lang: string): { name: string; description: string; localDescription: string; locales: string[]; files: Record<string, string> }[] {
  return [...catalog.agents.values()].map((agent) => {
    const canonical = agent.variants.get(CANONICAL_LOCALE)?.parsed.spec?.description ?? '';
    const first = [...agent.variants.values()][0]?.parsed.spec?.description ?? '';
    const local = agent.variants.get(lang)?.parsed.spec?.description ?? (canonical || first);
    const files = Object.fromEntries(sortedLocales(agent).map((l) => [l, agent.variants.get(l)?.relPath ?? '']));
    return { name: agent.name, description: canonical || first, localDescription: local, locales: sortedLocales(agent), files };
  });
}

/** `list --from <path>`: the agents of a folder or file, the identical copies counted once and the conflicts left out. */
async function listSource(options: { ctx: CliContext; from: string; pick: string[] }): Promise<void> {
  const { ctx, from, pick } = options;
  const scan: ReadSourceResult = await loadSource({ from, pick, ctx });
  const agents = rowsOf(scan.catalog, ctx.messages.lang);
  if (ctx.json) {
    const payload = { agents: agents.map(({ name, description, locales, files }) => ({ name, description, locales, files })), ...sourceJson({ scan, ctx }) };
    ctx.stdout.write(`${JSON.stringify(payload, null, 2)}\n`);
    return;
  }
  printSourceProblems({ scan, ctx });
  const { t } = ctx.messages;
  const notes = formatSourceNotes({ scan, ctx, retry: commandLine({ args: ['list'], from, picks: pick }) });
  if (agents.length === 0) {
    ctx.stdout.write(`${[t('list.empty'), ...notes].join('\n')}\n`);
    return;
  }
  const description = (a: (typeof agents)[number]): string => sanitizeForTerminal(a.localDescription.replace(/\s+/g, ' '));
  const table = formatTable({
    header: [t('list.header.name'), t('list.header.locales'), t('list.header.file'), t('list.header.description')],
    rows: agents.map((a) => [sanitizeForTerminal(a.name), a.locales.join(', '), sanitizeForTerminal(a.files[a.locales[0] ?? ''] ?? ''), description(a)]),
    ...(ctx.stdout.isTTY ? { maxWidth: ctx.stdout.columns || 80 } : {}),
  });
  ctx.stdout.write(`${[table, ...notes].join('\n')}\n`);
}

/**
 * Available agents with their locales and where each is installed (user, project, and `--dir` when given);
 * or, with `--from <path>`, the agents of that folder or file. `--json` descriptions are the canonical ones.
 */
export async function runList(options: { raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx } = options;
  const { dir, from, pick } = optionsSchema.parse(options.raw);
  requireFromForPick({ from, pick, ctx });
  if (from !== undefined) {
    await listSource({ ctx, from, pick });
    return;
  }
  const { catalog, pkg } = await readPackage();
  const installed = await installedByScope({ ctx, dir, pkg, catalog });
  const agents = rowsOf(catalog, ctx.messages.lang).map((row) => {
    const where: Record<string, InstalledInfo | null> = {};
    for (const [scope, infos] of installed) where[scope] = infos.get(row.name) ?? null;
    return { ...row, installed: where };
  });
  if (ctx.json) {
    const payload = { agents: agents.map(({ name, description, locales, installed: where }) => ({ name, description, locales, installed: where })) };
    ctx.stdout.write(`${JSON.stringify(payload, null, 2)}\n`);
    return;
  }
  const { t } = ctx.messages;
  if (agents.length === 0) {
    ctx.stdout.write(`${t('list.empty')}\n`);
    return;
  }
  const scopes = [...installed.keys()];
  const table = formatTable({
    header: [t('list.header.name'), t('list.header.locales'), ...scopes.map((s) => t(`list.header.${s}`)), t('list.header.description')],
    rows: agents.map((a) => [
      sanitizeForTerminal(a.name),
      sanitizeForTerminal(a.locales.join(', ')),
      ...scopes.map((s) => cell(a.installed[s], ctx.messages)),
      sanitizeForTerminal(a.localDescription.replace(/\s+/g, ' ')),
    ]),
    ...(ctx.stdout.isTTY ? { maxWidth: ctx.stdout.columns || 80 } : {}),
  });
  ctx.stdout.write(`${table}\n`);
}
