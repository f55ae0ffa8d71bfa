import { slugOf } from '../../agent/name.js';
import { droppedFields, mapModel, mapTools, markdownFile, validateMarkdown } from '../common.js';
import type { Loss, ToolTarget } from '../tool.js';
import { FOLDERS, LABEL, MODELS, TOOLS } from './table.js';

/** Gemini's `name` is a slug: lowercase letters, digits, hyphens and underscores. */
const GEMINI_NAME = /^[a-z0-9_-]+$/;

/** Gemini CLI: Markdown that must start with front-matter; `tools` a YAML list of Gemini names; no key it does not know. */
export const gemini: ToolTarget = {
  id: 'gemini',
  label: LABEL,
  folders: FOLDERS,
  ext: '.md',
  render(agent) {
    const { spec } = agent;
    const losses: Loss[] = [];
    const name = GEMINI_NAME.test(agent.name) ? agent.name : slugOf(agent.name) || 'agent';
    if (name !== agent.name) losses.push({ kind: 'name-changed', to: name });
    const fields: Record<string, unknown> = { name, description: agent.description, kind: 'local' };
    const tools = spec.tools === undefined ? { names: [], losses: [] } : mapTools({ tools: spec.tools, table: TOOLS });
    if (spec.tools !== undefined && spec.tools.kind !== 'all') fields['tools'] = tools.names;
    const model = mapModel({ spec, table: MODELS });
    if (model.model !== undefined) fields['model'] = model.model;
    if (typeof spec.maxTurns === 'number') fields['max_turns'] = spec.maxTurns;
    losses.push(...droppedFields({ agent, carried: ['tools', 'model', 'maxTurns'] }), ...tools.losses, ...model.losses);
    return { content: markdownFile({ fields, body: agent.body }), losses };
  },
  validate(content) {
    const problems = validateMarkdown({
      content,
      required: ['name', 'description'],
      fields: { name: 'string', description: 'string', kind: 'string', tools: 'string-list', model: 'string', max_turns: 'number' },
    });
    const name = /^---\nname: (.*)\n/.exec(content)?.[1];
    if (name !== undefined && !GEMINI_NAME.test(name)) problems.push('name must be lowercase letters, digits, hyphens and underscores');
    return problems;
  },
};
