import { join, resolve } from 'node:path';
import { readGitSpec, type GitSpec } from '../../core/catalog/git-spec.js';
import { AgentpackError } from '../../core/errors.js';
import type { ManifestGit } from '../../core/manifest/manifest.js';
import { resolveHome } from '../target/resolve.js';
import type { GitNotice } from '../git/checkout.js';

/** How a run treats a cached repository: install and update ask the remote, read-only commands reuse a fresh cache. */
export type GitRefresh = 'always' | 'stale';

/** `--from` as a folder on disk: the folder (or file) itself, or the checkout of a git repository with its origin. */
export interface ResolvedSource {
  /** The folder or file to read, absolute. */
  path: string;
  /** For a repository: its URL, ref, folder and the commit checked out. */
  git?: ManifestGit;
}

/** What a run needs to fetch a repository: the environment (home, XDG_CACHE_HOME, PATH), and whom to tell before git runs. */
export interface GitAccess {
  env: Record<string, string | undefined>;
  refresh: GitRefresh;
  notify: (notice: GitNotice) => void;
}

/** `--from` read as a repository, or undefined for a folder; a URL agentpack cannot use is a usage error (exit 2). */
export function gitSpecOf(from: string): GitSpec | undefined {
  const reading = readGitSpec(from);
  if (reading.kind === 'folder') return undefined;
  if (reading.kind === 'invalid') throw new AgentpackError({ code: 'GIT_SOURCE_INVALID', params: { from, reason: reading.reason }, exitCode: 2 });
  return reading.spec;
}

/**
 * The one step from `--from` to a folder: a path is resolved against `cwd`; a repository is fetched into
 * the cache with the user's git (loaded only then: io/git is its own file in dist/) and its checkout, or
 * the folder named after `#…:`, is what the rest of agentpack reads, exactly as a `--from` folder.
 */
export async function resolveSource(options: { from: string; cwd: string; git: GitAccess }): Promise<ResolvedSource> {
  const spec = gitSpecOf(options.from);
  if (spec === undefined) return { path: resolve(options.cwd, options.from) };
  return resolveGit({ spec, git: options.git });
}

/** A repository's checkout in the cache, fetched as `git.refresh` says. */
export async function resolveGit(options: { spec: GitSpec; git: GitAccess }): Promise<ResolvedSource> {
  const { spec, git } = options;
  const { fetchCheckout, gitCacheRoot } = await import('../git/checkout.js');
  const root = gitCacheRoot({ env: git.env, home: resolveHome(git.env) });
  const checkout = await fetchCheckout({ spec, root, env: git.env, refresh: git.refresh, notify: git.notify });
  const origin: ManifestGit = { url: spec.url, commit: checkout.commit };
  if (spec.ref !== undefined) origin.ref = spec.ref;
  if (spec.folder !== undefined) origin.folder = spec.folder;
  return { path: spec.folder === undefined ? checkout.dir : join(checkout.dir, ...spec.folder.split('/')), git: origin };
}
