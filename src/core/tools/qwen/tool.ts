import { droppedFields, mapModel, mapTools, markdownFile, validateMarkdown } from '../common.js';
import type { ToolTarget } from '../tool.js';
import { FOLDERS, MODELS, TOOLS } from './table.js';

/** Qwen Code: Markdown with `name`, `description`, `tools` as a list of Qwen names, and `color`. */
export const qwen: ToolTarget = {
  id: 'qwen',
  label: 'Qwen Code',
  folders: FOLDERS,
  ext: '.md',
  render(agent) {
    const { spec } = agent;
    const fields: Record<string, unknown> = { name: agent.name, description: agent.description };
    const tools = spec.tools === undefined ? { names: [], losses: [] } : mapTools({ tools: spec.tools, table: TOOLS });
    if (spec.tools !== undefined && spec.tools.kind !== 'all') fields['tools'] = tools.names;
    if (typeof spec.color === 'string') fields['color'] = spec.color;
    const model = mapModel({ spec, table: MODELS });
    const losses = [...droppedFields({ agent, carried: ['tools', 'model', 'color'] }), ...tools.losses, ...model.losses];
    return { content: markdownFile({ fields, body: agent.body }), losses };
  },
  validate(content) {
    return validateMarkdown({
      content,
      required: ['name', 'description'],
      fields: { name: 'string', description: 'string', tools: 'string-list', color: 'string' },
    });
  },
};
