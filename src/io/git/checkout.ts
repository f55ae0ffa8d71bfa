import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { GitSpec } from '../../core/catalog/git-spec.js';
import { AgentpackError } from '../../core/errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { runGit } from './run-git.js';

/** A read-only command reuses a checkout fetched less than this long ago without asking the remote. */
const GIT_CACHE_FRESH_MS = 24 * 60 * 60 * 1000;

/** What git is about to do, said before it does it. */
export interface GitNotice {
  kind: 'clone' | 'fetch';
  url: string;
  dir: string;
}

/** A repository fetched into the cache: the checkout of `commit` (never changed once written). */
export interface GitCheckout {
  url: string;
  ref?: string;
  commit: string;
  /** The checkout of that commit. */
  dir: string;
}

type Env = Record<string, string | undefined>;

/** `$XDG_CACHE_HOME/agentpack/git` (an absolute XDG_CACHE_HOME only, as the spec says), else `<home>/.cache/agentpack/git`. */
export function gitCacheRoot(options: { env: Env; home: string }): string {
  const xdg = options.env['XDG_CACHE_HOME'];
  return join(xdg !== undefined && isAbsolute(xdg) ? xdg : join(options.home, '.cache'), 'agentpack', 'git');
}

/** One folder per URL: a stable hash of it, so that two spellings of a path never share a folder by accident. */
function repoCacheDir(options: { root: string; url: string }): string {
  return join(options.root, createHash('sha256').update(options.url).digest('hex').slice(0, 24));
}

const pointerFile = (repo: string, ref: string | undefined): string =>
  join(
    repo,
    `head-${createHash('sha256')
      .update(ref ?? 'HEAD')
      .digest('hex')
      .slice(0, 16)}.json`,
  );

async function readPointer(path: string): Promise<{ commit: string; at: number } | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    const commit = (JSON.parse(text) as { commit?: unknown }).commit;
    return typeof commit === 'string' && /^[0-9a-f]{40,64}$/.test(commit) ? { commit, at: info.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

const isDir = (path: string): Promise<boolean> =>
  stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );

function fetchFailed(url: string, reason: string): AgentpackError {
  return new AgentpackError({ code: 'GIT_FETCH_FAILED', params: { url, reason } });
}

/** The commit the remote's ref (or default branch) points at now: heads first, then a tag's commit. */
async function remoteCommit(options: { spec: GitSpec; env: Env; cwd: string }): Promise<string> {
  const { spec } = options;
  const patterns = spec.ref === undefined ? ['HEAD'] : [`refs/heads/${spec.ref}`, `refs/tags/${spec.ref}`, `refs/tags/${spec.ref}^{}`];
  const result = await runGit({ args: ['ls-remote', '--exit-code', '--', spec.url, ...patterns], env: options.env, cwd: options.cwd });
  // --exit-code: 2 when the remote answered but has no such ref.
  if (!result.ok && result.code === 2) {
    if (spec.ref === undefined) throw new AgentpackError({ code: 'GIT_NO_AGENTS', params: { url: spec.url } });
    throw new AgentpackError({ code: 'GIT_REF_NOT_FOUND', params: { url: spec.url, ref: spec.ref } });
  }
  if (!result.ok) throw fetchFailed(spec.url, result.reason);
  const lines = result.stdout
    .split('\n')
    .map((l) => l.split('\t'))
    .filter((p): p is [string, string] => p.length === 2);
  const pick = (name: string): string | undefined => lines.find(([, ref]) => ref === name)?.[0];
  const commit = spec.ref === undefined ? pick('HEAD') : (pick(`refs/heads/${spec.ref}`) ?? pick(`refs/tags/${spec.ref}^{}`) ?? pick(`refs/tags/${spec.ref}`));
  if (commit === undefined) throw new AgentpackError({ code: 'GIT_REF_NOT_FOUND', params: { url: spec.url, ref: spec.ref ?? 'HEAD' } });
  return commit;
}

/**
 * A shallow clone into a temporary folder of `repo`, renamed to `<repo>/<commit>` once complete; when another
 * run got there first, its (identical) checkout is kept and this one removed. Symbolic links are checked out
 * as plain files, so nothing in the checkout points outside it.
 */
async function cloneInto(options: { spec: GitSpec; repo: string; env: Env }): Promise<string> {
  const { spec, repo } = options;
  await mkdir(repo, { recursive: true });
  const tmp = join(repo, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    const branch = spec.ref === undefined ? [] : [`--branch=${spec.ref}`];
    const args = ['clone', '--quiet', '--depth=1', '--single-branch', '--no-tags', '-c', 'core.symlinks=false', ...branch, '--', spec.url, tmp];
    const cloned = await runGit({ args, env: options.env, cwd: repo });
    if (!cloned.ok) {
      if (spec.ref !== undefined && /not found in upstream|Remote branch .* not found/i.test(cloned.reason))
        throw new AgentpackError({ code: 'GIT_REF_NOT_FOUND', params: { url: spec.url, ref: spec.ref } });
      throw fetchFailed(spec.url, cloned.reason);
    }
    const head = await runGit({ args: ['rev-parse', 'HEAD'], env: options.env, cwd: tmp });
    const commit = head.ok ? head.stdout.trim() : '';
    // A repository without any commit has no HEAD: nothing to read.
    if (!/^[0-9a-f]{40,64}$/.test(commit)) throw new AgentpackError({ code: 'GIT_NO_AGENTS', params: { url: spec.url } });
    const dir = join(repo, commit);
    try {
      await rename(tmp, dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (!(code === 'EEXIST' || code === 'ENOTEMPTY' || code === 'EPERM') || !(await isDir(dir))) throw error;
    }
    return commit;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/**
 * The checkout of `spec` in the cache (`<root>/<hash of the URL>/<commit>`), fetched with the user's git
 * when needed. `refresh: 'always'` (install, update) asks the remote for its commit every time and clones
 * only a commit not yet in the cache; `'stale'` (read-only commands) reuses the last checkout fetched for
 * this URL and ref when it is younger than GIT_CACHE_FRESH_MS. `notify` is called before git reaches out.
 */
export async function fetchCheckout(options: {
  spec: GitSpec;
  root: string;
  env: Env;
  refresh: 'always' | 'stale';
  notify: (notice: GitNotice) => void;
}): Promise<GitCheckout> {
  const { spec, env } = options;
  const repo = repoCacheDir({ root: options.root, url: spec.url });
  const pointer = pointerFile(repo, spec.ref);
  const known = await readPointer(pointer);
  const done = (commit: string): GitCheckout => ({ url: spec.url, ...(spec.ref !== undefined ? { ref: spec.ref } : {}), commit, dir: join(repo, commit) });
  if (known && options.refresh === 'stale' && Date.now() - known.at < GIT_CACHE_FRESH_MS && (await isDir(join(repo, known.commit)))) return done(known.commit);
  const cached = known !== undefined && (await isDir(join(repo, known.commit)));
  options.notify({ kind: cached ? 'fetch' : 'clone', url: spec.url, dir: repo });
  // The URL's folder is made only by a clone: a URL that cannot be fetched leaves nothing behind.
  await mkdir(options.root, { recursive: true });
  const latest = await remoteCommit({ spec, env, cwd: options.root });
  const commit = (await isDir(join(repo, latest))) ? latest : await cloneInto({ spec, repo, env });
  await writeFileAtomic({ path: pointer, content: `${JSON.stringify({ url: spec.url, ref: spec.ref ?? null, commit })}\n`, mode: 'replace' });
  return done(commit);
}
