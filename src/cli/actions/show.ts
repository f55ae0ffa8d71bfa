import * as z from 'zod';
import { AgentpackError, isAgentpackError } from '../../core/errors.js';
import { catalogLocales, findAgent, findVariant, renderVariant, renderWarnings } from '../../core/find-agent.js';
import { resolveAgentLocale } from '../../core/resolve-locale.js';
import { commandLine, sourceArgument } from '../../core/shell-word.js';
import { assertUnambiguous } from '../../core/source-conflict.js';
import { readCatalog } from '../../io/read-catalog.js';
import { describeDiagnostic, formatDiagnostic } from '../../ui/report.js';
import { sanitizeForTerminal } from '../../ui/style.js';
import type { CliContext } from '../context.js';
import { loadSource, requireFromForPick, sourceOptionsSchema } from './source-option.js';

const optionsSchema = sourceOptionsSchema.extend({ locale: z.string().optional() });

/**
 * Print the exact bytes `install` would write; `--json` wraps them with the name, locale and path. With
 * `--from`, a name defined differently in several files is refused (AGENT_AMBIGUOUS) until `--pick` chooses.
 * Values Claude Code would drop silently are kept as written and reported as warnings on stderr.
 */
export async function runShow(options: { agent: string; raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx } = options;
  const { locale: flag, from, pick } = optionsSchema.parse(options.raw);
  requireFromForPick({ from, pick, ctx });
  const scan = from === undefined ? undefined : await loadSource({ from, pick, ctx });
  const catalog = scan?.catalog ?? (await readCatalog());
  const { locale } = resolveAgentLocale({ flag, env: ctx.env, messageLang: ctx.messages.lang });
  if (scan) {
    const retry = commandLine({ args: ['show', options.agent, ...(flag === undefined ? [] : ['--locale', flag])], from, picks: pick });
    assertUnambiguous({ scan, agent: options.agent, locale, retry });
  }
  const agent = findAgent(catalog, options.agent);
  const variant = findVariant({ agent, locale, knownLocales: catalogLocales(catalog) });
  let content: string;
  try {
    content = renderVariant(variant);
  } catch (error) {
    // The hint names `validate --from …`: the file that does not load is in the source, not the package.
    if (scan && isAgentpackError(error) && error.code === 'AGENT_INVALID') {
      throw new AgentpackError({ code: 'AGENT_INVALID', params: { ...error.params, root: sourceArgument({ from }) } });
    }
    throw error;
  }
  const warnings = renderWarnings(variant);
  if (ctx.json) {
    const extra = scan ? { path: variant.relPath, warnings: warnings.map((d) => describeDiagnostic(d, ctx.messages)) } : {};
    ctx.stdout.write(`${JSON.stringify({ ok: true, agent: agent.name, locale, content, ...extra }, null, 2)}\n`);
    return;
  }
  ctx.stdout.write(content);
  if (warnings.length > 0) ctx.stderr.write(`${[sanitizeForTerminal(variant.relPath), ...warnings.map((d) => formatDiagnostic(d, ctx))].join('\n')}\n`);
}
