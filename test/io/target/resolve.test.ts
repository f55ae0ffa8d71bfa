import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProjectRoot, resolveTarget, userAgentsDir } from '../../../src/io/target/resolve.js';
import { tempDir } from '../../helpers/cli.js';

describe('targets', () => {
  it('user scope: ~/.claude/agents from HOME, or $CLAUDE_CONFIG_DIR/agents when set', () => {
    expect(userAgentsDir({ env: { HOME: '/h' }, cwd: '/w' })).toBe(join('/h', '.claude', 'agents'));
    expect(userAgentsDir({ env: { HOME: '/h', CLAUDE_CONFIG_DIR: '/c' }, cwd: '/w' })).toBe(join('/c', 'agents'));
    expect(userAgentsDir({ env: { HOME: '/h', CLAUDE_CONFIG_DIR: 'rel' }, cwd: '/w' })).toBe(join('/w', 'rel', 'agents'));
    expect(userAgentsDir({ env: { HOME: '/h', CLAUDE_CONFIG_DIR: '' }, cwd: '/w' })).toBe(join('/h', '.claude', 'agents'));
  });

  it('project scope: nearest folder with .git or .claude upwards from the working folder', () => {
    const root = tempDir();
    const home = join(root, 'home');
    const project = join(home, 'work', 'proj');
    mkdirSync(join(project, '.git'), { recursive: true });
    mkdirSync(join(project, 'packages', 'app', '.claude'), { recursive: true });
    mkdirSync(join(project, 'src', 'deep'), { recursive: true });
    expect(findProjectRoot({ cwd: join(project, 'src', 'deep'), home })).toBe(project);
    expect(findProjectRoot({ cwd: join(project, 'packages', 'app'), home })).toBe(join(project, 'packages', 'app'));
    expect(resolveTarget({ scope: 'project', env: { HOME: home }, cwd: join(project, 'src') }).dir).toBe(join(project, '.claude', 'agents'));
  });

  it('project scope never picks the home folder, whose .claude is the user scope', () => {
    const root = tempDir();
    const home = join(root, 'home');
    mkdirSync(join(home, '.claude'), { recursive: true });
    mkdirSync(join(home, 'notes', 'sub'), { recursive: true });
    expect(findProjectRoot({ cwd: join(home, 'notes', 'sub'), home })).toBe(join(home, 'notes', 'sub'));
    expect(findProjectRoot({ cwd: home, home })).toBeUndefined();
    expect(() => resolveTarget({ scope: 'project', env: { HOME: home }, cwd: home })).toThrow(/PROJECT_IS_HOME/);
  });

  it('--dir resolves against the working folder', () => {
    expect(resolveTarget({ scope: 'dir', dir: 'x/agents', env: {}, cwd: '/w' }).dir).toBe(join('/w', 'x', 'agents'));
  });
});

describe('targets through a symlinked home', () => {
  it('a HOME that is a link to the real home folder is still never a project', () => {
    const root = tempDir();
    const real = join(root, 'real-home');
    mkdirSync(join(real, '.claude'), { recursive: true });
    mkdirSync(join(real, 'notes'));
    symlinkSync(real, join(root, 'home-link'));
    expect(findProjectRoot({ cwd: join(real, 'notes'), home: join(root, 'home-link') })).toBe(join(real, 'notes'));
    expect(findProjectRoot({ cwd: real, home: join(root, 'home-link') })).toBeUndefined();
  });
});
