import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isAgentpackError, AgentpackError } from '../../core/errors.js';
import { sourceLocation, type ManifestEntry, type ManifestGit, type ManifestSource } from '../../core/manifest/manifest.js';
import { CANONICAL_LOCALE } from '../../core/catalog/catalog.js';
import type { Manifest } from '../../core/manifest/manifest.js';
import type { PackageAgent, PackageRenders } from '../../core/plan/renders.js';
import { renderSource, summarizeAgent, summaryOfScan, type AgentSummary } from '../../core/plan/folder-renders.js';
import { renameAgent, withRenamedPackageAgents } from '../../core/plan/rename.js';
import { commandLine, shellWord } from '../../core/hints.js';
import type { Target } from '../../core/target.js';
import { readManifest } from '../target/manifest-store.js';
import { readSource, sourceFiles, type ReadSourceResult, type SourceProgress } from './read-source.js';
import { fingerprintFiles } from './fingerprint.js';
import type { ResolvedSource } from './resolve-source.js';

/** A recorded source that cannot be read again: the folder is gone, or its file no longer defines the agent. */
export interface SourceProblem {
  agent: string;
  code: 'SOURCE_NOT_FOUND' | 'SOURCE_FILE_MOVED';
  /** `--from` as recorded (shell-quoted for hints). */
  from: string;
  /** The absolute folder (SOURCE_NOT_FOUND) or file (SOURCE_FILE_MOVED) that was looked for. */
  path: string;
  /** The folder was agentpack's cached checkout of a git repository: `update` fetches it again. */
  repository?: true;
}

export interface InstalledSources {
  pkg: PackageRenders;
  locales: string[];
  /** Per agent read again from its folder (or taken from its recorded scan), its descriptions there (for `list`). */
  summaries: Map<string, AgentSummary>;
  /** Only with `collect`: the agents whose source is gone or moved (they stand in with what was recorded). */
  problems: SourceProblem[];
  /** The manifest text the renders were read for (undefined when there is no manifest). */
  manifestText?: string | undefined;
}

/** The error for a source that cannot be read again: one per vanished folder (`count` agents), one per moved file. */
function problemError(options: { problem: SourceProblem; count: number; target: Target }): AgentpackError {
  const { problem, count, target } = options;
  const command = commandLine({ args: problem.code === 'SOURCE_NOT_FOUND' ? ['update'] : ['update', problem.agent], target });
  const params = { agent: problem.agent, count, from: problem.from, path: problem.path, command, ...(problem.repository ? { suggestion: command } : {}) };
  return new AgentpackError({ code: problem.code, params });
}

/**
 * What the manifest recorded, standing in for a source that cannot be read: the recorded bytes count as the
 * agent's only render, so a read-only report says "unchanged since install" or "modified", never "outdated".
 */
function recordedStandIn(agent: string, entry: ManifestEntry): PackageAgent {
  const render = { locale: entry.locale, content: '', sha256: entry.sha256 };
  return {
    name: agent,
    locales: [entry.locale],
    renders: new Map([[entry.locale, render]]),
    sourceHash: entry.sourceHash,
    ...(entry.source ? { source: entry.source } : {}),
  };
}

interface SourceGroup {
  root: string;
  single: boolean;
  from: string;
  entries: [string, ManifestSource][];
}

/**
 * An unchanged folder's agents as their entries recorded them (`source.scan`), or undefined when the folder
 * must be read in full: an entry without a scan, written by another agentpack version, scans of different
 * times, or a fingerprint that differs now (anything added, removed, edited or touched; the folder or file
 * gone — the full read then reports it). stat only: no file is read.
 */
async function fromRecordedScan(options: {
  key: string;
  group: SourceGroup;
  manifest: Manifest;
  version: string;
}): Promise<{ pkg: PackageAgent; summary: AgentSummary }[] | undefined> {
  const { key, group, manifest } = options;
  const fingerprints = new Set<string | undefined>();
  for (const [agent, source] of group.entries) {
    if (manifest.agents[agent]?.packageVersion !== options.version) return undefined;
    fingerprints.add(source.scan?.fingerprint);
  }
  const [recorded] = fingerprints;
  if (fingerprints.size !== 1 || recorded === undefined) return undefined;
  const info = await stat(key).catch(() => undefined);
  if (!info || info.isDirectory() === group.single) return undefined;
  const paths = await sourceFiles({ full: key, single: group.single }).catch(() => undefined);
  if (paths === undefined || fingerprintFiles({ root: group.root, paths: paths.all }) !== recorded) return undefined;
  return group.entries.map(([agent, source]) => {
    const scan = source.scan as NonNullable<ManifestSource['scan']>;
    const renders = new Map(Object.entries(scan.renders).map(([locale, sha256]) => [locale, { locale, content: '', sha256 }]));
    const entry = manifest.agents[agent] as ManifestEntry;
    const pkg: PackageAgent = { name: agent, locales: [...scan.locales], renders, sourceHash: entry.sourceHash, source };
    if (entry.originalName !== undefined) pkg.originalName = entry.originalName;
    return { pkg, summary: summaryOfScan(scan) };
  });
}

/**
 * The recorded origin with the snapshot of this read (or none when its fingerprint could not be taken); a
 * repository fetched again also takes this read's checkout and commit.
 */
function withFreshScan(recorded: ManifestSource, fresh: ManifestSource | undefined): ManifestSource {
  const { scan: _old, ...rest } = recorded;
  const base = fresh?.git !== undefined ? { ...rest, root: fresh.root, git: fresh.git } : rest;
  return fresh?.scan ? { ...base, scan: fresh.scan } : base;
}

/** Agents installed from one repository (URL, ref and folder), at whatever commit each was installed. */
const gitGroupKey = (git: ManifestGit): string => `git\u0000${git.url}\u0000${git.ref ?? ''}\u0000${git.folder ?? ''}`;

/**
 * The package's renders plus, for every agent of `dir` installed with `--from`, its renders read again from
 * the recorded folder (each folder scanned once, with the recorded paths as picks). A folder that vanished
 * (SOURCE_NOT_FOUND) or a file that moved (SOURCE_FILE_MOVED) is reported, never guessed: thrown for the
 * first affected agent, or with `collect` (read-only reports) listed in `problems`. `manifestText` is the
 * manifest they were read for (see PlanRun.sources). With `recorded` (read-only reports), a folder whose
 * fingerprint matches what the entries recorded is not read: its renders come from the manifest.
 */
export async function withInstalledSources(options: {
  pkg: PackageRenders;
  dir: string;
  cwd: string;
  agents?: readonly string[];
  onProgress?: (p: SourceProgress) => void;
  collect?: boolean;
  recorded?: boolean;
  /** The folder as the user named it (`--project`, `--dir`), for the hints of an error; default `--dir <dir>`. */
  target?: Target;
  /** `update`: fetch each recorded repository again (one call per repository) and read its new checkout. */
  fetchGit?: (options: { source: ManifestSource & { git: ManifestGit }; commits: string[] }) => Promise<ResolvedSource>;
}): Promise<InstalledSources> {
  const { pkg } = options;
  const target = options.target ?? { scope: 'dir', dir: options.dir };
  const found = new Map<string, AgentSummary>();
  let manifest;
  let manifestText: string | undefined;
  try {
    ({ manifest, text: manifestText } = await readManifest(options.dir));
  } catch {
    return { pkg, locales: [], summaries: found, problems: [] };
  }
  const only = options.agents !== undefined && options.agents.length > 0 ? new Set(options.agents) : undefined;
  const groups = new Map<string, SourceGroup>();
  for (const [agent, entry] of Object.entries(manifest.agents)) {
    if (!entry.source || (only && !only.has(agent))) continue;
    const refetch = options.fetchGit !== undefined && entry.source.git !== undefined;
    const key =
      refetch && entry.source.git ? gitGroupKey(entry.source.git) : entry.source.single ? join(entry.source.root, entry.source.path) : entry.source.root;
    const group = groups.get(key) ?? { root: entry.source.root, single: entry.source.single === true, from: entry.source.from, entries: [] };
    group.entries.push([agent, entry.source]);
    groups.set(key, group);
  }
  const agents = new Map(pkg.agents);
  const locales = new Set<string>();
  const problems: SourceProblem[] = [];
  const report = (problem: SourceProblem, count = 1): void => {
    if (!options.collect) throw problemError({ problem, count, target });
    problems.push(problem);
    const entry = manifest.agents[problem.agent];
    if (entry) agents.set(problem.agent, recordedStandIn(problem.agent, entry));
  };
  for (const [groupKey, group] of groups) {
    let key = groupKey;
    let fetched: ResolvedSource | undefined;
    const first = group.entries[0]?.[1];
    if (options.fetchGit !== undefined && first?.git !== undefined) {
      const commits = [...new Set(group.entries.map(([, s]) => s.git?.commit ?? ''))];
      fetched = await options.fetchGit({ source: { ...first, git: first.git }, commits });
      key = fetched.path;
      group.root = group.single ? dirname(fetched.path) : fetched.path;
    }
    const recorded = options.recorded && fetched === undefined ? await fromRecordedScan({ key, group, manifest, version: pkg.version }) : undefined;
    if (recorded !== undefined) {
      for (const { pkg: mine, summary } of recorded) {
        agents.set(mine.name, mine);
        found.set(mine.name, summary);
        for (const l of mine.locales) locales.add(l);
      }
      continue;
    }
    let picks = group.single ? [] : [...new Set(group.entries.flatMap(([, s]) => [s.path, ...(s.picks ?? [])]))].sort();
    let scan;
    while (scan === undefined) {
      try {
        scan = await readSource({ from: key, cwd: group.root, picks, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
      } catch (error) {
        if (!isAgentpackError(error) || (error.code !== 'PATH_NOT_FOUND' && error.code !== 'PICK_NOT_FOUND')) throw error;
        // A recorded file that is gone: read the folder again without it; the agents it defined are reported below.
        if (error.code === 'PICK_NOT_FOUND' && picks.includes(String(error.params['path']))) {
          picks = picks.filter((p) => p !== error.params['path']);
          continue;
        }
        // One error for the whole folder: every agent installed from it is in the same place.
        for (const [agent, source] of group.entries) {
          const repository = source.git !== undefined ? { repository: true as const } : {};
          report(
            { agent, code: group.single ? 'SOURCE_FILE_MOVED' : 'SOURCE_NOT_FOUND', from: shellWord(source.from), path: key, ...repository },
            group.entries.length,
          );
        }
        break;
      }
    }
    if (scan === undefined) continue;
    const rendered = renderSource({
      catalog: scan.catalog,
      version: pkg.version,
      from: group.from,
      root: group.root,
      single: group.single,
      picks: [],
      fingerprint: scan.fingerprint,
      git: fetched?.git,
    });
    for (const [agent, source] of group.entries) {
      // Installed with --as: the folder knows it by its original name; the file gets the recorded one.
      const original = manifest.agents[agent]?.originalName ?? agent;
      const read = rendered.agents.get(original);
      if (!read || read.source?.path !== source.path) {
        report({ agent, code: 'SOURCE_FILE_MOVED', from: shellWord(source.from), path: join(group.root, source.path) });
        continue;
      }
      const mine = original === agent ? read : renameAgent({ agent: read, name: agent });
      // Same origin: what was recorded stays recorded (from as given then, and the picks); the scan is this read's.
      agents.set(agent, { ...mine, source: withFreshScan(source, mine.source) });
      const entry = scan.catalog.agents.get(original);
      if (entry) found.set(agent, summarizeAgent(entry));
      for (const l of mine.locales) locales.add(l);
    }
  }
  const renamed = withRenamedPackageAgents({ pkg: { version: pkg.version, agents }, manifest, only });
  return { pkg: renamed, locales: [...locales], summaries: found, problems, manifestText };
}

/**
 * The folder (or file) one installed agent was recorded from, read again with the recorded picks (`show`,
 * `diff`). A folder that is gone is SOURCE_NOT_FOUND; a file that no longer defines the agent, SOURCE_FILE_MOVED.
 */
export async function readRecordedSource(options: {
  agent: string;
  source: ManifestSource;
  target: Target;
  onProgress?: (p: SourceProgress) => void;
}): Promise<ReadSourceResult> {
  const { agent, source, target } = options;
  const key = sourceLocation(source);
  const moved = join(source.root, source.path);
  const fail = (code: SourceProblem['code'], path: string): AgentpackError =>
    problemError({ problem: { agent, code, from: shellWord(source.from), path, ...(source.git ? { repository: true as const } : {}) }, count: 1, target });
  let picks = source.single ? [] : [...new Set([source.path, ...(source.picks ?? [])])].sort();
  for (;;) {
    try {
      const scan = await readSource({ from: key, cwd: source.root, picks, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
      const found = scan.catalog.agents.get(agent);
      const canonical = found && (found.variants.get(CANONICAL_LOCALE) ?? [...found.variants.values()][0]);
      if (canonical?.relPath !== source.path) throw fail('SOURCE_FILE_MOVED', moved);
      return scan;
    } catch (error) {
      if (!isAgentpackError(error)) throw error;
      if (error.code === 'PATH_NOT_FOUND') throw fail(source.single ? 'SOURCE_FILE_MOVED' : 'SOURCE_NOT_FOUND', key);
      if (error.code !== 'PICK_NOT_FOUND') throw error;
      // The canonical file is gone: moved. Another recorded pick (a translation) that is gone is left out.
      const gone = String(error.params['path']);
      if (gone === source.path || !picks.includes(gone)) throw fail('SOURCE_FILE_MOVED', moved);
      picks = picks.filter((p) => p !== gone);
    }
  }
}
