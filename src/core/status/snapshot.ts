import type { ParsedAgent } from '../agent/parse.js';
import type { Installation } from '../plan/installation.js';
import type { Scope } from '../target.js';

/** The process that holds an agents folder's lock. */
export interface LockOwner {
  pid: number;
  host: string;
}

/** One `*.md` file in an agents folder's tree, as Claude Code would see it. */
export interface TreeFile {
  /** Relative to the folder, with `/` separators. */
  rel: string;
  path: string;
  parsed: ParsedAgent;
  /** The `name` it declares (even if the file would not load), or null. */
  name: string | null;
}

/** Everything `status` needs to know about one agents folder. */
export interface ScopeSnapshot {
  scope: Scope;
  dir: string;
  exists: boolean;
  tree: TreeFile[];
  /** Agents agentpack installed here (manifest entries, and package renders the manifest lost). */
  installations: Installation[];
  manifestError?: string;
  leftovers: string[];
  /** Backups a --force run kept (`<file>.bak`, `<file>.bak.<n>`), by name. */
  backups: string[];
  lock?: { path: string; stale: boolean; owner?: LockOwner };
}
