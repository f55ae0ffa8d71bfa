import { describe, expect, it } from 'vitest';
import { fromOfFolder, isGitSourceWord, readGitSpec } from '../../../src/core/catalog/git-spec.js';

describe('readGitSpec: which --from is a repository, and what git is given', () => {
  it.each([
    ['github:wshobson/agents', { url: 'https://github.com/wshobson/agents.git' }],
    ['github:wshobson/agents.git', { url: 'https://github.com/wshobson/agents.git' }],
    ['github:o/r#main', { url: 'https://github.com/o/r.git', ref: 'main' }],
    ['github:o/r#v1.2.0:plugins/review', { url: 'https://github.com/o/r.git', ref: 'v1.2.0', folder: 'plugins/review' }],
    ['github:o/r#:agents/', { url: 'https://github.com/o/r.git', folder: 'agents' }],
    ['gitlab:group/sub/repo', { url: 'https://gitlab.com/group/sub/repo.git' }],
    ['https://example.com/team/agents.git', { url: 'https://example.com/team/agents.git' }],
    ['https://example.com/team/agents#release/2', { url: 'https://example.com/team/agents', ref: 'release/2' }],
    ['ssh://git@example.com/team/agents.git', { url: 'ssh://git@example.com/team/agents.git' }],
    ['git@github.com:o/r.git', { url: 'git@github.com:o/r.git' }],
    ['git@github.com:o/r.git#dev', { url: 'git@github.com:o/r.git', ref: 'dev' }],
    ['file:///tmp/catalog', { url: 'file:///tmp/catalog' }],
    ['FILE:///tmp/catalog', { url: 'FILE:///tmp/catalog' }],
  ])('%s is a repository', (text, spec) => {
    expect(readGitSpec(text)).toEqual({ kind: 'git', spec });
  });

  it.each(['./agents', 'agents', '/abs/path', '../x#y', 'C:\\Users\\me\\agents', 'plugins/github', 'my:folder'])('%s is a folder', (text) => {
    expect(readGitSpec(text)).toEqual({ kind: 'folder' });
  });

  it.each([
    ['http://example.com/r.git', 'scheme'],
    ['git://example.com/r.git', 'scheme'],
    ['github:onlyowner', 'form'],
    ['github:o/r/extra', 'form'],
    ['github:-o/r', 'form'],
    ['gitlab:repo', 'form'],
    ['https://', 'form'],
    ['https://example.com', 'form'],
    ['file://', 'form'],
    ['file://host/path', 'form'],
    ['https://me:secret@example.com/r.git', 'password'],
    ['github:o/r#-upload-pack=x', 'ref'],
    ['github:o/r#a..b', 'ref'],
    ['github:o/r#main:../up', 'folder'],
    ['github:o/r#main:/abs', 'folder'],
  ])('%s cannot be used (%s)', (text, reason) => {
    expect(readGitSpec(text)).toEqual({ kind: 'invalid', reason });
  });

  it('a word where agent names go is a repository only when unmistakable', () => {
    expect(isGitSourceWord('github:o/r')).toBe(true);
    expect(isGitSourceWord('https://example.com/r.git')).toBe(true);
    expect(isGitSourceWord('git@example.com:o/r')).toBe(true);
    expect(isGitSourceWord('file:///tmp/x')).toBe(true);
    // An agent name, a <plugin>:<name> selector (even a plugin named github), a folder: never.
    expect(isGitSourceWord('code-reviewer')).toBe(false);
    expect(isGitSourceWord('github:reviewer')).toBe(false);
    expect(isGitSourceWord('review-kit:pr-summarizer')).toBe(false);
    expect(isGitSourceWord('./agents')).toBe(false);
  });
});

describe('fromOfFolder: the --from of the folder a file is in', () => {
  it.each([
    ['README.md', '.'],
    ['agents/x.md', 'agents'],
    ['./team/agents/x.md', './team/agents'],
    ['/abs/x.md', '/abs'],
    ['/x.md', '/'],
    ['file:///tmp/repo#:README.md', 'file:///tmp/repo'],
    ['file:///tmp/repo#v2:agents/x.md', 'file:///tmp/repo#v2:agents'],
    ['github:acme/agents#:plugins/p/agents/x.md', 'github:acme/agents#:plugins/p/agents'],
    ['github:acme/agents#main:x.md', 'github:acme/agents#main'],
    ['git@example.com:acme/agents.git#:docs/a.md', 'git@example.com:acme/agents.git#:docs'],
  ])('%s → %s', (from, folder) => {
    expect(fromOfFolder(from)).toBe(folder);
  });
});
