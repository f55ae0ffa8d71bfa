import { catalogLocales, findAgent, findVariant, renderVariant } from '../../core/find-agent.js';
import { resolveAgentLocale } from '../../core/resolve-locale.js';
import * as z from 'zod';
import { assessInstallation } from '../../core/installed-state.js';
import { readPackage } from '../../io/read-package.js';
import { readTargetState } from '../../io/target-state.js';
import { sanitizeForTerminal } from '../../ui/style.js';
import type { CliContext } from '../context.js';
import { scopeOf, scopeOptionsSchema, targetOf } from '../scope.js';

const optionsSchema = scopeOptionsSchema.extend({ locale: z.string().optional() });

/**
 * The locale agentpack has installed this agent in (in the chosen scope), if any. Only a hint for the
 * default: a folder that cannot be read here (e.g. a broken manifest) is reported by status, not by show.
 */
async function installedLocale(options: { agent: string; raw: z.infer<typeof optionsSchema>; ctx: CliContext; pkg: Awaited<ReturnType<typeof readPackage>>['pkg'] }): Promise<string | undefined> {
  try {
    const { agent, pkg } = options;
    const target = targetOf(options.raw, options.ctx);
    const state = await readTargetState({ dir: target.dir, agents: [agent], scan: false });
    const inst = assessInstallation({ agent, entry: state.manifest.agents[agent], file: state.files.get(agent) ?? { kind: 'missing' }, pkg: pkg.agents.get(agent) });
    return inst.state === 'none' || inst.state === 'foreign' ? undefined : (inst.locale ?? undefined);
  } catch {
    return undefined;
  }
}

/**
 * Print the exact bytes `install` would write (control characters escaped when stdout is a terminal);
 * `--json` wraps them with the name, locale and path.
 */
export async function runShow(options: { agent: string; raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx } = options;
  const opts = optionsSchema.parse(options.raw);
  const { catalog, pkg } = await readPackage();
  const agent = findAgent(catalog, options.agent);
  scopeOf(opts, ctx);
  const installed = opts.locale === undefined ? await installedLocale({ agent: agent.name, raw: opts, ctx, pkg }) : undefined;
  const { locale } = resolveAgentLocale({ flag: opts.locale, env: ctx.env, installed, messageLang: ctx.messages.lang });
  const variant = findVariant({ agent, locale, knownLocales: catalogLocales(catalog) });
  const content = renderVariant(variant);
  if (ctx.json) ctx.stdout.write(`${JSON.stringify({ ok: true, agent: agent.name, locale, content }, null, 2)}\n`);
  // Piped or redirected: the exact bytes. On a terminal, control characters (ESC, BEL, …) from the file
  // are shown as \xNN so that an agent file cannot drive the terminal (see SECURITY.md).
  else ctx.stdout.write(ctx.stdout.isTTY ? sanitizeForTerminal(content) : content);
}
