import type { AgentFileExtension } from '../agent/name.js';
import type { FileState } from './installation.js';
import type { Manifest, ManifestEntry } from '../manifest/manifest.js';
import type { PackageRenders } from './renders.js';

/** What a planned step does to the agent's file. */
type ActionKind = 'create' | 'overwrite' | 'switch' | 'remove' | 'skip' | 'conflict';

/** Why: stable codes printed by `--json`; the catalogs hold `plan.reason.<code>`. */
export type ActionReason =
  | 'not-installed'
  | 'file-missing'
  | 'up-to-date'
  | 'locale-change'
  | 'outdated'
  | 'installed'
  | 'modified'
  | 'foreign'
  | 'symlink'
  | 'not-a-file'
  | 'duplicate-name'
  | 'not-in-package'
  | 'other-source';

export interface PlanAction {
  kind: ActionKind;
  agent: string;
  /** Absolute path of the file. */
  path: string;
  /** Locale written (create/overwrite/switch) or the one there now (remove/skip/conflict); null if unknown. */
  locale: string | null;
  /** Locale before a switch or overwrite; null when there was none. */
  fromLocale: string | null;
  /** sha256 of the bytes to write; null for remove/skip/conflict. */
  sha256: string | null;
  reason: ActionReason;
  /** --force on a file agentpack may not touch: keep the old content as a backup first. */
  backup: boolean;
  /** What apply must still find on disk before it acts; a difference stops the run. */
  expect: FileState;
  /** Bytes to write (create/overwrite/switch). */
  content?: string;
  /** Manifest change: an entry to record, null to drop the agent, undefined to leave it. */
  entry?: ManifestEntry | null;
  /** For duplicate-name: the other file(s) declaring the name, relative to the folder. */
  others?: string[];
  /** The command did not reach its goal for this agent: the run exits 1 (conflicts always do). */
  attention: boolean;
}

/** Everything a planner needs to know about one target folder, read by io and passed in. */
export interface PlanInput {
  dir: string;
  pkg: PackageRenders;
  manifest: Manifest;
  /** State of the file of every agent the command may touch. */
  files: Map<string, FileState>;
  /**
   * Agent → its file (relative to dir): recorded in the manifest, or chosen for a new install with the folder's
   * files in view (plan/agent-files.ts). Absent, or an agent missing from it: chosen from the manifest alone.
   */
  fileNames?: Map<string, string>;
  /** The ending of a new agent file in this folder (`.md` when absent; another tool's, core/tools/). */
  fileExt?: AgentFileExtension;
  /** Agent `name` → files (relative to dir) in the folder's tree that declare it. */
  declared: Map<string, string[]>;
  force: boolean;
}

export interface Plan {
  actions: PlanAction[];
  /** The manifest after a complete apply. */
  manifest: Manifest;
}

export function writesFile(action: PlanAction): boolean {
  return action.kind === 'create' || action.kind === 'overwrite' || action.kind === 'switch' || action.kind === 'remove';
}

/** One planned action as apply carried it out. */
export interface AppliedAction {
  action: PlanAction;
  /** Where the previous content was kept (--force), or null. */
  backup: string | null;
}
