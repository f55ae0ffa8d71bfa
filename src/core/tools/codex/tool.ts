import { droppedFields, isReadOnly, mapModel } from '../common.js';
import { tomlBasic, tomlMultiline } from '../toml.js';
import type { Loss, ToolTarget } from '../tool.js';
import { FOLDERS, LABEL, MODELS, READ_ONLY_SANDBOX } from './table.js';

/** The keys agentpack writes, in order; `name`, `description` and `developer_instructions` are required by Codex. */
const KEYS = ['name', 'description', 'model', 'sandbox_mode', 'developer_instructions'] as const;

/** Codex CLI: one TOML file per agent, the Markdown body in `developer_instructions`. */
export const codex: ToolTarget = {
  id: 'codex',
  label: LABEL,
  folders: FOLDERS,
  ext: '.toml',
  render(agent) {
    const { spec } = agent;
    const model = mapModel({ spec, table: MODELS });
    const losses: Loss[] = [...droppedFields({ agent, carried: ['tools', 'model'] })];
    let sandbox: string | undefined;
    if (spec.tools !== undefined && spec.tools.kind !== 'all') {
      if (isReadOnly(spec.tools)) sandbox = READ_ONLY_SANDBOX;
      losses.push({ kind: 'tools-approximated', to: sandbox === undefined ? 'sandbox_mode (default)' : `sandbox_mode = "${sandbox}"` });
    }
    losses.push(...model.losses);
    const lines = [`name = ${tomlBasic(agent.name)}`, `description = ${tomlBasic(agent.description)}`];
    if (model.model !== undefined) lines.push(`model = ${tomlBasic(model.model)}`);
    if (sandbox !== undefined) lines.push(`sandbox_mode = ${tomlBasic(sandbox)}`);
    lines.push(`developer_instructions = ${tomlMultiline(agent.body)}`);
    return { content: `${lines.join('\n')}\n`, losses };
  },
  validate(content) {
    const problems: string[] = [];
    const keys = content
      .split('\n')
      .map((line) => /^([a-z_]+) = /.exec(line)?.[1])
      .filter((key): key is string => key !== undefined);
    for (const key of ['name', 'description', 'developer_instructions']) if (!keys.includes(key)) problems.push(`${key} is required`);
    for (const key of keys) if (!(KEYS as readonly string[]).includes(key)) problems.push(`${key} is not a key agentpack writes`);
    if (/\nname = ""\n|\ndescription = ""\n/.test(`\n${content}`)) problems.push('name and description must not be empty');
    return problems;
  },
};
