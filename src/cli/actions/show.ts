import * as z from 'zod';
import { catalogLocales, findAgent, findVariant, renderVariant } from '../../core/find-agent.js';
import { resolveAgentLocale } from '../../core/resolve-locale.js';
import { readCatalog } from '../../io/read-catalog.js';
import { sanitizeForTerminal } from '../../ui/style.js';
import type { CliContext } from '../context.js';

const optionsSchema = z.object({ locale: z.string().optional() });

/**
 * Print the exact bytes `install` would write (control characters escaped when stdout is a terminal);
 * `--json` wraps them with the name, locale and path.
 */
export async function runShow(options: { agent: string; raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx } = options;
  const { locale: flag } = optionsSchema.parse(options.raw);
  const catalog = await readCatalog();
  const agent = findAgent(catalog, options.agent);
  const { locale } = resolveAgentLocale({ flag, env: ctx.env, messageLang: ctx.messages.lang });
  const variant = findVariant({ agent, locale, knownLocales: catalogLocales(catalog) });
  const content = renderVariant(variant);
  if (ctx.json) ctx.stdout.write(`${JSON.stringify({ ok: true, agent: agent.name, locale, content }, null, 2)}\n`);
  // Piped or redirected: the exact bytes. On a terminal, control characters (ESC, BEL, …) from the file
  // are shown as \xNN so that an agent file cannot drive the terminal (see SECURITY.md).
  else ctx.stdout.write(ctx.stdout.isTTY ? sanitizeForTerminal(content) : content);
}
