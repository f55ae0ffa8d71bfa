import { assessAgent } from '../../core/plan/plan.js';
import { agentPath } from '../../core/plan/installation.js';
import { commandLine } from '../../core/hints.js';
import type { OtherToolId } from '../../core/target.js';
import { toolTarget } from '../../core/tools/registry.js';
import { toolRenders } from '../../core/tools/renders.js';
import { TOOL_FOLDERS } from '../../core/tools/folders.js';
import { join } from 'node:path';
import { findLeftoverTemps } from '../../io/fs/atomic-write.js';
import { findBackups } from '../../io/fs/backup.js';
import { inspectLock } from '../../io/fs/lock.js';
import { readPackage } from '../../io/package/read-package.js';
import type { Scope } from '../../io/target/resolve.js';
import { planInputOf, readTargetState } from '../../io/target/state.js';
import { printToolStatus, type ToolStatusScope } from '../../ui/tool-status-report.js';
import type { CliContext } from '../program/context.js';
import { readScopes } from '../flows/scopes.js';
import { byAgentName } from '../../core/catalog/catalog.js';

/**
 * `status --target <tool>`: in each scope's folder of that tool, every agent agentpack recorded there — as
 * installed, edited since, gone, or written but not yet recorded (an interrupted run) — with what its file could
 * not carry, and what an interrupted run left (temporary files, a stale lock); for Copilot, that its CLI also reads
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
      // Every agent the package or the manifest knows: a render the manifest does not record yet (a run killed
      // between its files and its manifest) is reported too.
      const state = await readTargetState({ dir, agents: [...converted.pkg.agents.keys()], scan: false, ext: TOOL_FOLDERS[id].ext });
      const input = planInputOf({ state, pkg: converted.pkg });
      const target = { scope, dir, tool: id };
      const names = [...new Set([...Object.keys(state.manifest.agents), ...converted.pkg.agents.keys()])].sort(byAgentName);
      const agents = names
        .map((agent) => ({ agent, inst: assessAgent(input, agent) }))
        .filter(({ agent, inst }) => Object.hasOwn(state.manifest.agents, agent) || inst.recovered)
        .map(({ agent, inst }) => {
          const locale = inst.locale;
          return {
            agent,
            state: inst.state,
            recovered: inst.recovered,
            locale,
            path: agentPath({ dir, inst }),
            losses: locale === null ? [] : (converted.losses.get(agent)?.get(locale) ?? []),
            command: commandLine({ args: inst.state === 'missing' || inst.recovered ? ['install', agent] : ['install', agent, '--force'], target }),
          };
        });
      const lock = await inspectLock(dir);
      const leftovers = { temps: (await findLeftoverTemps(dir)).map((name) => join(dir, name)), ...(lock?.stale ? { staleLock: lock.path } : {}) };
      return { scope, dir, exists: state.dirExists, agents, leftovers, backups: await findBackups(dir) } satisfies ToolStatusScope;
    },
  });
  const scopes = reads.flatMap((read) => ('skipped' in read ? [] : [read.value]));
  ctx.exitCode = printToolStatus({ ctx, tool: id, scopes });
}
