import type { ToolFolders } from '../tool.js';

/** The tool's name as its makers write it (the same in every language). */
export const LABEL = 'Kiro';

/** kiro.dev/docs/custom-agents (the IDE's Markdown form): `~/.kiro/agents/` (KIRO_HOME moves `~/.kiro`), `.kiro/agents/`. */
export const FOLDERS: ToolFolders = { user: { home: ['.kiro', 'agents'], env: { name: 'KIRO_HOME', path: ['agents'] } }, project: ['.kiro', 'agents'] };

/** Claude tool → Kiro tool tag (`read`, `write`, `shell`, `web`). null: no Kiro tag. */
export const TOOLS: Readonly<Record<string, string | null>> = {
  Read: 'read',
  NotebookRead: 'read',
  Grep: 'read',
  Glob: 'read',
  LS: 'read',
  Write: 'write',
  Edit: 'write',
  MultiEdit: 'write',
  NotebookEdit: 'write',
  Bash: 'shell',
  WebFetch: 'web',
  WebSearch: 'web',
};

/** Claude model → Kiro `model`: Kiro names its models its own way, so an alias is left out (Kiro's default is used). */
export const MODELS: Readonly<Record<string, string | null>> = { sonnet: null, opus: null, haiku: null, fable: null, inherit: null };
