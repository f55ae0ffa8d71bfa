import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandLine, pickCommand, shellWord, sourceFlags } from '../../src/core/hints.js';

/** Words a hint may carry: agent names, locales, folders as typed, paths inside a source. */
const WORDS = [
  'ml-engineer',
  'plugins/backend/agents/test-writer.md',
  '/tmp/agents',
  'team:helper',
  'a=b,c@d%e+f',
  '',
  'my dir',
  "it's",
  '$HOME',
  '`id`',
  'a;b',
  'a|b',
  '*.md',
  '!x',
  'line\nbreak',
  '日本語/エージェント',
  '~',
  '~/src',
  '~root',
  '/tmp/a~b',
  'x=~/y',
  '/tmp/a:~/b',
  '-rf',
];

/** What a POSIX shell makes of a command line: the words it passes on, with HOME set so that `~` would show. */
function wordsThrough(shell: string, line: string): string[] {
  const out = execFileSync(shell, ['-c', `printf '%s\\0' ${line}`], {
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: '/home-was-expanded' },
  });
  return out.split('\0').slice(0, -1);
}

describe('shellWord: the one quoting of every hint', () => {
  it('leaves the plain words of a command as they are', () => {
    for (const word of ['ml-engineer', 'plugins/backend/agents/test-writer.md', '/tmp/agents', 'team:helper', 'a=b,c@d%e+f', '-rf', '--pick'])
      expect(shellWord(word)).toBe(word);
  });

  it("quotes every `~`, wherever it is: the user's shell left it alone, so pasting the hint must too", () => {
    expect(shellWord('~')).toBe("'~'");
    expect(shellWord('~/src')).toBe("'~/src'");
    expect(shellWord('/tmp/a~b')).toBe("'/tmp/a~b'");
    expect(shellWord("it's")).toBe("'it'\\''s'");
    expect(shellWord('')).toBe("''");
  });

  for (const shell of ['sh', 'bash'].filter((s) => ['/bin/', '/usr/bin/'].some((dir) => existsSync(`${dir}${s}`)))) {
    it(`${shell} turns each quoted word back into exactly that word (no expansion, no splitting)`, () => {
      expect(wordsThrough(shell, WORDS.map(shellWord).join(' '))).toEqual(WORDS);
    });
  }
});

describe('commandLine: the one builder of every hint', () => {
  it('puts the words, then the scope, then --from/--pick, then --root, each quoted', () => {
    expect(commandLine({ args: ['install', 'ml-engineer'] })).toBe('agentpack install ml-engineer');
    expect(commandLine({ args: ['install', 'x', '--force'], target: { scope: 'user', dir: '/home/u/.claude/agents' } })).toBe('agentpack install x --force');
    expect(commandLine({ args: ['locale', 'ja'], target: { scope: 'project', dir: '/p/.claude/agents' } })).toBe('agentpack locale ja --project');
    expect(commandLine({ args: ['diff', 'x'], target: { scope: 'dir', dir: '/tmp/my dir' } })).toBe("agentpack diff x --dir '/tmp/my dir'");
    expect(commandLine({ args: ['list'], from: 'my src', picks: ['a.md', 'b c.md'] })).toBe("agentpack list --from 'my src' --pick a.md --pick 'b c.md'");
    expect(commandLine({ args: ['i18n', 'stamp', 'x', '--locale', 'ja'], root: 'cat copy' })).toBe("agentpack i18n stamp x --locale ja --root 'cat copy'");
    expect(commandLine({ args: ['validate'], root: undefined, from: undefined })).toBe('agentpack validate');
  });

  it('keeps the order the hints always had: a --pick retry after the scope, a --force suggestion with its source before --force', () => {
    const retry = { args: ['install', 'test-writer', '--locale', 'ja'], target: { scope: 'dir' as const, dir: '/tmp/out' }, from: 'plugin-tree' };
    expect(pickCommand({ retry, path: 'plugins/backend/agents/test-writer.md' })).toBe(
      'agentpack install test-writer --locale ja --dir /tmp/out --from plugin-tree --pick plugins/backend/agents/test-writer.md',
    );
    expect(pickCommand({ retry: { args: ['show', 'x'], from: 'src', picks: ['y.md'] }, path: 'x.md' })).toBe(
      'agentpack show x --from src --pick y.md --pick x.md',
    );
    const force = ['update', 'ml-engineer', ...sourceFlags({ from: 'team', picks: [] }), '--force'];
    expect(commandLine({ args: force, target: { scope: 'dir', dir: '/tmp/out' } })).toBe('agentpack update ml-engineer --from team --force --dir /tmp/out');
    expect(sourceFlags({ from: undefined, picks: ['ignored.md'] })).toEqual([]);
  });
});
