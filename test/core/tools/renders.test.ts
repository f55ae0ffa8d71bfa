import { describe, expect, it } from 'vitest';
import { parse as parseToml } from 'smol-toml';
import { isAgentpackError } from '../../../src/core/errors.js';
import { toolTarget } from '../../../src/core/tools/registry.js';
import { renderForTool } from '../../../src/core/tools/renders.js';
import { tomlBasic, tomlMultiline } from '../../../src/core/tools/toml.js';
import type { OtherToolId } from '../../../src/core/target.js';
import { readToolFile, schemaProblems, TOOL_NAMES } from '../../helpers/tools.js';

const claude = (front: string, body: string): string => `---\n${front}---\n\n${body}`;

/** A read-only reviewer with everything that does not map: a colour, Claude's maxTurns, an alias, a scoped and an unknown tool. */
const REVIEWER = claude(
  'name: reviewer\ndescription: "Reviews code: finds bugs. Use when: a diff is ready"\ntools: Read, Grep, Glob, TodoRead\nmodel: opus\ncolor: blue\nmaxTurns: 5\n',
  "Review the change. It's 'quoted', has ''' three quotes, \"\"\" three double quotes and a \\ backslash.\n",
);
const WRITER = claude('name: writer\ndescription: Writes code\ntools: Read, Edit, Bash(git diff:*), KillShell\n', 'Write the code.\n');

const render = (tool: OtherToolId, content: string) => renderForTool({ tool: toolTarget(tool), agent: 'x', locale: 'en', content });

describe('every tool: a file its format reads, the same bytes every time', () => {
  it.each(TOOL_NAMES)('%s', (tool) => {
    for (const content of [REVIEWER, WRITER]) {
      const out = render(tool, content);
      expect(schemaProblems(tool, out.content)).toEqual([]);
      expect(render(tool, content).content).toBe(out.content);
      const body = content.slice(content.indexOf('\n---\n') + 6);
      expect(readToolFile(tool, out.content).prompt).toBe(body);
    }
  });
});

describe('Codex: TOML with the prompt in developer_instructions, read-only tools as the sandbox', () => {
  it('reads back with a TOML parser to exactly the fields and the body, quotes and backslashes included', () => {
    const out = render('codex', REVIEWER);
    const toml = parseToml(out.content) as Record<string, unknown>;
    expect(toml).toEqual({
      name: 'reviewer',
      description: 'Reviews code: finds bugs. Use when: a diff is ready',
      sandbox_mode: 'read-only',
      developer_instructions: "Review the change. It's 'quoted', has ''' three quotes, \"\"\" three double quotes and a \\ backslash.\n",
    });
    expect(out.losses).toEqual(
      expect.arrayContaining([
        { kind: 'field-dropped', field: 'color' },
        { kind: 'field-dropped', field: 'maxTurns' },
        { kind: 'model-dropped', model: 'opus' },
        { kind: 'tools-approximated', to: 'sandbox_mode = "read-only"' },
      ]),
    );
  });

  it('a tool set that writes leaves the sandbox to Codex', () => {
    expect(parseToml(render('codex', WRITER).content)).not.toHaveProperty('sandbox_mode');
  });

  it('strings of every kind read back exactly (literal when it can be, escaped otherwise)', () => {
    const texts = ['plain\n', "ends with a quote'", "has ''' inside\n", 'tab\tand \u0007 bell\n', 'back\\slash "q" """\n', 'ends with "', '', '日本語\n'];
    for (const text of texts) {
      expect((parseToml(`a = ${tomlMultiline(text)}\n`) as { a: string }).a).toBe(text);
      expect((parseToml(`a = ${tomlBasic(text)}\n`) as { a: string }).a).toBe(text);
    }
    expect(tomlMultiline('plain\n')).toBe("'''\nplain\n'''");
  });
});

describe('the Markdown tools', () => {
  it('Gemini: tools as a YAML list of its names, no colour, a slug name (the change reported)', () => {
    const out = render('gemini', REVIEWER.replace('name: reviewer', 'name: Code Reviewer'));
    const { fields } = readToolFile('gemini', out.content);
    expect(fields).toMatchObject({ name: 'code-reviewer', kind: 'local', tools: ['read_file', 'grep_search', 'glob'], max_turns: 5 });
    expect(fields).not.toHaveProperty('color');
    expect(out.losses).toEqual(
      expect.arrayContaining([
        { kind: 'name-changed', to: 'code-reviewer' },
        { kind: 'tool-unmapped', tool: 'TodoRead' },
      ]),
    );
  });

  it('OpenCode: mode subagent, a permission map whose subagent key is task (never agent), what the tools do not name denied', () => {
    const { fields } = readToolFile('opencode', render('opencode', REVIEWER).content);
    expect(fields['mode']).toBe('subagent');
    expect(fields['permission']).toMatchObject({ read: 'allow', grep: 'allow', glob: 'allow', edit: 'deny', bash: 'deny', task: 'deny' });
    expect(fields['permission']).not.toHaveProperty('agent');
    expect(fields).not.toHaveProperty('name');
    expect(readToolFile('opencode', render('opencode', WRITER).content).fields['permission']).toMatchObject({ edit: 'allow', bash: 'allow' });
  });

  it('Cursor: readonly from a read-only tool set, model inherit (reported as mapped)', () => {
    const out = render('cursor', REVIEWER);
    expect(readToolFile('cursor', out.content).fields).toEqual({
      name: 'reviewer',
      description: 'Reviews code: finds bugs. Use when: a diff is ready',
      model: 'inherit',
      readonly: true,
    });
    expect(out.losses).toContainEqual({ kind: 'model-mapped', model: 'opus', to: 'inherit' });
    expect(readToolFile('cursor', render('cursor', WRITER).content).fields).not.toHaveProperty('readonly');
  });

  it('Copilot: its aliases; a scoped Bash is widened to execute and says so', () => {
    const out = render('copilot', WRITER);
    expect(readToolFile('copilot', out.content).fields['tools']).toEqual(['read', 'edit', 'execute']);
    expect(out.losses).toContainEqual({ kind: 'tool-widened', tool: 'Bash(git diff:*)', to: 'execute' });
  });

  it('Qwen keeps the colour; Kiro and .agents drop it', () => {
    expect(readToolFile('qwen', render('qwen', REVIEWER).content).fields['color']).toBe('blue');
    expect(readToolFile('kiro', render('kiro', REVIEWER).content).fields).not.toHaveProperty('color');
    expect(render('agents', REVIEWER).losses).toContainEqual({ kind: 'field-dropped', field: 'color' });
  });
});

describe("each tool's validator refuses what its tool does not read (negative controls)", () => {
  it('a prompt over 30,000 characters is not written for Copilot (TOOL_RENDER_INVALID)', () => {
    const long = claude('name: long\ndescription: Long\n', `${'x'.repeat(30_001)}\n`);
    let error: unknown;
    try {
      render('copilot', long);
    } catch (caught) {
      error = caught;
    }
    expect(isAgentpackError(error) && error.code).toBe('TOOL_RENDER_INVALID');
    expect(render('gemini', long).content.length).toBeGreaterThan(30_000);
  });

  it('Gemini: a colour, a comma string of tools, no description', () => {
    const gemini = toolTarget('gemini');
    expect(gemini.validate('---\nname: a\ndescription: b\ncolor: blue\n---\n\nx\n')).toContain('color is not a field this tool knows');
    expect(gemini.validate('---\nname: a\ndescription: b\ntools: read_file, glob\n---\n\nx\n')).toContain('tools must be a YAML list of strings');
    expect(gemini.validate('---\nname: a\n---\n\nx\n')).toContain('description is required');
    expect(gemini.validate('---\nname: a\ndescription: b\n---\n\nx\n')).toEqual([]);
  });

  it('Codex: a missing developer_instructions, an unknown key', () => {
    const codex = toolTarget('codex');
    expect(codex.validate('name = "a"\ndescription = "b"\n')).toContain('developer_instructions is required');
    expect(codex.validate('name = "a"\ndescription = "b"\ncolor = "blue"\ndeveloper_instructions = "x"\n')).toContain('color is not a key agentpack writes');
  });

  it('Qwen: a name with a space is written as its slug (reported); a prompt under 10 characters is refused', () => {
    const out = render('qwen', REVIEWER.replace('name: reviewer', 'name: Code Reviewer'));
    expect(readToolFile('qwen', out.content).fields['name']).toBe('code-reviewer');
    expect(out.losses).toContainEqual({ kind: 'name-changed', to: 'code-reviewer' });
    expect(toolTarget('qwen').validate('---\nname: a\ndescription: b\n---\n\nYou help.\n')).toContain('the prompt must be at least 10 characters');
    expect(toolTarget('qwen').validate('---\nname: a\ndescription: b\n---\n\nYou help me.\n')).toEqual([]);
  });

  it('OpenCode: a mode other than subagent; Copilot: no description', () => {
    expect(toolTarget('opencode').validate('---\ndescription: b\nmode: primary\n---\n\nx\n')).toContain('mode must be subagent');
    expect(toolTarget('copilot').validate('---\nname: a\n---\n\nx\n')).toContain('description is required');
  });
});
