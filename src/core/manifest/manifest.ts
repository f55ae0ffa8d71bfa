import { join } from 'node:path';
import { isInstallableName, isSafeAgentFile } from '../agent/name.js';
import { MANIFEST_VERSION } from './format.js';
import { checkManifest } from './schema-check.js';
import type { Manifest, ManifestEntry, ManifestGit, ManifestSource, ManifestSourceScan } from './schema.js';

export type { Manifest, ManifestEntry, ManifestGit, ManifestSource, ManifestSourceScan };

/** File name of the manifest inside an agents folder: a dotfile, so Claude Code's `*.md` scan never reads it. */
export const MANIFEST_FILE = '.agentpack.json';

/**
 * Whether two origins are the same: both the package (no source), the same file of the same folder, or the
 * same file of the same repository's folder (at any commit: a new commit is an update, not another origin).
 */
export function sameOrigin(a: ManifestSource | undefined, b: ManifestSource | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.git !== undefined || b.git !== undefined)
    return a.git?.url === b.git?.url && a.git?.ref === b.git?.ref && a.git?.folder === b.git?.folder && a.path === b.path;
  return a.root === b.root && a.path === b.path;
}

/** The absolute folder an agent was installed from, or the file when `--from` named one file. */
export function sourceLocation(source: ManifestSource): string {
  return source.single ? join(source.root, source.path) : source.root;
}

/** A record of agents by name: no prototype, so that a name such as `constructor` finds only its own entry. */
function agentRecord(): Record<string, ManifestEntry> {
  return Object.create(null) as Record<string, ManifestEntry>;
}

export function emptyManifest(): Manifest {
  return { version: MANIFEST_VERSION, agents: agentRecord() };
}

/** The file an entry's agent was written to: the recorded `file`, or `<name>.md` for entries that have none. */
export function recordedFile(options: { agent: string; entry: ManifestEntry }): string {
  return options.entry.file ?? `${options.agent}.md`;
}

/** What the schemas cannot see across entries: a file that is not a safe agent file, or one file recorded twice. */
function fileProblem(agents: Record<string, ManifestEntry>): string | undefined {
  const owners = new Map<string, string>();
  for (const [agent, entry] of Object.entries(agents)) {
    const file = recordedFile({ agent, entry });
    if (!isSafeAgentFile(file)) return `agents.${agent}: no "file" recorded, and ${JSON.stringify(file)} is not a safe agent file name`;
    const other = owners.get(file);
    if (other !== undefined) return `agents: ${JSON.stringify(other)} and ${JSON.stringify(agent)} both record ${file}`;
    owners.set(file, agent);
  }
  return undefined;
}

/**
 * Parse the text of a manifest. Never resets: anything that is not a valid version-1 manifest is reported
 * with a detail (JSON error or the first schema issue with its path) for the caller to turn into an error.
 */
export function parseManifest(text: string): { ok: true; manifest: Manifest } | { ok: false; detail: string } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
  // zod's record skips a `__proto__` key; refuse it (and any unsafe name) here rather than drop an entry silently.
  const rawAgents = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)['agents'] : undefined;
  if (rawAgents !== null && typeof rawAgents === 'object') {
    const unsafe = Object.keys(rawAgents).find((name) => !isInstallableName(name));
    if (unsafe !== undefined) return { ok: false, detail: `agents: ${JSON.stringify(unsafe)} is not a valid agent name` };
  }
  // The zod-free twin of manifestSchema (manifest-schema.ts): zod is not loaded on the read path.
  const parsed = checkManifest(data);
  if (!parsed.success) {
    const where = parsed.path.length > 0 ? `${parsed.path.map(String).join('.')}: ` : '';
    return { ok: false, detail: `${where}${parsed.message}` };
  }
  const agents = agentRecord();
  for (const [name, entry] of Object.entries(parsed.data.agents)) agents[name] = entry;
  const problem = fileProblem(agents);
  if (problem !== undefined) return { ok: false, detail: problem };
  return { ok: true, manifest: { version: parsed.data.version, agents } };
}

/** Recursively sort object keys, so that the same manifest always serialises to the same bytes. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** Sorted keys at every level, 2-space indent, trailing newline, no timestamps: a file a project can commit. */
export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(sortKeys(manifest), null, 2)}\n`;
}

/** A copy with one agent set (entry) or removed (null). */
export function withEntry(options: { manifest: Manifest; agent: string; entry: ManifestEntry | null }): Manifest {
  const agents = agentRecord();
  for (const [name, entry] of Object.entries(options.manifest.agents)) if (name !== options.agent) agents[name] = entry;
  if (options.entry) agents[options.agent] = options.entry;
  return { version: MANIFEST_VERSION, agents };
}

/**
 * A copy with several agents set (entry) or removed (null), applied in order: what a chain of withEntry
 * calls gives, in one pass (a plan of n agents would otherwise copy the manifest n times).
 */
export function withEntries(options: { manifest: Manifest; changes: Iterable<{ agent: string; entry: ManifestEntry | null }> }): Manifest {
  const agents = agentRecord();
  for (const [name, entry] of Object.entries(options.manifest.agents)) agents[name] = entry;
  for (const { agent, entry } of options.changes) {
    if (entry) agents[agent] = entry;
    else delete agents[agent];
  }
  return { version: MANIFEST_VERSION, agents };
}
