import type { ToolFolders } from '../tool.js';

/** The tool's name as its makers write it (the same in every language). */
export const LABEL = 'Codex CLI';

/** developers.openai.com/codex/subagents: `~/.codex/agents/<name>.toml` (CODEX_HOME moves `~/.codex`), `.codex/agents/`. */
export const FOLDERS: ToolFolders = { user: { home: ['.codex', 'agents'], env: { name: 'CODEX_HOME', path: ['agents'] } }, project: ['.codex', 'agents'] };

/** Claude model → Codex `model`: Codex runs OpenAI models, so no Claude model carries over (the agent uses Codex's default). */
export const MODELS: Readonly<Record<string, string | null>> = { sonnet: null, opus: null, haiku: null, fable: null, inherit: null };

/** Codex has no per-tool list: a read-only tool set becomes this sandbox; any other is left to Codex's own. */
export const READ_ONLY_SANDBOX = 'read-only';
