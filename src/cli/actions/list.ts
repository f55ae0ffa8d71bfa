import { CANONICAL_LOCALE, sortedLocales, type Catalog } from '../../core/catalog.js';
import { commandLine } from '../../core/shell-word.js';
import { readCatalog } from '../../io/read-catalog.js';
import type { ReadSourceResult } from '../../io/read-source.js';
import { formatSourceNotes, printSourceProblems, sourceJson } from '../../ui/source-report.js';
import { sanitizeForTerminal } from '../../ui/style.js';
import { formatTable } from '../../ui/table.js';
import type { CliContext } from '../context.js';
import { loadSource, requireFromForPick, sourceOptionsSchema } from './source-option.js';

function rowsOf(catalog: Catalog, lang: string): { name: string; description: string; localDescription: string; locales: string[]; files: Record<string, string> }[] {
  return [...catalog.agents.values()].map((agent) => {
    const canonical = agent.variants.get(CANONICAL_LOCALE)?.parsed.spec?.description ?? '';
    const first = [...agent.variants.values()][0]?.parsed.spec?.description ?? '';
    const local = agent.variants.get(lang)?.parsed.spec?.description ?? (canonical || first);
    const files = Object.fromEntries(sortedLocales(agent).map((l) => [l, agent.variants.get(l)?.relPath ?? '']));
    return { name: agent.name, description: canonical || first, localDescription: local, locales: sortedLocales(agent), files };
  });
}

/**
 * Available agents with their locales: the package's, or those of `--from <path>` (a folder or a file).
 * `--json` descriptions are the canonical (English) ones; a source adds each agent's files, the identical
 * copies counted once and the conflicts left out.
 */
export async function runList(options: { raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx } = options;
  const { from, pick } = sourceOptionsSchema.parse(options.raw);
  requireFromForPick({ from, pick, ctx });
  const scan: ReadSourceResult | undefined = from === undefined ? undefined : await loadSource({ from, pick, ctx });
  const catalog = scan?.catalog ?? (await readCatalog());
  const agents = rowsOf(catalog, ctx.messages.lang);
  if (ctx.json) {
    const list = agents.map(({ name, description, locales, files }) => (scan ? { name, description, locales, files } : { name, description, locales }));
    const payload = scan ? { agents: list, ...sourceJson({ scan, ctx }) } : { agents: list };
    ctx.stdout.write(`${JSON.stringify(payload, null, 2)}\n`);
    return;
  }
  if (scan) printSourceProblems({ scan, ctx });
  const { t } = ctx.messages;
  const notes = scan ? formatSourceNotes({ scan, ctx, retry: commandLine({ args: ['list'], from, picks: pick }) }) : [];
  if (agents.length === 0) {
    ctx.stdout.write(`${[t('list.empty'), ...notes].join('\n')}\n`);
    return;
  }
  const description = (a: (typeof agents)[number]): string => sanitizeForTerminal(a.localDescription.replace(/\s+/g, ' '));
  const table = formatTable({
    header: scan ? [t('list.header.name'), t('list.header.locales'), t('list.header.file'), t('list.header.description')] : [t('list.header.name'), t('list.header.locales'), t('list.header.description')],
    rows: agents.map((a) => (scan ? [sanitizeForTerminal(a.name), a.locales.join(', '), sanitizeForTerminal(a.files[a.locales[0] ?? ''] ?? ''), description(a)] : [sanitizeForTerminal(a.name), a.locales.join(', '), description(a)])),
    ...(ctx.stdout.isTTY ? { maxWidth: ctx.stdout.columns || 80 } : {}),
  });
  ctx.stdout.write(`${[table, ...notes].join('\n')}\n`);
}
