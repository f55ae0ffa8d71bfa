import { isAbsolute, join, relative } from 'node:path';
import { claudeNameProblem } from '../claude/rules.js';
import { AgentpackError } from '../errors.js';
import { contentHash } from '../hash.js';
import { PORTABLE_NAME } from './fields.js';

/**
 * Longest name agentpack installs. Claude Code itself loads up to 256 characters; the file name no longer
 * depends on it (slugs stop at MAX_SLUG_LENGTH), but entries recorded before slugs were `<name>.md`.
 */
export const MAX_AGENT_NAME_LENGTH = 128;

/** Longest slug a new file name is made of (before `.md`). */
export const MAX_SLUG_LENGTH = 100;

/** Names Windows reserves for devices whatever the extension: `con.md` opens the console. */
const WINDOWS_DEVICE_NAME = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** Why a name is not the portable form (lowercase letters, digits, single hyphens) as it is: what `validate` warns about. */
export type AgentNameProblem = 'pattern' | 'too-long' | 'reserved';

/**
 * Whether a name could be its own file name on every system: the portable pattern (`^[a-z0-9]+(-[a-z0-9]+)*$`)
 * plus the two limits that pattern leaves open. Anything that is not a string fails. Only `validate` asks:
 * the installer derives file names with agentFileCandidates, whatever the name.
 */
export function agentNameProblem(name: unknown): AgentNameProblem | undefined {
  if (typeof name !== 'string' || !PORTABLE_NAME.test(name)) return 'pattern';
  if (name.length > MAX_AGENT_NAME_LENGTH) return 'too-long';
  if (WINDOWS_DEVICE_NAME.test(name)) return 'reserved';
  return undefined;
}

/** Why agentpack does not install an agent of this name (Claude Code skips the first three), or undefined. */
export type InstallNameProblem = 'type' | 'dash' | 'colon' | 'too-long' | 'reserved';

/**
 * The one check before a name is installed and recorded: a non-empty string that Claude Code loads (no `:`,
 * no leading `-`), at most MAX_AGENT_NAME_LENGTH characters, and not `__proto__` (a manifest key that an
 * object would take for its prototype). Spaces, capitals, dots, underscores and any script are fine.
 */
export function installNameProblem(name: unknown): InstallNameProblem | undefined {
  if (typeof name !== 'string' || name === '') return 'type';
  const claude = claudeNameProblem(name);
  if (claude === 'dash' || claude === 'colon') return claude;
  if (name.length > MAX_AGENT_NAME_LENGTH) return 'too-long';
  if (name === '__proto__') return 'reserved';
  return undefined;
}

export function isInstallableName(name: unknown): name is string {
  return installNameProblem(name) === undefined;
}

/** Throw AGENT_NAME_UNSAFE unless agentpack may install an agent of this name. */
export function assertInstallableName(name: unknown): asserts name is string {
  const reason = installNameProblem(name);
  if (reason === undefined) return;
  throw new AgentpackError({ code: 'AGENT_NAME_UNSAFE', params: { name: previewName(name), reason, limit: MAX_AGENT_NAME_LENGTH } });
}

/**
 * The slug of a name: compatibility-decomposed, accents dropped, lower-cased, every run of anything but ASCII
 * letters and digits made one hyphen, hyphens trimmed from both ends (`Backend Architect` → `backend-architect`,
 * `powershell-5.1-expert` → `powershell-5-1-expert`, `レビュー担当` → ``). Pure and total.
 */
export function slugOf(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  return ascii.slice(ascii.startsWith('-') ? 1 : 0, ascii.endsWith('-') ? -1 : undefined);
}

/** Lengths of the hash suffix, tried in turn: a clash on the short one (another name, or a file that declares one) takes the next. */
const SUFFIX_LENGTHS = [8, 16, 64] as const;

/** `<slug>-<hash>`, the slug cut so that the whole stays within MAX_SLUG_LENGTH; `agent-<hash>` when the slug is empty. */
function suffixed(slug: string, hash: string): string {
  const room = MAX_SLUG_LENGTH - hash.length - 1;
  let base = slug.slice(0, room);
  if (base.endsWith('-')) base = base.slice(0, -1);
  return `${base === '' ? 'agent' : base}-${hash}`;
}

/**
 * The file names an agent may be installed as, best first: the slug itself when it is not empty, within
 * MAX_SLUG_LENGTH and not a device name, then the slug with a suffix of the name's sha256, longer each time.
 * Deterministic: derived from the name alone. The only place a file name is derived from a name; which
 * candidate a folder gives is decided in plan/agent-files.ts. AGENT_NAME_UNSAFE for a name not installable.
 */
export function agentFileCandidates(name: unknown, ext: AgentFileExtension = '.md'): string[] {
  assertInstallableName(name);
  const slug = slugOf(name);
  const hash = contentHash(name).slice('sha256:'.length);
  const out = slug !== '' && slug.length <= MAX_SLUG_LENGTH && !WINDOWS_DEVICE_NAME.test(slug) ? [`${slug}${ext}`] : [];
  for (const length of SUFFIX_LENGTHS) out.push(`${suffixed(slug, hash.slice(0, length))}${ext}`);
  return out;
}

/** The endings an agent file may have: Claude Code's `.md`, and those of the other tools `--target` writes for (core/tools/). */
const AGENT_FILE_EXTENSIONS = ['.md', '.agent.md', '.toml'] as const;
export type AgentFileExtension = (typeof AGENT_FILE_EXTENSIONS)[number];

/**
 * Whether a file name is one agentpack writes an agent to: a slug (lowercase ASCII letters, digits, single
 * hyphens) plus `.md`, not a device name, its stem at most MAX_AGENT_NAME_LENGTH characters (manifests from
 * before slugs record `<name>.md` for names up to that length). No separator, dot segment or colon can pass.
 */
export function isSafeAgentFile(file: unknown): file is string {
  if (typeof file !== 'string') return false;
  return AGENT_FILE_EXTENSIONS.some((ext) => {
    if (!file.endsWith(ext)) return false;
    const stem = file.slice(0, -ext.length);
    return PORTABLE_NAME.test(stem) && stem.length <= MAX_AGENT_NAME_LENGTH && !WINDOWS_DEVICE_NAME.test(stem);
  });
}

/**
 * Join a folder and one file name, and prove the result is a direct child of the folder. Pure (no file
 * system; `dir` must be absolute so nothing depends on the working directory). Refuses, with PATH_UNSAFE,
 * an empty name, `.`, `..`, any `/` or `\`, a drive or stream colon, NUL, or a line break. Symlinks are
 * not resolved here: the writer must not follow them.
 */
export function safeJoin(options: { dir: string; file: string }): string {
  const { dir, file } = options;
  const refuse = (): never => {
    throw new AgentpackError({ code: 'PATH_UNSAFE', params: { dir, file: JSON.stringify(file).slice(1, -1) } });
  };
  if (!isAbsolute(dir) || dir.includes('\0')) return refuse();
  if (file === '' || file === '.' || file === '..' || /[/\\:\0\r\n]/.test(file) || isAbsolute(file)) return refuse();
  const full = join(dir, file);
  const rel = relative(dir, full);
  if (rel !== file || isAbsolute(rel) || rel.startsWith('..')) return refuse();
  return full;
}

/** `<dir>/<file>` for an agent's file (PATH_UNSAFE unless isSafeAgentFile): the only place that joins one to its folder. */
export function agentFilePath(options: { dir: string; file: string }): string {
  const { dir, file } = options;
  if (!isSafeAgentFile(file)) throw new AgentpackError({ code: 'PATH_UNSAFE', params: { dir, file: JSON.stringify(String(file)).slice(1, -1) } });
  return safeJoin({ dir, file });
}

/** A name short enough for a message (a hostile one may be megabytes long). */
export function previewName(name: unknown): string {
  const text = typeof name === 'string' ? name : String(name);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
