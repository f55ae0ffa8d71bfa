import { droppedFields, mapModel, mapTools, markdownFile, validateMarkdown } from '../common.js';
import type { ToolTarget } from '../tool.js';
import { FOLDERS, LABEL, MODELS, TOOLS } from './table.js';

/** Kiro (IDE): Markdown with `name`, `description`, `tools` as a list of tags. */
export const kiro: ToolTarget = {
  id: 'kiro',
  label: LABEL,
  folders: FOLDERS,
  ext: '.md',
  render(agent) {
    const { spec } = agent;
    const fields: Record<string, unknown> = { name: agent.name, description: agent.description };
    const tools = spec.tools === undefined ? { names: [], losses: [] } : mapTools({ tools: spec.tools, table: TOOLS });
    if (spec.tools !== undefined && spec.tools.kind !== 'all') fields['tools'] = tools.names;
    const model = mapModel({ spec, table: MODELS });
    if (model.model !== undefined) fields['model'] = model.model;
    const losses = [...droppedFields({ agent, carried: ['tools', 'model'] }), ...tools.losses, ...model.losses];
    return { content: markdownFile({ fields, body: agent.body }), losses };
  },
  validate(content) {
    return validateMarkdown({
      content,
      required: ['name', 'description'],
      fields: { name: 'string', description: 'string', tools: 'string-list', model: 'string' },
    });
  },
};
