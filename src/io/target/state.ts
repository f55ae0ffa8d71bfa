import { lstat, readdir, stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { agentFilePath, type AgentFileExtension } from '../../core/agent/name.js';
import { AgentpackError } from '../../core/errors.js';
import type { FileState } from '../../core/plan/installation.js';
import { emptyManifest, type Manifest } from '../../core/manifest/manifest.js';
import { assignAgentFiles, filesToInspect } from '../../core/plan/agent-files.js';
import type { ParsedAgent } from '../../core/agent/parse.js';
import type { TreeFile } from '../../core/status/snapshot.js';
import { errnoOf } from '../fs/errors.js';
import { readFileState, readFileStateFast } from '../fs/file-state.js';
import type { PackageRenders } from '../../core/plan/renders.js';
import type { PlanInput } from '../../core/plan/types.js';
import { readManifest } from './manifest-store.js';
import { loadAgent } from '../read-agent.js';
import { readBoundedSync } from '../fs/read-bounded.js';
import { findMarkdownFiles } from '../fs/walk.js';

export type { TreeFile } from '../../core/status/snapshot.js';

export interface TargetState {
  dir: string;
  dirExists: boolean;
  manifest: Manifest;
  manifestExists: boolean;
  manifestText?: string;
  files: Map<string, FileState>;
  /** Agent → its file in the folder (recorded, or chosen by plan/agent-files.ts); none for a name agentpack does not install. */
  fileNames: Map<string, string>;
  declared: Map<string, string[]>;
  tree: TreeFile[];
  /** The ending of a new agent file here (another tool's folder, `--target`); `.md` when absent. */
  ext?: AgentFileExtension;
}

async function folderExists(dir: string): Promise<boolean> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new AgentpackError({ code: 'TARGET_NOT_FOLDER', params: { path: dir } });
    return true;
  } catch (error) {
    if (errnoOf(error) === 'ENOENT' || errnoOf(error) === 'ENOTDIR') return false;
    throw error;
  }
}

function withoutBytes(state: FileState & { bytes?: Buffer }): FileState {
  if (state.kind === 'file') return { kind: 'file', sha256: state.sha256 };
  return state.kind === 'symlink' ? { kind: 'symlink', target: state.target } : { kind: state.kind };
}

function declaredName(parsed: ParsedAgent): string | null {
  const name = parsed.spec?.name ?? parsed.data?.['name'];
  return typeof name === 'string' && name !== '' ? name : null;
}

/**
 * The file of every agent given or recorded. Only for agents the manifest does not record does the folder
 * matter: its entries are listed once, and a candidate file that is there is read for the name it declares.
 */
async function fileNamesOf(options: {
  dir: string;
  agents: ReadonlySet<string>;
  manifest: Manifest;
  ext?: AgentFileExtension | undefined;
}): Promise<Map<string, string>> {
  const { dir, agents, manifest } = options;
  const ext = options.ext ? { ext: options.ext } : {};
  const unrecorded = [...agents].filter((agent) => !Object.hasOwn(manifest.agents, agent));
  const occupants = new Map<string, string | null>();
  if (unrecorded.length > 0) {
    const present = new Set(await readdir(dir).catch(() => []));
    for (const file of filesToInspect({ agents: unrecorded, manifest, present, ...ext })) {
      const path = agentFilePath({ dir, file });
      const info = await lstat(path).catch(() => undefined);
      if (info === undefined) continue;
      const parsed = info.isFile() ? await loadAgent(path) : undefined;
      occupants.set(file, parsed?.isAgent ? declaredName(parsed) : null);
    }
  }
  return assignAgentFiles({ agents, manifest, occupants, ...ext });
}

/** Every `*.md` in the folder's tree with the `name` it declares (recursively, as Claude Code scans). */
export async function scanTree(dir: string): Promise<TreeFile[]> {
  const paths = await findMarkdownFiles(dir);
  return Promise.all(
    paths.map(async (path) => {
      const parsed = await loadAgent(path);
      return { rel: relative(dir, path).split(sep).join('/'), path, parsed, name: parsed.isAgent ? declaredName(parsed) : null };
    }),
  );
}

/**
 * Which files of the folder's tree declare one of `names` (for `list`: only the package's agents matter).
 * A file is parsed only when its bytes hold one of the names or a backslash: YAML can spell a string
 * without its literal text only through a double-quoted escape (`\x2d`, an escaped line break), so any
 * other file cannot declare those names (BENCHMARKS.md: the 1,000-agent `list` row).
 */
async function declarersOf(options: { dir: string; names: ReadonlySet<string>; bytesOf?: ReadonlyMap<string, Buffer> }): Promise<Map<string, string[]>> {
  const { dir, names } = options;
  const needles = [...names].map((n) => Buffer.from(n, 'utf8'));
  const out = new Map<string, string[]>();
  for (const path of await findMarkdownFiles(dir)) {
    let bytes = options.bytesOf?.get(path);
    try {
      if (bytes === undefined) {
        const read = readBoundedSync({ path, limit: 16 * 1024 * 1024 });
        if (read.kind === 'ok') bytes = read.bytes;
      }
    } catch {
      bytes = undefined;
    }
    if (bytes && !bytes.includes(0x5c) && !needles.some((n) => bytes.includes(n))) continue;
    const parsed = await loadAgent(path);
    const name = parsed.isAgent ? declaredName(parsed) : null;
    if (name === null || !names.has(name)) continue;
    out.set(name, [...(out.get(name) ?? []), relative(dir, path).split(sep).join('/')]);
  }
  return out;
}

/**
 * Everything the planners need to know about a target folder: its manifest (MANIFEST_INVALID if it does not
 * parse), the file of each agent given or recorded and its state, and which files in the tree declare which name.
 */
export async function readTargetState(options: {
  dir: string;
  agents: Iterable<string>;
  scan?: boolean;
  /**
   * Only what a report on `agents` needs (installed-report.ts): the state of their files alone (not of
   * every agent the manifest records), and `declared` only for those of their names that are not installed
   * (no `<agent>.md` and no manifest entry: the only ones a report looks up there), without `tree`.
   */
  only?: boolean;
  /** Another tool's folder (`--target`): the ending its new agent files take. */
  ext?: AgentFileExtension | undefined;
}): Promise<TargetState> {
  const { dir } = options;
  const dirExists = await folderExists(dir);
  const state: TargetState = {
    dir,
    dirExists,
    manifest: emptyManifest(),
    manifestExists: false,
    files: new Map(),
    fileNames: new Map(),
    declared: new Map(),
    tree: [],
  };
  if (options.ext !== undefined) state.ext = options.ext;
  if (!dirExists) return state;
  const read = await readManifest(dir);
  state.manifest = read.manifest;
  state.manifestExists = read.exists;
  if (read.text !== undefined) state.manifestText = read.text;
  const given = new Set(options.agents);
  state.fileNames = await fileNamesOf({ dir, agents: given, manifest: read.manifest, ext: options.ext });
  const fileState = (agent: string, read: (path: string) => Promise<FileState & { bytes?: Buffer }>): Promise<FileState & { bytes?: Buffer }> => {
    const file = state.fileNames.get(agent);
    return file === undefined ? Promise.resolve({ kind: 'missing' }) : read(agentFilePath({ dir, file }));
  };
  if (options.only) {
    // The agents' own files, read one after another (hundreds of small files: faster than a promise per call),
    // their bytes kept for the search below.
    const bytesOf = new Map<string, Buffer>();
    for (const agent of given) {
      const file = await fileState(agent, readFileStateFast);
      const name = state.fileNames.get(agent);
      if (file.kind === 'file' && file.bytes && name !== undefined) bytesOf.set(agentFilePath({ dir, file: name }), file.bytes);
      state.files.set(agent, withoutBytes(file));
    }
    if (options.scan === false) return state;
    // Not all of `given`: with 1,000 installed agents, searching every file for every name is quadratic.
    const notInstalled = new Set([...given].filter((agent) => state.files.get(agent)?.kind === 'missing' && read.manifest.agents[agent] === undefined));
    state.declared = notInstalled.size > 0 ? await declarersOf({ dir, names: notInstalled, bytesOf }) : new Map();
    return state;
  }
  const names = new Set([...given, ...Object.keys(read.manifest.agents)]);
  await Promise.all(
    [...names].map(async (agent) => {
      state.files.set(agent, withoutBytes(await fileState(agent, readFileState)));
    }),
  );
  if (options.scan === false) return state;
  state.tree = await scanTree(dir);
  for (const file of state.tree) {
    if (file.name === null) continue;
    state.declared.set(file.name, [...(state.declared.get(file.name) ?? []), file.rel]);
  }
  return state;
}

/** What the planners read of a folder: its state with the renders it is compared with (one shape for every caller). */
export function planInputOf(options: { state: TargetState; pkg: PackageRenders; force?: boolean }): PlanInput {
  const { state, pkg } = options;
  return {
    dir: state.dir,
    pkg,
    manifest: state.manifest,
    files: state.files,
    fileNames: state.fileNames,
    declared: state.declared,
    force: options.force ?? false,
    ...(state.ext !== undefined ? { fileExt: state.ext } : {}),
  };
}
