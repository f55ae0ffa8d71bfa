import { CANONICAL_LOCALE, sortedLocales } from '../../core/catalog.js';
import { readCatalog } from '../../io/read-catalog.js';
import { sanitizeForTerminal } from '../../ui/style.js';
import { formatTable } from '../../ui/table.js';
import type { CliContext } from '../context.js';

/** Available agents with their locales. `--json` descriptions are the canonical (English) ones. */
export async function runList(options: { raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx } = options;
  const catalog = await readCatalog();
  const agents = [...catalog.agents.values()].map((agent) => {
    const canonical = agent.variants.get(CANONICAL_LOCALE)?.parsed.spec?.description ?? '';
    const local = agent.variants.get(ctx.messages.lang)?.parsed.spec?.description ?? canonical;
    return { name: agent.name, description: canonical, localDescription: local, locales: sortedLocales(agent) };
  });
  if (ctx.json) {
    const payload = { agents: agents.map(({ name, description, locales }) => ({ name, description, locales })) };
    ctx.stdout.write(`${JSON.stringify(payload, null, 2)}\n`);
    return;
  }
  if (agents.length === 0) {
    ctx.stdout.write(`${ctx.messages.t('list.empty')}\n`);
    return;
  }
  const { t } = ctx.messages;
  const table = formatTable({
    header: [t('list.header.name'), t('list.header.locales'), t('list.header.description')],
    rows: agents.map((a) => [sanitizeForTerminal(a.name), sanitizeForTerminal(a.locales.join(', ')), sanitizeForTerminal(a.localDescription.replace(/\s+/g, ' '))]),
    ...(ctx.stdout.isTTY ? { maxWidth: ctx.stdout.columns || 80 } : {}),
  });
  ctx.stdout.write(`${table}\n`);
}
