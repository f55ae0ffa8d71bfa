import { stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { AgentpackError } from '../../core/errors.js';
import { shellWord } from '../../core/hints.js';
import { assembleSource, type ReadSourceResult } from '../../core/catalog/assemble-folder.js';

export type { ReadSourceResult } from '../../core/catalog/assemble-folder.js';
import { fileKind } from '../../core/catalog/file-kind.js';
import type { SourceFile } from '../../core/catalog/folder-roles.js';
import { listedBy, NO_PLUGINS } from '../../core/catalog/plugins.js';
import type { Selection } from '../../core/catalog/select.js';
import { mapLimit } from '../fs/pool.js';
import { loadAgent } from '../read-agent.js';
import { fingerprintFiles } from './fingerprint.js';
import { readPlugins } from './plugin-manifests.js';
import { findCatalogFiles } from '../fs/walk.js';

/** Files read at once. */
const READ_CONCURRENCY = 16;

/** Claude Code skills (`skills/<x>/SKILL.md`) carry `name` and `description` too, but are not agents. */
function isSkillFile(path: string): boolean {
  return basename(path).toLowerCase() === 'skill.md';
}

export interface SourceProgress {
  done: number;
  total: number;
}

/**
 * The files a scan of `--from` looks at: the file itself, or every `*.md` of the folder but skills and its
 * plugin manifests; `all` is every one of them, sorted (what the fingerprint covers).
 */
export async function sourceFiles(options: { full: string; single: boolean }): Promise<{ markdown: string[]; manifests: string[]; all: string[] }> {
  if (options.single) return { markdown: [options.full], manifests: [], all: [options.full] };
  const found = await findCatalogFiles(options.full);
  const markdown = found.markdown.filter((p) => !isSkillFile(p));
  return { markdown, manifests: found.manifests, all: [...markdown, ...found.manifests].sort() };
}

const toPosix = (path: string): string => path.split(sep).join('/');

/**
 * A user's pick, as a relPath of the source: a path relative to the working directory (or absolute) that
 * names a file of the source, or a path inside the source. PICK_NOT_FOUND when it names no agent file there.
 */
function resolvePick(options: { pick: string; cwd: string; root: string; known: ReadonlySet<string>; from: string }): string {
  const { pick, cwd, root, known } = options;
  const fromCwd = toPosix(relative(root, resolve(cwd, pick)));
  if (known.has(fromCwd)) return fromCwd;
  const inside = posix.normalize(toPosix(pick));
  if (!isAbsolute(pick) && known.has(inside)) return inside;
  throw new AgentpackError({ code: 'PICK_NOT_FOUND', params: { path: pick, from: shellWord(options.from) }, exitCode: 2 });
}

/**
 * Read `--from <path>`: a folder (every `*.md` below it, without node_modules/.git, and its plugin manifests) or
 * one file, into the catalog shape the package uses, with duplicates and conflicts (resolved by `picks`, and
 * by `select`: `<plugin>:<name>` and `--plugin`, whose files join the picks). Files are read
 * `READ_CONCURRENCY` at a time and kept only when they are agents (file-kind.ts: commands, skills, READMEs
 * and documentation are not).
 */
export async function readSource(options: {
  from: string;
  cwd: string;
  /** `from` already resolved to a folder or file (resolve-source.ts); default: `from` against `cwd`. */
  path?: string;
  picks?: readonly string[];
  select?: Selection;
  onProgress?: (progress: SourceProgress) => void;
}): Promise<ReadSourceResult> {
  const full = options.path ?? resolve(options.cwd, options.from);
  const info = await stat(full).catch(() => undefined);
  if (!info) throw new AgentpackError({ code: 'PATH_NOT_FOUND', params: { path: options.from } });
  const single = !info.isDirectory();
  const root = single ? dirname(full) : full;
  const rootName = basename(root);
  const { markdown: paths, manifests, all } = await sourceFiles({ full, single });
  // Before reading: a file changed during the read then leaves the recorded fingerprint stale, never wrong.
  const fingerprint = fingerprintFiles({ root, paths: all });
  const plugins = single ? NO_PLUGINS : await readPlugins({ root, manifests, rootName });
  const listed = listedBy(plugins);
  let done = 0;
  const loaded = await mapLimit({
    items: paths,
    limit: READ_CONCURRENCY,
    fn: async (path): Promise<SourceFile | undefined> => {
      const parsed = await loadAgent(path);
      options.onProgress?.({ done: ++done, total: paths.length });
      const relPath = toPosix(relative(root, path));
      const kind = fileKind({ relPath, parsed, rootName, listed: single || listed(relPath) });
      return kind.kind === 'not-agent' ? undefined : { path, relPath, parsed };
    },
  });
  const files = loaded.filter((f): f is SourceFile => f !== undefined);
  const known = new Set(files.map((f) => f.relPath));
  const picks = (options.picks ?? []).map((pick) => resolvePick({ pick, cwd: options.cwd, root, known, from: options.from }));
  const scan = assembleSource({ root, files, picks, single, plugins, rootName, ...(options.select ? { select: options.select } : {}) });
  const chosen = [...new Set([...picks, ...(scan.selection?.picks ?? [])])];
  return { ...scan, from: options.from, root, single, picks: chosen, ...(fingerprint !== undefined ? { fingerprint } : {}) };
}
