import { assessAgent } from '../../core/plan/plan.js';
import { agentPath } from '../../core/plan/installation.js';
import { commandLine } from '../../core/hints.js';
import type { OtherToolId } from '../../core/target.js';
import { toolTarget } from '../../core/tools/registry.js';
import { toolRenders } from '../../core/tools/renders.js';
import { TOOL_FOLDERS } from '../../core/tools/folders.js';
import { readPackage } from '../../io/package/read-package.js';
import type { Scope } from '../../io/target/resolve.js';
import { planInputOf, readTargetState } from '../../io/target/state.js';
import { printToolStatus, type ToolStatusScope } from '../../ui/tool-status-report.js';
import type { CliContext } from '../program/context.js';
import { readScopes } from '../flows/scopes.js';

/**
 * `status --target <tool>`: in each scope's folder of that tool, every agent agentpack recorded there — as
 * installed, edited since, or gone — with what its file could not carry; for Copilot, that its CLI also reads
 * `.claude/agents`. A manifest that does not parse is MANIFEST_INVALID, as for Claude Code's folders.
 */
export async function runToolStatus(options: { ctx: CliContext; tool: OtherToolId; scopes: readonly Scope[]; dir: string | undefined }): Promise<void> {
  const { ctx, tool: id } = options;
  const tool = toolTarget(id);
  const { pkg } = await readPackage();
  const reads = await readScopes({
    ctx,
    scopes: options.scopes,
    dir: options.dir,
    pkg,
    tool: id,
    read: async ({ scope, dir, sources }) => {
      const converted = toolRenders({ pkg: sources.pkg, tool });
      const state = await readTargetState({ dir, agents: [], scan: false, ext: TOOL_FOLDERS[id].ext });
      const input = planInputOf({ state, pkg: converted.pkg });
      const target = { scope, dir, tool: id };
      const agents = Object.keys(state.manifest.agents)
        .sort()
        .map((agent) => {
          const inst = assessAgent(input, agent);
          const locale = inst.locale;
          return {
            agent,
            state: inst.state,
            locale,
            path: agentPath({ dir, inst }),
            losses: locale === null ? [] : (converted.losses.get(agent)?.get(locale) ?? []),
            command: commandLine({ args: inst.state === 'missing' ? ['install', agent] : ['install', agent, '--force'], target }),
          };
        });
      return { scope, dir, exists: state.dirExists, agents } satisfies ToolStatusScope;
    },
  });
  const scopes = reads.flatMap((read) => ('skipped' in read ? [] : [read.value]));
  ctx.exitCode = printToolStatus({ ctx, tool: id, scopes });
}
