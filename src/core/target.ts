import type { OtherToolId } from './tools/ids.js';

/** Which agents folder a command works on: the user's, the project's, or one named with --dir. */
export type Scope = 'user' | 'project' | 'dir';

/** An agents folder a command works on. */
export interface Target {
  scope: Scope;
  /** Absolute path of the agents folder. */
  dir: string;
  /** The coding agent the folder belongs to (`--target`); absent for Claude Code's own folders. */
  tool?: OtherToolId;
}
