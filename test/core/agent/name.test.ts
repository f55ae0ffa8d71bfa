import { describe, expect, it } from 'vitest';
import {
  agentFileName,
  agentFilePath,
  agentNameProblem,
  assertSafeAgentName,
  isSafeAgentName,
  MAX_AGENT_NAME_LENGTH,
  safeJoin,
} from '../../../src/core/agent/name.js';
import { AgentpackError } from '../../../src/core/errors.js';

/** Names from the hostile corpus and beyond: none may become a file name. */
const HOSTILE_NAMES: [string, unknown, 'pattern' | 'too-long' | 'reserved'][] = [
  ['relative path out', '../../.bashrc', 'pattern'],
  ['absolute path', '/etc/passwd', 'pattern'],
  ['parent', '..', 'pattern'],
  ['self', '.', 'pattern'],
  ['subfolder', 'a/b', 'pattern'],
  ['backslashes', '..\\..\\evil', 'pattern'],
  ['drive letter', 'C:\\x', 'pattern'],
  ['NUL', 'a\0b', 'pattern'],
  ['newline', 'a\nb', 'pattern'],
  ['trailing newline', 'ml-engineer\n', 'pattern'],
  ['CR', 'a\rb', 'pattern'],
  ['leading dash', '-rf', 'pattern'],
  ['double dash', 'a--b', 'pattern'],
  ['trailing dash', 'a-', 'pattern'],
  ['upper case', 'CON', 'pattern'],
  ['Unicode hyphen', 'ml\u2010engineer', 'pattern'],
  ['fullwidth letters', 'ｍｌ', 'pattern'],
  ['dotted', 'agent.md', 'pattern'],
  ['space', 'a b', 'pattern'],
  ['empty', '', 'pattern'],
  ['escape sequence', '\u001b[2J', 'pattern'],
  ['not a string', 42, 'pattern'],
  ['null', null, 'pattern'],
  ['Windows device con', 'con', 'reserved'],
  ['Windows device nul', 'nul', 'reserved'],
  ['Windows device aux', 'aux', 'reserved'],
  ['Windows device prn', 'prn', 'reserved'],
  ['Windows device com1', 'com1', 'reserved'],
  ['Windows device lpt9', 'lpt0', 'reserved'],
  ['too long', 'a'.repeat(MAX_AGENT_NAME_LENGTH + 1), 'too-long'],
];

describe('isSafeAgentName / assertSafeAgentName', () => {
  it.each(HOSTILE_NAMES)('refuses %s', (_label, name, reason) => {
    expect(isSafeAgentName(name)).toBe(false);
    expect(agentNameProblem(name)).toBe(reason);
    let thrown: unknown;
    try {
      assertSafeAgentName(name);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AgentpackError);
    expect((thrown as AgentpackError).code).toBe('AGENT_NAME_UNSAFE');
    expect((thrown as AgentpackError).params['reason']).toBe(reason);
    expect(() => agentFilePath({ dir: '/tmp/agents', name })).toThrow(AgentpackError);
  });

  it.each(['ml-engineer', 'a', '0', 'code-reviewer-2', 'console', 'con-x', 'com10', 'a'.repeat(MAX_AGENT_NAME_LENGTH)])('accepts %s', (name) => {
    expect(isSafeAgentName(name)).toBe(true);
    expect(() => assertSafeAgentName(name)).not.toThrow();
    expect(agentFileName(name)).toBe(`${name}.md`);
    expect(agentFilePath({ dir: '/tmp/agents', name })).toBe(`/tmp/agents/${name}.md`);
  });

  it('shortens a megabyte-long name in the error', () => {
    try {
      assertSafeAgentName('x'.repeat(1_000_000));
      expect.unreachable();
    } catch (error) {
      expect(String((error as AgentpackError).params['name']).length).toBeLessThanOrEqual(80);
    }
  });
});

describe('safeJoin', () => {
  it.each(['', '.', '..', '../x.md', 'a/b.md', '/etc/passwd', 'a\\b.md', 'C:x.md', 'x.md:stream', 'a\0.md', 'a\n.md', '..\\x'])('refuses %j', (file) => {
    expect(() => safeJoin({ dir: '/tmp/agents', file })).toThrow(expect.objectContaining({ code: 'PATH_UNSAFE' }));
  });

  it('refuses a relative or NUL-containing folder (the result would depend on the working directory)', () => {
    expect(() => safeJoin({ dir: 'agents', file: 'x.md' })).toThrow(expect.objectContaining({ code: 'PATH_UNSAFE' }));
    expect(() => safeJoin({ dir: '/tmp/a\0b', file: 'x.md' })).toThrow(expect.objectContaining({ code: 'PATH_UNSAFE' }));
  });

  it('joins one plain file name as a direct child, normalising the folder', () => {
    expect(safeJoin({ dir: '/tmp/agents', file: 'x.md' })).toBe('/tmp/agents/x.md');
    expect(safeJoin({ dir: '/tmp/agents/', file: 'x.md' })).toBe('/tmp/agents/x.md');
    expect(safeJoin({ dir: '/tmp/other/../agents', file: '.agentpack.json' })).toBe('/tmp/agents/.agentpack.json');
  });
});
