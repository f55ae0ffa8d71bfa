import { droppedFields, mapModel, mapTools, markdownFile, validateMarkdown } from '../common.js';
import type { ToolTarget } from '../tool.js';
import { FOLDERS, LABEL, MODEL_PREFIX, MODELS, PERMISSION_KEYS, TOOLS } from './table.js';

/** OpenCode: Markdown, `mode: subagent`, the file name is the agent's ID, the body its system prompt. */
export const opencode: ToolTarget = {
  id: 'opencode',
  label: LABEL,
  folders: FOLDERS,
  ext: '.md',
  render(agent) {
    const { spec } = agent;
    const fields: Record<string, unknown> = { description: agent.description, mode: 'subagent' };
    const model = mapModel({ spec, table: MODELS, prefix: MODEL_PREFIX });
    if (model.model !== undefined) fields['model'] = model.model;
    const tools = spec.tools === undefined ? { names: [], losses: [] } : mapTools({ tools: spec.tools, table: TOOLS });
    if (spec.tools !== undefined && spec.tools.kind !== 'all') {
      const permission: Record<string, string> = {};
      for (const key of PERMISSION_KEYS) permission[key] = tools.names.includes(key) ? 'allow' : 'deny';
      fields['permission'] = permission;
    }
    const losses = [...droppedFields({ agent, carried: ['tools', 'model'] }), ...tools.losses, ...model.losses];
    return { content: markdownFile({ fields, body: agent.body }), losses };
  },
  validate(content) {
    const problems = validateMarkdown({
      content,
      required: ['description', 'mode'],
      fields: { description: 'string', mode: 'string', model: 'string', permission: 'any' },
    });
    if (!/\nmode: subagent\n/.test(content.slice(0, content.indexOf('\n---\n', 3) + 1))) problems.push('mode must be subagent');
    return problems;
  },
};
