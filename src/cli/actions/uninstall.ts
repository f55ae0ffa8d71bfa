import { resolve } from 'node:path';
import { isInstallableName } from '../../core/agent/name.js';
import { AgentpackError } from '../../core/errors.js';
import type { GitSpec } from '../../core/catalog/git-spec.js';
import { sourceLocation, type Manifest, type ManifestSource } from '../../core/manifest/manifest.js';
import { planUninstall } from '../../core/plan/plan.js';
import { readPackage } from '../../io/package/read-package.js';
import { gitSpecOf } from '../../io/source/resolve-source.js';
import type { CliContext } from '../program/context.js';
import { parseOptions } from '../program/options.js';
import { SCOPE_OPTIONS, TOOL_OPTIONS, targetOf } from '../program/scope.js';
import { checkRemovableName } from '../flows/agent-names.js';
import { runLifecycle } from '../flows/lifecycle.js';
import { byAgentName } from '../../core/catalog/catalog.js';

const OPTIONS = { ...SCOPE_OPTIONS, ...TOOL_OPTIONS, all: 'flag', from: 'value', force: 'switch', dryRun: 'switch' } as const;

/**
 * The agents the manifest records as installed from `folder`: `--from` named it, or named one file in it (or
 * this file); or from the repository `git` (its URL, and the ref and folder when `--from` names them) at
 * any commit — nothing is fetched to remove.
 */
function recordedFrom(options: { manifest: Manifest; folder: string; git: GitSpec | undefined }): string[] {
  const { manifest, folder, git } = options;
  const fromRepo = (source: ManifestSource): boolean =>
    git !== undefined &&
    source.git?.url === git.url &&
    (git.ref === undefined || source.git.ref === git.ref) &&
    (git.folder === undefined || source.git.folder === git.folder);
  return Object.entries(manifest.agents)
    .filter(
      ([, entry]) =>
        entry.source !== undefined && (git !== undefined ? fromRepo(entry.source) : sourceLocation(entry.source) === folder || entry.source.root === folder),
    )
    .map(([agent]) => agent)
    .sort(byAgentName);
}

/**
 * `uninstall <agent…>` / `--all` / `--from <folder>`: remove files agentpack wrote and that are unchanged; drop
 * the manifest once empty. `--all` is every agent the folder's manifest records, `--from` every one it records
 * as installed from that folder (or file); both are chosen from the manifest as it is under the lock. An agent
 * that is not installed is "nothing to remove", whether the package or a folder provided it.
 */
export async function runUninstall(options: { agents: string[]; raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx, agents } = options;
  const opts = parseOptions({ raw: options.raw, spec: OPTIONS, ctx });
  const { all, from } = opts;
  const usage = (detail: string): AgentpackError => new AgentpackError({ code: 'USAGE', params: { detail }, exitCode: 2 });
  if (all && from !== undefined) throw usage(ctx.messages.t('usage.conflictingOption', { option: '--all', other: '--from' }));
  if ((all || from !== undefined) && agents.length > 0) throw usage(ctx.messages.t('usage.uninstallNamesAndAll'));
  if (!all && from === undefined && agents.length === 0) throw usage(ctx.messages.t('usage.uninstallWhat'));
  const target = targetOf(opts, ctx);
  const { catalog, pkg } = await readPackage();
  const folder = from === undefined ? undefined : resolve(ctx.cwd, from);
  const git = from === undefined ? undefined : gitSpecOf(from);
  const choose = (manifest: Manifest): string[] => {
    if (all) return Object.keys(manifest.agents).sort(byAgentName);
    if (folder !== undefined) return recordedFrom({ manifest, folder, git });
    return agents.map((name) => checkRemovableName({ name, catalog, manifest, target }));
  };
  const selection = all ? ['--all'] : from !== undefined ? ['--from', from] : agents;
  await runLifecycle({
    ctx,
    target,
    pkg,
    // The files read besides the manifest's: every named agent's, from the package or not.
    agents: agents.filter((name) => isInstallableName(name)),
    dryRun: opts.dryRun,
    force: opts.force,
    plan: (input) => planUninstall({ input, agents: choose(input.manifest) }),
    report: { command: 'uninstall', commandWords: ['uninstall'], forceArgs: ['uninstall', ...selection, '--force'], ...(from !== undefined ? { from } : {}) },
  });
}
