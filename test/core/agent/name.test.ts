import { describe, expect, it } from 'vitest';
import {
  agentFileCandidates,
  agentFilePath,
  agentNameProblem,
  assertInstallableName,
  installNameProblem,
  isSafeAgentFile,
  MAX_AGENT_NAME_LENGTH,
  MAX_SLUG_LENGTH,
  safeJoin,
  slugOf,
} from '../../../src/core/agent/name.js';
import { AgentpackError } from '../../../src/core/errors.js';
import { contentHash } from '../../../src/core/hash.js';

/** Names from the hostile corpus and beyond: none is its own file name (validate warns), none leaves the folder. */
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

const SAFE_FILE = /^[a-z0-9]+(-[a-z0-9]+)*\.md$/;

describe('agentNameProblem: whether a name is its own portable file name (what validate warns about)', () => {
  it.each(HOSTILE_NAMES)('%s is not', (_label, name, reason) => {
    expect(agentNameProblem(name)).toBe(reason);
  });

  it.each(['ml-engineer', 'a', '0', 'code-reviewer-2', 'console', 'con-x', 'com10', 'a'.repeat(MAX_AGENT_NAME_LENGTH)])('%s is', (name) => {
    expect(agentNameProblem(name)).toBeUndefined();
  });
});

describe('installNameProblem: the names agentpack installs are the names Claude Code loads, up to the length limit', () => {
  it.each<[string, unknown, string]>([
    ['a colon', 'ops:deployer', 'colon'],
    ['a fullwidth colon (NFKC, as Claude Code reads it)', 'ops\uff1adeployer', 'colon'],
    ['a drive letter', 'C:\\x', 'colon'],
    ['a leading dash', '-linter', 'dash'],
    ['a leading dash before a path', '-rf', 'dash'],
    ['too long', 'a'.repeat(MAX_AGENT_NAME_LENGTH + 1), 'too-long'],
    ['the prototype key', '__proto__', 'reserved'],
    ['empty', '', 'type'],
    ['not a string', 42, 'type'],
    ['null', null, 'type'],
  ])('refuses %s', (_label, name, reason) => {
    expect(installNameProblem(name)).toBe(reason);
    const thrown = (() => {
      try {
        assertInstallableName(name);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(AgentpackError);
    expect((thrown as AgentpackError).code).toBe('AGENT_NAME_UNSAFE');
    expect((thrown as AgentpackError).params['reason']).toBe(reason);
    expect(() => agentFileCandidates(name)).toThrow(expect.objectContaining({ code: 'AGENT_NAME_UNSAFE' }));
  });

  it.each([
    'ml-engineer',
    'Backend Architect',
    'powershell-5.1-expert',
    'K8s.Deploy_Helper',
    'レビュー担当',
    'Test Runner (CI)',
    'a-',
    'con',
    'constructor',
    '../../.bashrc',
    'a'.repeat(MAX_AGENT_NAME_LENGTH),
  ])('accepts %j', (name) => {
    expect(installNameProblem(name)).toBeUndefined();
  });

  it('shortens a megabyte-long name in the error', () => {
    try {
      assertInstallableName('x'.repeat(1_000_000));
      expect.unreachable();
    } catch (error) {
      expect(String((error as AgentpackError).params['name']).length).toBeLessThanOrEqual(80);
    }
  });
});

describe('slugOf: lowercase ASCII letters, digits and single hyphens', () => {
  it.each([
    ['ml-engineer', 'ml-engineer'],
    ['Backend Architect', 'backend-architect'],
    ['powershell-5.1-expert', 'powershell-5-1-expert'],
    ['API v2 Designer', 'api-v2-designer'],
    ['Archivist', 'archivist'],
    ['Code Reviewer', 'code-reviewer'],
    ['Data Pipeline Builder', 'data-pipeline-builder'],
    ['K8s.Deploy_Helper', 'k8s-deploy-helper'],
    ['node.js-upgrader', 'node-js-upgrader'],
    ['release_manager', 'release-manager'],
    ['SQL_Optimizer', 'sql-optimizer'],
    ['Test Runner (CI)', 'test-runner-ci'],
    ['docs_contributor', 'docs-contributor'],
    ['レビュー担当', ''],
    ['Café Crème', 'cafe-creme'],
    ['ｍｌ－ｅｎｇｉｎｅｅｒ', 'ml-engineer'],
    ['  --a__b--  ', 'a-b'],
    ['../../.bashrc', 'bashrc'],
    ['a\0b\nc', 'a-b-c'],
    ['-', ''],
    ['', ''],
  ])('%j → %j', (name, slug) => {
    expect(slugOf(name)).toBe(slug);
  });
});

describe('agentFileCandidates: the file names a name may take, best first', () => {
  const hash = (name: string, length: number): string => contentHash(name).slice('sha256:'.length, 'sha256:'.length + length);

  it.each([
    ['ml-engineer', 'ml-engineer.md'],
    ['Backend Architect', 'backend-architect.md'],
    ['powershell-5.1-expert', 'powershell-5-1-expert.md'],
    ['Test Runner (CI)', 'test-runner-ci.md'],
  ])('%j is installed as %s first', (name, file) => {
    expect(agentFileCandidates(name)[0]).toBe(file);
  });

  it('a lowercase-hyphen name keeps <name>.md (installs from before slugs are unchanged)', () => {
    for (const name of ['ml-engineer', 'a', '0', 'code-reviewer-2', 'console', 'com10', 'a'.repeat(MAX_SLUG_LENGTH)])
      expect(agentFileCandidates(name)[0]).toBe(`${name}.md`);
  });

  it("then the slug with a suffix of the name's sha256, 8, 16 and 64 hex digits: two names with one slug part there", () => {
    expect(agentFileCandidates('Code Reviewer')).toEqual([
      'code-reviewer.md',
      `code-reviewer-${hash('Code Reviewer', 8)}.md`,
      `code-reviewer-${hash('Code Reviewer', 16)}.md`,
      `code-reviewer-${hash('Code Reviewer', 64)}.md`,
    ]);
    expect(agentFileCandidates('code-reviewer')[1]).toBe(`code-reviewer-${hash('code-reviewer', 8)}.md`);
    expect(agentFileCandidates('code-reviewer')[1]).not.toBe(agentFileCandidates('Code Reviewer')[1]);
  });

  it('an empty slug has only hash names: agent-<hash>.md (deterministic)', () => {
    expect(agentFileCandidates('レビュー担当')).toEqual([
      'agent-71cb4542.md',
      'agent-71cb45425330a2aa.md',
      'agent-71cb45425330a2aad97af3fca4d956a3984874ea535fe6f0449a941ae8405ab3.md',
    ]);
  });

  it('a device name (any case) is never a file name on its own', () => {
    expect(agentFileCandidates('con')[0]).toBe(`con-${hash('con', 8)}.md`);
    expect(agentFileCandidates('NUL')[0]).toBe(`nul-${hash('NUL', 8)}.md`);
    expect(agentFileCandidates('Com1')[0]).toBe(`com1-${hash('Com1', 8)}.md`);
  });

  it(`a slug over ${MAX_SLUG_LENGTH} characters is cut (no trailing hyphen) to fit its suffix within ${MAX_SLUG_LENGTH}`, () => {
    const name = `${'word-'.repeat(25)}end`;
    const candidates = agentFileCandidates(name);
    expect(slugOf(name).length).toBeGreaterThan(MAX_SLUG_LENGTH);
    expect(candidates[0]).toBe(`${'word-'.repeat(18)}w-${hash(name, 8)}.md`);
    for (const file of candidates) expect(file.length - '.md'.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    // Cut right after a hyphen (91 = 13 × 7 characters): the hyphen goes, the suffix keeps its own.
    const onHyphen = `${'abcdef-'.repeat(16)}x`;
    expect(agentFileCandidates(onHyphen)[0]).toBe(`${'abcdef-'.repeat(12)}abcdef-${hash(onHyphen, 8)}.md`);
    expect(agentFileCandidates('a'.repeat(MAX_SLUG_LENGTH + 1))[0]).toBe(`${'a'.repeat(MAX_SLUG_LENGTH - 9)}-${hash('a'.repeat(MAX_SLUG_LENGTH + 1), 8)}.md`);
  });

  it('every candidate of every installable hostile name is a safe file directly inside the folder', () => {
    for (const [, name] of HOSTILE_NAMES) {
      if (installNameProblem(name) !== undefined) continue;
      for (const file of agentFileCandidates(name)) {
        expect(file).toMatch(SAFE_FILE);
        expect(isSafeAgentFile(file)).toBe(true);
        expect(agentFilePath({ dir: '/tmp/agents', file })).toBe(`/tmp/agents/${file}`);
      }
    }
  });
});

describe('isSafeAgentFile / agentFilePath', () => {
  it.each(['ml-engineer.md', 'a.md', 'code-reviewer-92253f9b.md', `${'a'.repeat(MAX_AGENT_NAME_LENGTH)}.md`])('accepts %s', (file) => {
    expect(isSafeAgentFile(file)).toBe(true);
    expect(agentFilePath({ dir: '/tmp/agents', file })).toBe(`/tmp/agents/${file}`);
  });

  it.each([
    '',
    '.md',
    'a',
    'A.md',
    'a b.md',
    'a--b.md',
    '-a.md',
    'a-.md',
    'a.b.md',
    '../a.md',
    'a/b.md',
    'con.md',
    'lpt1.md',
    '.agentpack.json',
    'a.md.bak',
    `${'a'.repeat(MAX_AGENT_NAME_LENGTH + 1)}.md`,
  ])('refuses %j (PATH_UNSAFE)', (file) => {
    expect(isSafeAgentFile(file)).toBe(false);
    expect(() => agentFilePath({ dir: '/tmp/agents', file })).toThrow(expect.objectContaining({ code: 'PATH_UNSAFE' }));
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
