import type { Catalog } from '../../core/catalog/catalog.js';
import type { PackageRenders } from '../../core/plan/renders.js';
import type { AgentSummary } from '../../core/plan/folder-renders.js';
import { readInstalled, type InstalledInfo } from '../../io/target/installed.js';
import type { SourceProblem } from '../../io/source/recorded-sources.js';
import type { Scope } from '../../io/target/resolve.js';
import type { CliContext } from '../program/context.js';
import { readScopes } from './scopes.js';

/** One installed agent in one scope, as `list` shows it: `source` only for agents installed from a folder. */
interface ListedInstall extends InstalledInfo {
  /** `root`: the folder it was read from (for a repository, that commit's checkout). */
  source?: { from: string; path: string; root: string; url?: string; commit?: string };
  /** The recorded folder is gone or the file moved (SOURCE_NOT_FOUND / SOURCE_FILE_MOVED); nothing is guessed. */
  sourceProblem?: SourceProblem['code'];
}

export interface ListedScopes {
  installed: Map<Scope, Map<string, ListedInstall | null>>;
  /** Agents installed from a folder in some scope, with their descriptions in that folder (when it could be read). */
  fromFolders: Map<string, { locales: string[]; summary: AgentSummary | undefined }>;
  problems: (SourceProblem & { scope: Scope; dir: string })[];
}

/**
 * Installed info of every agent per scope — the package's agents, and those installed with `--from`, read
 * again from their recorded folder unless its fingerprint shows it unchanged since the manifest recorded them
 * (a vanished folder or moved file is listed in `problems`, never guessed).
 * Project is skipped (all null) when the working folder is the home folder.
 */
export async function listInstalled(options: {
  ctx: CliContext;
  scopes: readonly Scope[];
  dir: string | undefined;
  pkg: PackageRenders;
  catalog: Catalog;
}): Promise<ListedScopes> {
  const { ctx, scopes: wanted, dir, pkg, catalog } = options;
  const installed = new Map<Scope, Map<string, ListedInstall | null>>();
  const fromFolders: ListedScopes['fromFolders'] = new Map();
  const problems: ListedScopes['problems'] = [];
  const scopes = await readScopes({
    ctx,
    scopes: wanted,
    dir,
    pkg,
    read: ({ dir: folder, sources }) => readInstalled({ dir: folder, pkg: sources.pkg, catalog }),
  });
  for (const read of scopes) {
    if ('skipped' in read) {
      installed.set(read.scope, new Map());
      continue;
    }
    const { scope, sources, value: infos } = read;
    const problemOf = new Map(sources.problems.map((p) => [p.agent, p]));
    problems.push(...sources.problems.map((p) => ({ ...p, scope, dir: read.dir })));
    const out = new Map<string, ListedInstall | null>();
    for (const [agent, info] of infos) {
      const recorded = sources.pkg.agents.get(agent)?.source;
      const fromFolder = recorded !== undefined && info !== null && info.state !== 'foreign';
      if (!catalog.agents.has(agent) && !fromFolder) continue;
      if (info === null) {
        out.set(agent, null);
        continue;
      }
      const listed: ListedInstall = fromFolder
        ? {
            ...info,
            source: {
              from: recorded.from,
              path: recorded.path,
              root: recorded.root,
              ...(recorded.git ? { url: recorded.git.url, commit: recorded.git.commit } : {}),
            },
          }
        : { ...info };
      const problem = problemOf.get(agent);
      if (problem) listed.sourceProblem = problem.code;
      out.set(agent, listed);
      if (fromFolder && !fromFolders.has(agent))
        fromFolders.set(agent, { locales: sources.pkg.agents.get(agent)?.locales ?? [], summary: sources.summaries.get(agent) });
    }
    installed.set(scope, out);
  }
  return { installed, fromFolders, problems };
}
