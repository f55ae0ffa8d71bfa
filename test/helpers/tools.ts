import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';

/** Each tool `--target` writes for, with its folders (relative to HOME and to the project root) and file ending: the facts the tests hold it to. */
export const TOOLS = {
  opencode: { user: ['.config', 'opencode', 'agents'], project: ['.opencode', 'agents'], ext: '.md' },
  codex: { user: ['.codex', 'agents'], project: ['.codex', 'agents'], ext: '.toml' },
  gemini: { user: ['.gemini', 'agents'], project: ['.gemini', 'agents'], ext: '.md' },
  cursor: { user: ['.cursor', 'agents'], project: ['.cursor', 'agents'], ext: '.md' },
  copilot: { user: ['.copilot', 'agents'], project: ['.github', 'agents'], ext: '.agent.md' },
  qwen: { user: ['.qwen', 'agents'], project: ['.qwen', 'agents'], ext: '.md' },
  kiro: { user: ['.kiro', 'agents'], project: ['.kiro', 'agents'], ext: '.md' },
  agents: { user: ['.agents', 'agents'], project: ['.agents', 'agents'], ext: '.md' },
} as const;
export type ToolName = keyof typeof TOOLS;

/** Gemini CLI's built-in tool names (geminicli.com/docs/tools): a Claude name in `tools` stops the file loading. */
const GEMINI_TOOLS = [
  'read_file',
  'write_file',
  'replace',
  'run_shell_command',
  'grep_search',
  'glob',
  'list_directory',
  'web_fetch',
  'google_web_search',
  'write_todos',
  'read_many_files',
  'save_memory',
];
export const TOOL_NAMES = Object.keys(TOOLS) as ToolName[];

export function toolFile(options: { tool: ToolName; base: string; scope: 'user' | 'project'; agent: string }): string {
  const spec = TOOLS[options.tool];
  return join(options.base, ...spec[options.scope], `${options.agent}${spec.ext}`);
}

/** The fields and prompt of an agent file as the tool's own format reads them: TOML for Codex, front-matter YAML + body for the rest. */
export function readToolFile(tool: ToolName, text: string): { fields: Record<string, unknown>; prompt: string } {
  if (tool === 'codex') {
    const fields = parseToml(text) as Record<string, unknown>;
    return { fields, prompt: String(fields['developer_instructions']) };
  }
  if (!text.startsWith('---\n')) throw new Error('no front-matter at byte 0');
  const end = text.indexOf('\n---\n', 3);
  if (end === -1) throw new Error('front-matter not closed');
  const fields = parseYaml(text.slice(4, end + 1), { strict: true, uniqueKeys: true }) as Record<string, unknown>;
  // The blank line after the front-matter is not part of the prompt.
  return { fields, prompt: text.slice(end + 5).replace(/^\n/, '') };
}

/**
 * What each tool requires and refuses (its documented schema, and what /work/targets-facts.md found the real
 * clients do): the problems of one file, none when the tool reads it.
 */
export function schemaProblems(tool: ToolName, text: string): string[] {
  const { fields, prompt } = readToolFile(tool, text);
  const problems: string[] = [];
  const str = (key: string): boolean => typeof fields[key] === 'string' && (fields[key] as string).trim() !== '';
  const allowed: Record<ToolName, string[]> = {
    opencode: ['description', 'mode', 'model', 'permission'],
    codex: ['name', 'description', 'developer_instructions', 'model', 'sandbox_mode', 'model_reasoning_effort', 'nickname_candidates'],
    gemini: ['name', 'description', 'kind', 'tools', 'model', 'temperature', 'max_turns', 'timeout_mins'],
    cursor: ['name', 'description', 'model', 'readonly', 'is_background'],
    copilot: ['name', 'description', 'tools', 'model', 'target', 'disable-model-invocation', 'user-invocable', 'mcp-servers', 'metadata'],
    qwen: ['name', 'description', 'tools', 'color', 'modelConfig', 'runConfig'],
    kiro: ['name', 'description', 'tools', 'model'],
    agents: ['name', 'description', 'tools', 'model'],
  };
  for (const key of Object.keys(fields)) if (!allowed[tool].includes(key)) problems.push(`unknown key ${key}`);
  const required: Record<ToolName, string[]> = {
    opencode: ['description', 'mode'],
    codex: ['name', 'description', 'developer_instructions'],
    gemini: ['name', 'description'],
    cursor: ['name', 'description'],
    copilot: ['description'],
    qwen: ['name', 'description'],
    kiro: ['name', 'description'],
    agents: ['name', 'description'],
  };
  for (const key of required[tool]) if (!str(key)) problems.push(`missing ${key}`);
  if (tool === 'opencode') {
    if (fields['mode'] !== 'subagent') problems.push('mode is not subagent');
    const permission = fields['permission'] as Record<string, unknown> | undefined;
    if (permission !== undefined) {
      for (const [key, value] of Object.entries(permission)) {
        if (key === 'agent') problems.push('permission key agent does not exist (task)');
        if (value !== 'allow' && value !== 'deny' && value !== 'ask') problems.push(`permission ${key}: ${String(value)}`);
      }
    }
  }
  if (
    tool === 'codex' &&
    fields['sandbox_mode'] !== undefined &&
    !['read-only', 'workspace-write', 'danger-full-access'].includes(String(fields['sandbox_mode']))
  )
    problems.push('sandbox_mode value');
  if ((tool === 'gemini' || tool === 'qwen' || tool === 'copilot' || tool === 'kiro') && fields['tools'] !== undefined) {
    if (!Array.isArray(fields['tools'])) problems.push('tools is not a YAML list');
  }
  if (tool === 'gemini' && !/^[a-z0-9_-]+$/.test(String(fields['name']))) problems.push('name is not a slug');
  if (tool === 'gemini' && Array.isArray(fields['tools'])) {
    for (const name of fields['tools']) if (!GEMINI_TOOLS.includes(String(name))) problems.push(`tools: ${String(name)} is not a Gemini tool`);
  }
  if (tool === 'copilot' && prompt.length > 30_000) problems.push('prompt over 30,000 characters');
  if (tool === 'qwen' && !/^[A-Za-z0-9_-]+$/.test(String(fields['name']))) problems.push('name has other characters than letters, digits, - and _');
  if (tool === 'qwen' && prompt.trim().length < 10) problems.push('prompt under 10 characters');
  if (tool === 'cursor' && fields['readonly'] !== undefined && typeof fields['readonly'] !== 'boolean') problems.push('readonly is not a boolean');
  return problems;
}
