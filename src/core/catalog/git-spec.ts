import { posix } from 'node:path';
/**
 * A `--from` that names a git repository rather than a folder, and what git is given for it:
 * `https://…`, `ssh://…`, `file://…`, scp-like `user@host:path`, `github:<owner>/<repo>` and
 * `gitlab:<group>/<repo>`, each optionally followed by `#<ref>` (a branch or tag), `#<ref>:<folder>` or
 * `#:<folder>` (a folder inside the repository: the catalog), as Docker's build contexts write it.
 */
export interface GitSpec {
  /** The URL git is given (`github:` and `gitlab:` expanded to HTTPS). */
  url: string;
  /** The branch or tag; undefined = the remote's default branch. */
  ref?: string;
  /** The catalog's folder inside the repository (POSIX, relative, no `..`). */
  folder?: string;
}

export type GitSpecReading =
  | { kind: 'git'; spec: GitSpec }
  | { kind: 'folder' }
  | { kind: 'invalid'; reason: 'scheme' | 'form' | 'password' | 'ref' | 'folder' };

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const SCHEMES = new Set(['https', 'ssh', 'file']);
const SCP = /^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:(?!\/\/)[^\s]+$/;
const HOSTED = /^(github|gitlab):(.*)$/;
const GITHUB_PATH = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)$/;
const GITLAB_PATH = /^([A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)+)$/;
/** A branch or tag name git accepts and no option: no leading `-`, no `..`, `@{`, `//`, spaces or `.lock` end. */
const REF = /^(?!-)(?!.*\.\.)(?!.*@\{)(?!.*\/\/)(?!.*\.lock$)(?!.*\/$)[A-Za-z0-9._/+-]+$/;

function readFragment(fragment: string | undefined): Pick<GitSpec, 'ref' | 'folder'> | 'ref' | 'folder' {
  if (fragment === undefined || fragment === '') return {};
  const colon = fragment.indexOf(':');
  const ref = colon === -1 ? fragment : fragment.slice(0, colon);
  const folder = colon === -1 ? '' : fragment.slice(colon + 1).replace(/\/+$/, '');
  if (ref !== '' && !REF.test(ref)) return 'ref';
  const parts = folder.split('/');
  if (folder !== '' && (folder.startsWith('/') || parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\')))) return 'folder';
  return { ...(ref !== '' ? { ref } : {}), ...(folder !== '' ? { folder } : {}) };
}

function hostedUrl(host: string, path: string): string | undefined {
  const bare = path.replace(/\.git$/, '');
  if (host === 'github') return GITHUB_PATH.test(bare) ? `https://github.com/${bare}.git` : undefined;
  return GITLAB_PATH.test(bare) ? `https://gitlab.com/${bare}.git` : undefined;
}

function urlOf(text: string): string | 'scheme' | 'form' | 'password' {
  const hosted = HOSTED.exec(text);
  if (hosted) return hostedUrl(hosted[1] ?? '', hosted[2] ?? '') ?? 'form';
  if (SCP.test(text)) return text;
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) return 'form';
  if (!SCHEMES.has(scheme)) return 'scheme';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'form';
  }
  if (url.password !== '') return 'password';
  if (scheme === 'file' ? url.pathname.length <= 1 || url.host !== '' : url.host === '' || url.pathname.length <= 1) return 'form';
  return text;
}

/**
 * How agentpack reads a `--from`: a git repository (its URL, ref and folder), a folder (anything that
 * does not look like a URL or a `github:`/`gitlab:` spec), or a URL it cannot use (a usage error):
 * another scheme (`http://`, `git://`, …), a password in the URL (it would be written into the manifest),
 * a spec without owner and repository, or a bad ref or folder.
 */
export function readGitSpec(text: string): GitSpecReading {
  const looksGit = HOSTED.test(text) || SCHEME.test(text) || SCP.test(text);
  if (!looksGit) return { kind: 'folder' };
  const hash = text.indexOf('#');
  const base = hash === -1 ? text : text.slice(0, hash);
  const fragment = readFragment(hash === -1 ? undefined : text.slice(hash + 1));
  const url = urlOf(base);
  if (url === 'scheme' || url === 'form' || url === 'password') return { kind: 'invalid', reason: url };
  if (fragment === 'ref' || fragment === 'folder') return { kind: 'invalid', reason: fragment };
  return { kind: 'git', spec: { url, ...fragment } };
}

/**
 * Whether a word given where agent names go (`agentpack add <word>`) is unmistakably a repository: a URL
 * with `://`, `user@host:path`, or `github:`/`gitlab:` with a `/` (a `<plugin>:<name>` selector has none).
 * An agent name never is one.
 */
export function isGitSourceWord(word: string): boolean {
  if (SCHEME.test(word)) return true;
  const reading = readGitSpec(word);
  return reading.kind === 'git' && word.includes('/');
}

/** The first seven hex digits of a commit, as git prints it. */
export function shortCommit(commit: string): string {
  return commit.slice(0, 7);
}

/**
 * The `--from` that names the folder a source file is in: `./team/x.md` → `./team`, and for a repository
 * `<url>#<ref>:<dir>/x.md` → `<url>#<ref>:<dir>` (`<url>` alone for a file at its root and no ref). Pure.
 */
export function fromOfFolder(from: string): string {
  const hash = from.indexOf('#');
  if (readGitSpec(from).kind !== 'git' || hash < 0) return posix.dirname(from);
  const fragment = from.slice(hash + 1);
  const colon = fragment.indexOf(':');
  const ref = colon < 0 ? fragment : fragment.slice(0, colon);
  const path = colon < 0 ? '' : fragment.slice(colon + 1);
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  const rest = `${ref}${folder === '' ? '' : `:${folder}`}`;
  return rest === '' ? from.slice(0, hash) : `${from.slice(0, hash)}#${rest}`;
}
