import { installNameProblem, MAX_AGENT_NAME_LENGTH, previewName } from '../../core/agent/name.js';
import { AgentpackError } from '../../core/errors.js';
import { emptyManifest, type Manifest } from '../../core/manifest/manifest.js';
import type { PackageRenders } from '../../core/plan/renders.js';
import { commandLine, shellWord } from '../../core/hints.js';
import { assertUnambiguous } from '../../core/catalog/conflicts.js';
import { renderSource } from '../../core/plan/folder-renders.js';
import { renameAgent } from '../../core/plan/rename.js';
import { withInstalledSources } from '../../io/source/recorded-sources.js';
import { readManifest } from '../../io/target/manifest-store.js';
import type { Target } from '../../io/target/resolve.js';
import { printSourceProblems } from '../../ui/source-report.js';
import type { SourceProblems } from '../../ui/run-summary.js';
import { progressLine } from '../../ui/progress.js';
import type { CliContext } from '../program/context.js';
import { gitAccess, loadSource } from './load-source.js';
import { resolveGit, type ResolvedSource } from '../../io/source/resolve-source.js';
import type { ManifestGit, ManifestSource } from '../../core/manifest/manifest.js';
import { printCommitChange } from '../../ui/git-report.js';
import type { RepositoryChange } from '../../ui/outcome-report.js';
import { byAgentName } from '../../core/catalog/catalog.js';

export interface RunSources {
  pkg: PackageRenders;
  /** Locales the sources offer (beside the package's). */
  locales: string[];
  /** The agents the run works on: as named, or (with `--from`) every installed agent the folder defines; undefined = all installed. */
  agents: string[] | undefined;
  /** Without `--from`: the manifest the renders were read for and how to read them again under the lock (PlanRun.sources). */
  sources?: { manifestText: string | undefined; reload: () => Promise<PackageRenders> };
  /** With `--from`: the folder's problems, counted for the summary and not printed (ui/source-report.ts). */
  source?: SourceProblems;
  /** `update`: the repositories fetched again (without `--from`, filled in as each is fetched, so also on a reload). */
  repositories?: RepositoryChange[];
}

/**
 * `update` without `--from`: each repository fetched once for the run (the plan may be read again under the
 * lock), with its old and new commit reported as `<from>: abc1234 → def5678`.
 */
function gitFetcher(
  ctx: CliContext,
  changes: RepositoryChange[],
): (options: { source: ManifestSource & { git: ManifestGit }; commits: string[] }) => Promise<ResolvedSource> {
  const fetched = new Map<string, Promise<ResolvedSource>>();
  return ({ source, commits }) => {
    const { git } = source;
    const key = JSON.stringify([git.url, git.ref ?? null, git.folder ?? null]);
    let found = fetched.get(key);
    if (found === undefined) {
      const spec = { url: git.url, ...(git.ref !== undefined ? { ref: git.ref } : {}), ...(git.folder !== undefined ? { folder: git.folder } : {}) };
      found = resolveGit({ spec, git: gitAccess({ ctx, refresh: 'always' }) }).then((resolved) => {
        const after = resolved.git?.commit ?? git.commit;
        // Agents installed at several commits: the report names one that changes.
        const before = commits.find((c) => c !== after) ?? after;
        printCommitChange({ from: source.from, before, after, ctx });
        changes.push({ from: source.from, url: git.url, before, after });
        return resolved;
      });
      fetched.set(key, found);
    }
    return found;
  };
}

async function manifestOf(dir: string): Promise<Manifest> {
  try {
    return (await readManifest(dir)).manifest;
  } catch {
    // A broken manifest is reported by the planner with its detail.
    return emptyManifest();
  }
}

/**
 * Where `locale` and `update` read installed agents from. Without `--from`: the package, and each agent
 * installed from a folder read again from its recorded folder (a vanished folder or moved file is an error).
 * With `--from <path>`: that folder for the named agents, or for every installed agent it defines that was
 * installed from a folder; the folder is recorded for each agent written. A named agent the folder does not
 * define is SOURCE_AGENT_MISSING; a folder that defines none of the installed agents is SOURCE_NOTHING_INSTALLED.
 */
export async function sourcesForRun(options: {
  ctx: CliContext;
  target: Target;
  pkg: PackageRenders;
  agents: string[];
  from: string | undefined;
  pick: string[];
  /** The command as typed without picks, for the `--pick` hint of an ambiguous name. */
  retry: (agent: string) => string[];
  /** The locale the run writes for an agent (the target locale, or the installed one). */
  localeFor: (agent: string, installed: string | undefined) => string;
  /** `update`: every git repository the agents came from is fetched again, and its new commit reported. */
  fetchGit?: boolean;
}): Promise<RunSources> {
  const { ctx, target, pkg, agents, from, pick } = options;
  if (from === undefined) {
    const progress = progressLine({ ctx });
    const repositories: RepositoryChange[] = [];
    const fetchGit = options.fetchGit ? gitFetcher(ctx, repositories) : undefined;
    const common = { pkg, dir: target.dir, cwd: ctx.cwd, agents, target, ...(fetchGit ? { fetchGit } : {}) };
    const load = () => withInstalledSources(common);
    const read = await withInstalledSources({ ...common, onProgress: (p) => progress.update(p) }).finally(() => progress.done());
    return {
      pkg: read.pkg,
      locales: read.locales,
      agents: agents.length > 0 ? agents : undefined,
      sources: { manifestText: read.manifestText, reload: async () => (await load()).pkg },
      ...(options.fetchGit ? { repositories } : {}),
    };
  }
  const scan = await loadSource({ from, pick, ctx, refresh: options.fetchGit ? 'always' : 'stale' });
  const rendered = renderSource({
    catalog: scan.catalog,
    version: pkg.version,
    from,
    root: scan.root,
    single: scan.single,
    picks: scan.picks,
    fingerprint: scan.fingerprint,
    git: scan.git,
  });
  const manifest = await manifestOf(target.dir);
  const repositories: RepositoryChange[] = [];
  if (options.fetchGit && scan.git) {
    const url = scan.git.url;
    const before = Object.values(manifest.agents).find((e) => e.source?.git?.url === url)?.source?.git?.commit;
    printCommitChange({ from, before, after: scan.git.commit, ctx });
    repositories.push({ from, url, before: before ?? scan.git.commit, after: scan.git.commit });
  }
  // An agent installed with --as is known to the folder by its original name.
  const originalOf = (agent: string): string => manifest.agents[agent]?.originalName ?? agent;
  let run: string[];
  if (agents.length > 0) {
    for (const agent of agents) {
      if (installNameProblem(agent) !== undefined) {
        const params = {
          agent: previewName(agent),
          path: rendered.agents.get(agent)?.source?.path ?? '',
          limit: MAX_AGENT_NAME_LENGTH,
          command: commandLine({ args: ['validate'], from }),
        };
        throw new AgentpackError({ code: 'AGENT_NAME_NOT_PORTABLE', params });
      }
      if (!rendered.agents.has(originalOf(agent)))
        throw new AgentpackError({ code: 'SOURCE_AGENT_MISSING', params: { agent, from: shellWord(from), command: commandLine({ args: ['list'], from }) } });
    }
    run = [...new Set(agents)];
  } else {
    run = Object.entries(manifest.agents)
      .filter(([agent, entry]) => entry.source !== undefined && rendered.agents.has(originalOf(agent)))
      .map(([agent]) => agent)
      .sort(byAgentName);
    if (run.length === 0)
      throw new AgentpackError({
        code: 'SOURCE_NOTHING_INSTALLED',
        params: { dir: target.dir, from: shellWord(from), command: commandLine({ args: ['list'], from }) },
      });
  }
  // A run of several agents ends on a summary that counts the folder's problems; one agent's run prints them.
  const grouped = run.length > 1 ? commandLine({ args: ['validate'], from }) : undefined;
  const source = printSourceProblems({ scan, ctx, ...(grouped !== undefined ? { grouped } : {}) });
  const out = new Map(pkg.agents);
  const locales = new Set<string>();
  for (const agent of run) {
    const locale = options.localeFor(agent, manifest.agents[agent]?.locale);
    const original = originalOf(agent);
    assertUnambiguous({ scan, agent: original, locale, retry: { args: options.retry(agent), from } });
    const found = rendered.agents.get(original);
    if (!found) continue;
    const mine = original === agent ? found : renameAgent({ agent: found, name: agent });
    out.set(agent, mine);
    for (const l of mine.locales) locales.add(l);
  }
  return { pkg: { version: pkg.version, agents: out }, locales: [...locales], agents: run, ...(source ? { source } : {}), repositories };
}
