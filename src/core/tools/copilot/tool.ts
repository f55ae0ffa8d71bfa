import { droppedFields, mapModel, mapTools, markdownFile, validateMarkdown } from '../common.js';
import type { ToolTarget } from '../tool.js';
import { FOLDERS, LABEL, MAX_BODY_CHARS, MODELS, TOOLS } from './table.js';

/** GitHub Copilot: `<name>.agent.md`, `description` required, `tools` a list of its aliases, the body at most 30,000 characters. */
export const copilot: ToolTarget = {
  id: 'copilot',
  label: LABEL,
  folders: FOLDERS,
  ext: '.agent.md',
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
    const problems = validateMarkdown({
      content,
      required: ['description'],
      fields: { name: 'string', description: 'string', tools: 'string-list', model: 'string' },
    });
    const end = content.indexOf('\n---\n', 3);
    const body = end === -1 ? '' : content.slice(end + 5);
    if (body.length > MAX_BODY_CHARS) problems.push(`the prompt is ${body.length} characters, over Copilot's ${MAX_BODY_CHARS}`);
    return problems;
  },
};
