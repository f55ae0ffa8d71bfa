import { droppedFields, isReadOnly, mapModel, markdownFile, validateMarkdown } from '../common.js';
import type { Loss, ToolTarget } from '../tool.js';
import { FOLDERS, LABEL, MODELS } from './table.js';

/** Cursor: Markdown with exactly `name`, `description`, `model`, `readonly`, `is_background`; no tool list. */
export const cursor: ToolTarget = {
  id: 'cursor',
  label: LABEL,
  folders: FOLDERS,
  ext: '.md',
  render(agent) {
    const { spec } = agent;
    const fields: Record<string, unknown> = { name: agent.name, description: agent.description };
    const model = mapModel({ spec, table: MODELS });
    if (model.model !== undefined) fields['model'] = model.model;
    const losses: Loss[] = [...droppedFields({ agent, carried: ['tools', 'model', 'background'] })];
    if (spec.tools !== undefined && spec.tools.kind !== 'all') {
      const readonly = isReadOnly(spec.tools);
      if (readonly) fields['readonly'] = true;
      losses.push({ kind: 'tools-approximated', to: readonly ? 'readonly: true' : 'readonly: false' });
    }
    if (spec.background === true) fields['is_background'] = true;
    losses.push(...model.losses);
    return { content: markdownFile({ fields, body: agent.body }), losses };
  },
  validate(content) {
    return validateMarkdown({
      content,
      required: ['name', 'description'],
      fields: { name: 'string', description: 'string', model: 'string', readonly: 'boolean', is_background: 'boolean' },
    });
  },
};
