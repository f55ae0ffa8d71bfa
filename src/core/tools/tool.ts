import type { AgentFileExtension } from '../agent/name.js';
import type { AgentSpec } from '../agent/schema.js';
import type { OtherToolId } from '../target.js';

/**
 * What a conversion could not carry as it was: never silent, every one is shown by `--dry-run`, `install`,
 * `status` and `--json` (catalog keys `tool.loss.<kind>`).
 */
export type Loss =
  | { kind: 'field-dropped'; field: string }
  | { kind: 'tool-unmapped'; tool: string }
  | { kind: 'tool-widened'; tool: string; to: string }
  | { kind: 'tools-approximated'; to: string }
  | { kind: 'model-dropped'; model: string }
  | { kind: 'model-mapped'; model: string; to: string }
  | { kind: 'name-changed'; to: string };

/** One agent as Claude Code reads it (parsed from agentpack's own render): what every conversion starts from. */
export interface ToolAgent {
  name: string;
  /** As Claude Code shows it. */
  description: string;
  spec: AgentSpec;
  /** The system prompt, LF, ending in one line feed. */
  body: string;
}

/**
 * A tool's folders. `user`: below the home folder, unless `env` names a variable the tool reads for its own
 * home (its value then replaces `home` and the folder is `env.path` below it). `project`: below the project root.
 */
export interface ToolFolders {
  /**
   * The user folder below the home, or below the tool's own variable when it is set (not empty): `path` inside
   * it; `tilde`: a leading `~` in the variable is the home, as the tool itself reads it.
   */
  user: { home: readonly string[]; env?: { name: string; path: readonly string[]; tilde?: boolean } };
  project: readonly string[];
}

/** One coding agent agentpack installs for: where its files go, how one is written and checked. Pure. */
export interface ToolTarget {
  id: OtherToolId;
  /** The tool's name as its makers write it. */
  label: string;
  folders: ToolFolders;
  /** The ending of an agent file (`<slug><ext>`). */
  ext: AgentFileExtension;
  /** The bytes of the agent's file, and what did not map. Deterministic: the same agent gives the same bytes. */
  render(agent: ToolAgent): { content: string; losses: Loss[] };
  /** Problems by the tool's own format rules (required fields, types, limits); empty when the tool reads it. */
  validate(content: string): string[];
}
