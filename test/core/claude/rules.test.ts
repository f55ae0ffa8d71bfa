import { describe, expect, it } from 'vitest';
import { claudeDescription, claudeHooksProblem, claudeNameProblem } from '../../../src/core/claude/rules.js';
import { parseAgent } from '../../../src/core/agent/parse.js';
import { quoteColonValues } from '../../../src/core/yaml/parse.js';

/** Front-matter + body; `fm` is the text between the fences. */
const file = (fm: string, body = 'Body\n'): string => `---\n${fm}\n---\n${body}`;
const codes = (text: string): string[] => parseAgent(text).diagnostics.map((d) => d.code);

// Each row was checked against the real Claude Code 2.1.332 (test-claude/agreement.test.ts re-checks them).
describe('loadableAsIs follows what Claude Code 2.1.332 loads', () => {
  const rows: Array<[string, string, boolean, string[]]> = [
    ['blank description', file('name: t\ndescription: "   "'), true, ['DESCRIPTION_BLANK']],
    ['empty description', file('name: t\ndescription: ""'), false, ['DESCRIPTION_MISSING']],
    ['repeated key, last wins', file('name: t\ndescription: A\ndescription: B'), true, ['YAML_LENIENT']],
    ['tab indentation', file('name: t\ndescription: d\ntools:\n\t- Read'), true, ['YAML_LENIENT']],
    ['unclosed flow list', file('name: t\ndescription: d\ntools: [Read, Grep'), true, ['YAML_LENIENT', 'TOOL_UNKNOWN']],
    ['value starting with @', file('name: t\ndescription: @team agent'), true, ['YAML_LENIENT']],
    ['value starting with [', file('name: t\ndescription: [Beta] agent'), true, ['YAML_LENIENT']],
    ['undefined alias', file('name: t\ndescription: d\nfoo: *nope'), true, ['YAML_LENIENT', 'UNKNOWN_KEY']],
    ['unterminated quote', file('name: t\ndescription: "d'), false, ['YAML_INVALID']],
    ['bad indentation', file('name: t\n  x: y\ndescription: d'), false, ['YAML_INVALID']],
    ['fullwidth colon in name', file('name: a\uff1ab\ndescription: d'), false, ['NAME_INVALID']],
    ['name of 257 characters', file(`name: ${'a'.repeat(257)}\ndescription: d`), false, ['NAME_INVALID']],
    // Claude Code loads it; agentpack warns (NAME_TOO_LONG above 128: its installer will not write such a file name).
    ['name of 256 characters', file(`name: ${'a'.repeat(256)}\ndescription: d`), true, ['NAME_TOO_LONG']],
    ['--- inside a value', file('name: t\ndescription: a --- b'), true, ['FRONTMATTER_ENDS_EARLY']],
    ['--- inside the name', file('name: a---b\ndescription: d'), false, ['FRONTMATTER_ENDS_EARLY', 'DESCRIPTION_MISSING']],
    ['closed by ----', '---\nname: t\ndescription: d\n----\nBody\n', true, ['FRONTMATTER_ENDS_EARLY']],
    ['hooks as a string', file('name: t\ndescription: d\nhooks: nope'), false, ['HOOKS_BLOCK_AGENT']],
    ['PreToolUse outside hooks', file('name: t\ndescription: d\nPermissionRequest: x'), false, ['HOOKS_BLOCK_AGENT', 'UNKNOWN_KEY']],
    ['Stop outside hooks', file('name: t\ndescription: d\nStop:\n  - hooks:\n      - type: command\n        command: x'), true, ['UNKNOWN_KEY']],
    [
      'valid hooks',
      file('name: t\ndescription: d\nhooks:\n  PreToolUse:\n    - matcher: Bash\n      hooks:\n        - type: command\n          command: x'),
      true,
      [],
    ],
  ];
  it.each(rows)('%s', (_label, text, loadable, expected) => {
    const parsed = parseAgent(text);
    expect(parsed.loadableAsIs).toBe(loadable);
    expect(codes(text)).toEqual(expected);
  });

  it('keeps NAME_TOO_LONG a warning for a name Claude Code loads (256 characters)', () => {
    const parsed = parseAgent(file(`name: ${'a'.repeat(256)}\ndescription: d`));
    expect(parsed.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['warning NAME_TOO_LONG']);
    expect(parsed.spec?.name).toBe('a'.repeat(256));
  });

  it('reads a repeated key as Claude Code does: the last one wins', () => {
    expect(parseAgent(file('name: t\ndescription: First\ndescription: Second')).spec?.description).toBe('Second');
  });

  it('reads up to the first --- even inside a line, as Claude Code does', () => {
    const parsed = parseAgent(file('name: t\ndescription: a --- b'));
    expect(parsed.spec?.description).toBe('a');
    expect(parsed.diagnostics[0]).toMatchObject({ code: 'FRONTMATTER_ENDS_EARLY', line: 3, severity: 'warning' });
  });

  it('keeps a BOM not loadable (older Claude Code skips it) while Claude Code 2.1.332 would load it', () => {
    const parsed = parseAgent(`\ufeff${file('name: t\ndescription: d')}`);
    expect(parsed.loadableAsIs).toBe(false);
    expect(parsed.spec?.name).toBe('t');
  });
});

describe('Claude Code retry rewrite', () => {
  it.each([
    ['description: Use when: x', 'description: "Use when: x"'],
    ['description: a\\b "c" @d', 'description: "a\\\\b \\"c\\" @d"'],
    ['tools: [Read, Grep]', 'tools: [Read, Grep]'],
    ['tools: [Read]]', 'tools: "[Read]]"'],
    ['description: "quoted: yes"', 'description: "quoted: yes"'],
    ['description: plain', 'description: plain'],
    ['  nested: a: b', '  nested: a: b'],
    ['key2: a: b', 'key2: a: b'],
    ['\t- Read', '  - Read'],
  ])('%s', (input, output) => {
    expect(quoteColonValues(input)).toBe(output);
  });
});

describe('Claude Code rules', () => {
  it('rejects names like Claude Code', () => {
    expect(claudeNameProblem('ml-engineer')).toBeUndefined();
    expect(claudeNameProblem('-x')).toBe('dash');
    expect(claudeNameProblem('a:b')).toBe('colon');
    expect(claudeNameProblem('a\ufe55b')).toBe('colon');
    expect(claudeNameProblem('x'.repeat(257))).toBe('length');
  });

  it('turns a literal backslash-n into a newline, as Claude Code shows the description', () => {
    expect(claudeDescription('a\\nb')).toBe('a\nb');
    expect(claudeDescription('a\\tb')).toBe('a\\tb');
    expect(claudeDescription('no escapes')).toBe('no escapes');
  });

  it('shows what it shows again unchanged, so a render can write the shown text as the value', () => {
    for (const raw of ['a\\nb', 'a\\\\nb', '\\n\\n<example>', 'a\nb\n', 'a\\\nb', '\\']) {
      const shown = claudeDescription(raw);
      expect(claudeDescription(shown), JSON.stringify(raw)).toBe(shown);
      expect(shown).not.toContain('\\n');
    }
  });

  it.each([
    [{ hooks: { PreToolUse: {} } }, 'hooks.PreToolUse'],
    [{ hooks: { PreToolUse: [{ matcher: 'Bash' }] } }, 'hooks.PreToolUse'],
    [{ hooks: { PreToolUse: [{ hooks: [{ type: 'bogus' }] }] } }, 'hooks.PreToolUse'],
    [{ hooks: { PostToolUse: [{ hooks: [{ type: 'bogus' }] }] } }, undefined],
    [{ hooks: [{ matcher: 'x', hooks: [{ type: 'command' }] }] }, 'hooks'],
    [{ hooks: { matcher: 'x', hooks: [{ type: 'command' }] } }, 'hooks'],
    [{ hooks: { Nope: 3 } }, undefined],
    [{ hooks: null }, undefined],
    [{ foo: { hooks: [{ type: 'command', command: 'x' }] } }, 'foo'],
    [{ metadata: { PreToolUse: 'x' } }, undefined],
    [{ PreToolUse: [] }, undefined],
  ])('%j → %s', (data, expected) => {
    expect(claudeHooksProblem(data as Record<string, unknown>)).toBe(expected);
  });
});
