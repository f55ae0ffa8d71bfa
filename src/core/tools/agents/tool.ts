import { renderTools } from '../../agent/render.js';
import { droppedFields, markdownFile, validateMarkdown } from '../common.js';
import type { ToolTarget } from '../tool.js';
import { CARRIED, FOLDERS, LABEL } from './table.js';

/** `.agents/agents/`: Claude-shaped Markdown with the fields its readers share (`name`, `description`, `tools`, `model`). */
export const agents: ToolTarget = {
  id: 'agents',
  label: LABEL,
  folders: FOLDERS,
  ext: '.md',
  render(agent) {
    const { spec } = agent;
    const fields: Record<string, unknown> = { name: agent.name, description: agent.description };
    if (spec.tools !== undefined) fields['tools'] = renderTools(spec.tools);
    if (typeof spec.model === 'string') fields['model'] = spec.model;
    return { content: markdownFile({ fields, body: agent.body }), losses: droppedFields({ agent, carried: CARRIED }) };
  },
  validate(content) {
    return validateMarkdown({ content, required: ['name', 'description'], fields: { name: 'string', description: 'string', tools: 'any', model: 'string' } });
  },
};
