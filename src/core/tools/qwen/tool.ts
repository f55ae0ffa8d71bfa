import { slugOf } from '../../agent/name.js';
import { droppedFields, mapModel, mapTools, markdownFile, validateMarkdown } from '../common.js';
import type { Loss, ToolTarget } from '../tool.js';
import { FOLDERS, LABEL, MIN_PROMPT_CHARS, MODELS, NAME, TOOLS } from './table.js';

/** Qwen Code: Markdown with `name` (letters, digits, `-`, `_`), `description`, `tools` as a list of Qwen names, and `color`. */
export const qwen: ToolTarget = {
  id: 'qwen',
  label: LABEL,
  folders: FOLDERS,
  ext: '.md',
  render(agent) {
    const { spec } = agent;
    const name = NAME.test(agent.name) ? agent.name : slugOf(agent.name) || 'agent';
    const renamed: Loss[] = name === agent.name ? [] : [{ kind: 'name-changed', to: name }];
    const fields: Record<string, unknown> = { name, description: agent.description };
    const tools = spec.tools === undefined ? { names: [], losses: [] } : mapTools({ tools: spec.tools, table: TOOLS });
    if (spec.tools !== undefined && spec.tools.kind !== 'all') fields['tools'] = tools.names;
    if (typeof spec.color === 'string') fields['color'] = spec.color;
    const model = mapModel({ spec, table: MODELS });
    const losses = [...renamed, ...droppedFields({ agent, carried: ['tools', 'model', 'color'] }), ...tools.losses, ...model.losses];
    return { content: markdownFile({ fields, body: agent.body }), losses };
  },
  validate(content) {
    const problems = validateMarkdown({
      content,
      required: ['name', 'description'],
      fields: { name: 'string', description: 'string', tools: 'string-list', color: 'string' },
    });
    const name = /^---\nname: (.*)\n/.exec(content)?.[1];
    if (name !== undefined && !NAME.test(name)) problems.push('name must be letters, digits, - and _');
    const end = content.indexOf('\n---\n', 3);
    if (end !== -1 && content.slice(end + 5).trim().length < MIN_PROMPT_CHARS) problems.push(`the prompt must be at least ${MIN_PROMPT_CHARS} characters`);
    return problems;
  },
};
