import { agentFileCandidates, agentFilePath } from '../agent/name.js';
import type { ManifestEntry } from '../manifest/manifest.js';
import { localeOfContent, type PackageAgent } from './renders.js';

/** What is at an agent's file right now (read without following a symlink). */
export type FileState = { kind: 'missing' } | { kind: 'file'; sha256: string } | { kind: 'symlink'; target: string } | { kind: 'other' };

/**
 * State of one agent in one folder (the values `list --json` prints):
 * `ok` — a render of the current package; `outdated` — agentpack wrote it, unchanged, but the package now
 * renders something else; `modified` — edited since (or replaced by a link); `missing` — in the manifest,
 * file gone; `foreign` — a file of that name agentpack did not write.
 */
export type InstallState = 'ok' | 'modified' | 'outdated' | 'missing' | 'foreign';

export interface Installation {
  agent: string;
  /** Its file in the folder (recorded, or the one a new install takes); null for a name agentpack does not install. */
  fileName: string | null;
  state: InstallState | 'none';
  /** The recorded locale, or the locale whose render the file equals; null when unknown. */
  locale: string | null;
  /**
   * agentpack may overwrite, switch or remove the file without --force: the manifest records exactly these
   * bytes, or the bytes are the package's own render (nothing a user wrote can be lost).
   */
  owned: boolean;
  /** The file is the package's render for `locale` but the manifest does not say so (an interrupted run). */
  recovered: boolean;
  entry: ManifestEntry | undefined;
  file: FileState;
}

/**
 * Decide the state of one agent from its manifest entry, the file on disk and the package's renders.
 * Crash recovery: files are written before the manifest, so after an interrupted run a file can
 * hold a render the manifest does not record yet. Such a file is recognised by its bytes and treated as
 * agentpack's, because overwriting it cannot lose anything a user wrote.
 */
export function assessInstallation(options: {
  agent: string;
  fileName: string | null;
  entry: ManifestEntry | undefined;
  file: FileState;
  pkg: PackageAgent | undefined;
}): Installation {
  const { agent, entry, file, pkg } = options;
  const base = { agent, fileName: options.fileName, entry, file, recovered: false };
  if (file.kind === 'missing') {
    return entry ? { ...base, state: 'missing', locale: entry.locale, owned: true } : { ...base, state: 'none', locale: null, owned: true };
  }
  if (file.kind !== 'file') return { ...base, state: entry ? 'modified' : 'foreign', locale: entry?.locale ?? null, owned: false };
  const rendered = localeOfContent({ agent: pkg, sha256: file.sha256, ...(entry ? { prefer: entry.locale } : {}) });
  if (rendered !== undefined) {
    const recovered = !entry || entry.sha256 !== file.sha256 || entry.locale !== rendered;
    return { ...base, state: 'ok', locale: rendered, owned: true, recovered };
  }
  if (entry && entry.sha256 === file.sha256) return { ...base, state: 'outdated', locale: entry.locale, owned: true };
  if (entry) return { ...base, state: 'modified', locale: entry.locale, owned: false };
  return { ...base, state: 'foreign', locale: null, owned: false };
}

/** The absolute path of an installation's file (AGENT_NAME_UNSAFE for a name agentpack does not install). */
export function agentPath(options: { dir: string; inst: Pick<Installation, 'agent' | 'fileName'> }): string {
  const { dir, inst } = options;
  return agentFilePath({ dir, file: inst.fileName ?? agentFileCandidates(inst.agent)[0] ?? '' });
}
