import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, runCli } from '../helpers/cli.js';

// Text before the front-matter (a `# Title`, a language line Claude Code does not read as a banner): the file is
// an agent Claude Code skips, said by status and validate, not a document ignored in silence (test-claude's
// agreement cases show the real Claude Code skips both).

const AGENT = '---\nname: reviewer\ndescription: Reviews code.\n---\n\nYou review code.\n';

function world() {
  const { env, home } = isolatedEnv();
  const agents = join(home, '.claude', 'agents');
  mkdirSync(agents, { recursive: true });
  return { env, home, agents, run: (args: string[]) => runCli(args, { env, cwd: home }) };
}

describe('text before the front-matter', () => {
  it('status and validate report CONTENT_BEFORE_FRONTMATTER for a heading or a text line first; status counts it as not loading', async () => {
    const w = world();
    writeFileSync(join(w.agents, 'reviewer.md'), `# Reviewer\n\n${AGENT}`);
    writeFileSync(join(w.agents, 'second.md'), `[English](x.md) | **日本語**\n${AGENT.replace('reviewer', 'second')}`);
    const status = await w.run(['status', '-g']);
    expect(status.code).toBe(1);
    expect(status.stdout).toMatch(/reviewer\.md {2}reviewer {2}Claude Code skips this file\n {4}warning CONTENT_BEFORE_FRONTMATTER:1/);
    expect(status.stdout).toMatch(/second\.md {2}second {2}Claude Code skips this file/);
    expect(status.stdout).toContain('Would not load: 2');
    const ja = await w.run(['status', '-g', '--lang', 'ja']);
    expect(ja.stdout).toContain('CONTENT_BEFORE_FRONTMATTER');
    const validate = await w.run(['validate', join(w.agents, 'reviewer.md')]);
    expect(validate.stdout).toContain('warning CONTENT_BEFORE_FRONTMATTER:1');
  });

  it('a document with a rule (---) and no name/description block stays a document (negative control)', async () => {
    const w = world();
    writeFileSync(join(w.agents, 'notes.md'), '# Notes\n\nSome text.\n\n---\n\nMore text.\n');
    writeFileSync(join(w.agents, 'half.md'), '# Notes\n\n---\nname: only-a-name\n---\n\nText.\n');
    const status = await w.run(['status', '-g']);
    expect(status.code, status.stdout).toBe(0);
    expect(status.stdout).toContain('notes.md  not an agent (ignored)');
    expect(status.stdout).toContain('half.md  not an agent (ignored)');
  });

  it('installed from a folder, the text is kept at the top of the body, after the front-matter', async () => {
    const w = world();
    const cat = join(w.home, 'cat');
    mkdirSync(cat);
    writeFileSync(join(cat, 'reviewer.md'), `# Reviewer\n\n${AGENT}`);
    const r = await w.run(['install', 'reviewer', '--from', cat, '--dir', 'out']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(w.home, 'out', 'reviewer.md'), 'utf8')).toBe(
      '---\nname: reviewer\ndescription: Reviews code.\n---\n\n# Reviewer\n\nYou review code.\n',
    );
  });
});
