import { describe, expect, it } from 'vitest';
import { agentFileCandidates } from '../../../src/core/agent/name.js';
import { emptyManifest, withEntry, type Manifest, type ManifestEntry } from '../../../src/core/manifest/manifest.js';
import { assignAgentFiles, filesToInspect } from '../../../src/core/plan/agent-files.js';

const H = `sha256:${'a'.repeat(64)}`;
const entry = (file?: string): ManifestEntry => ({ locale: 'en', packageVersion: '1', sourceHash: H, sha256: H, ...(file ? { file } : {}) });
const manifestOf = (entries: [string, string | undefined][]): Manifest =>
  entries.reduce((m, [agent, file]) => withEntry({ manifest: m, agent, entry: entry(file) }), emptyManifest());
const second = (name: string): string => agentFileCandidates(name)[1] ?? '';

describe('assignAgentFiles: the file each agent takes in one folder', () => {
  it.each<[string, { agents: string[]; manifest?: [string, string | undefined][]; occupants?: [string, string | null][] }, Record<string, string>]>([
    [
      'the slug of each name',
      { agents: ['Backend Architect', 'ml-engineer'] },
      { 'Backend Architect': 'backend-architect.md', 'ml-engineer': 'ml-engineer.md' },
    ],
    [
      'a recorded agent keeps its file; an entry without one means <name>.md',
      {
        agents: ['Backend Architect'],
        manifest: [
          ['Backend Architect', 'backend-architect-12345678.md'],
          ['ml-engineer', undefined],
        ],
      },
      { 'Backend Architect': 'backend-architect-12345678.md', 'ml-engineer': 'ml-engineer.md' },
    ],
    [
      'a file another recorded agent holds is taken: the next candidate',
      { agents: ['code-reviewer'], manifest: [['Code Reviewer', 'code-reviewer.md']] },
      { 'Code Reviewer': 'code-reviewer.md', 'code-reviewer': second('code-reviewer') },
    ],
    [
      'two new names with one slug: the name that is its own slug keeps it, whatever the order',
      { agents: ['Code Reviewer', 'code-reviewer'] },
      { 'Code Reviewer': second('Code Reviewer'), 'code-reviewer': 'code-reviewer.md' },
    ],
    [
      'the same in the other order',
      { agents: ['code-reviewer', 'Code Reviewer'] },
      { 'Code Reviewer': second('Code Reviewer'), 'code-reviewer': 'code-reviewer.md' },
    ],
    [
      'otherwise code-unit order decides',
      { agents: ['Code reviewer', 'Code Reviewer'] },
      { 'Code Reviewer': 'code-reviewer.md', 'Code reviewer': second('Code reviewer') },
    ],
    [
      'a file there that declares another name is taken',
      { agents: ['Code Reviewer'], occupants: [['code-reviewer.md', 'my-reviewer']] },
      { 'Code Reviewer': second('Code Reviewer') },
    ],
    [
      'a file there that declares this name is its own (a render to recover, or a file the ownership rule guards)',
      { agents: ['Code Reviewer'], occupants: [['code-reviewer.md', 'Code Reviewer']] },
      { 'Code Reviewer': 'code-reviewer.md' },
    ],
    [
      'a file there that declares no name is not another agent: the ownership rule guards it',
      { agents: ['ml-engineer'], occupants: [['ml-engineer.md', null]] },
      { 'ml-engineer': 'ml-engineer.md' },
    ],
    [
      'after a crash both files are there: each finds its own',
      {
        agents: ['Code Reviewer', 'code-reviewer'],
        occupants: [
          ['code-reviewer.md', 'code-reviewer'],
          [second('Code Reviewer'), 'Code Reviewer'],
        ],
      },
      { 'Code Reviewer': second('Code Reviewer'), 'code-reviewer': 'code-reviewer.md' },
    ],
    ['a name agentpack does not install has no file', { agents: ['ops:deployer', '-linter', 'a'] }, { a: 'a.md' }],
  ])('%s', (_label, { agents, manifest, occupants }, expected) => {
    const files = assignAgentFiles({ agents, manifest: manifestOf(manifest ?? []), occupants: new Map(occupants ?? []) });
    expect(Object.fromEntries(files)).toEqual(expected);
  });

  it('when every candidate is taken, the last one (the full hash) is given: the planner then meets the file there', () => {
    const candidates = agentFileCandidates('Code Reviewer');
    const occupants = new Map(candidates.map((f): [string, string] => [f, 'someone else']));
    expect(assignAgentFiles({ agents: ['Code Reviewer'], manifest: emptyManifest(), occupants }).get('Code Reviewer')).toBe(candidates.at(-1));
  });
});

describe('filesToInspect: what io reads before choosing', () => {
  it('only candidates of unrecorded agents that are present and not recorded by another', () => {
    const manifest = manifestOf([['Code Reviewer', 'code-reviewer.md']]);
    const present = new Set(['code-reviewer.md', second('code-reviewer'), 'archivist.md', 'other.md']);
    expect(filesToInspect({ agents: ['Code Reviewer', 'code-reviewer', 'Archivist', 'ops:x'], manifest, present })).toEqual(
      ['archivist.md', second('code-reviewer')].sort(),
    );
  });
});
