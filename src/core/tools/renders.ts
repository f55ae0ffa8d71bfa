import { parseAgent } from '../agent/parse.js';
import { AgentpackError } from '../errors.js';
import { contentHash } from '../hash.js';
import { commandLine } from '../hints.js';
import type { PackageAgent, PackageRenders } from '../plan/renders.js';
import type { Loss, ToolTarget } from './tool.js';

/** What did not map, per agent and locale. */
export type ToolLosses = Map<string, Map<string, Loss[]>>;

/** One Claude render (agentpack's own bytes) as the tool's file, checked by the tool's rules (TOOL_RENDER_INVALID otherwise). */
export function renderForTool(options: { tool: ToolTarget; agent: string; locale: string; content: string }): { content: string; losses: Loss[] } {
  const { tool, agent, locale } = options;
  const parsed = parseAgent(options.content);
  const spec = parsed.spec;
  if (spec === undefined)
    throw new AgentpackError({
      code: 'TOOL_RENDER_INVALID',
      params: { agent, locale, tool: tool.label, detail: 'the agent does not parse', command: commandLine({ args: ['validate'] }) },
    });
  const out = tool.render({ name: spec.name, description: parsed.shownDescription ?? spec.description, spec, body: parsed.body });
  const problems = tool.validate(out.content);
  if (problems.length > 0)
    throw new AgentpackError({
      code: 'TOOL_RENDER_INVALID',
      params: { agent, locale, tool: tool.label, detail: problems.join('; '), command: commandLine({ args: ['validate'] }) },
    });
  return out;
}

/**
 * The package's renders as the tool's files: the same agents and locales, each render's bytes converted
 * (deterministically, so a locale switch and back gives the same bytes and the manifest's hashes tell an edit).
 */
export function toolRenders(options: { pkg: PackageRenders; tool: ToolTarget }): { pkg: PackageRenders; losses: ToolLosses } {
  const { pkg, tool } = options;
  const agents = new Map<string, PackageAgent>();
  const losses: ToolLosses = new Map();
  for (const [name, agent] of pkg.agents) {
    const renders: PackageAgent['renders'] = new Map();
    const byLocale = new Map<string, Loss[]>();
    for (const [locale, render] of agent.renders) {
      const out = renderForTool({ tool, agent: name, locale, content: render.content });
      renders.set(locale, { locale, content: out.content, sha256: contentHash(out.content) });
      byLocale.set(locale, out.losses);
    }
    agents.set(name, { ...agent, renders });
    losses.set(name, byLocale);
  }
  return { pkg: { ...pkg, agents }, losses };
}
