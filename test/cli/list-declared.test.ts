/**
 * `list` reads only what its report needs from a crowded agents folder (issue 7): the files that could
 * declare a package agent's name are parsed, the rest skipped by a byte check. The check must never miss
 * a declaration, however the YAML spells the name.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, runCli } from '../helpers/cli.js';

type Listed = { agents: Array<{ name: string; installed: { user: { state: string; path: string } | null } }> };

async function userStateWith(files: Record<string, string>): Promise<{ state: string; path: string } | null> {
  const { env, home } = isolatedEnv();
  const agents = join(home, '.claude', 'agents');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(agents, rel, '..'), { recursive: true });
    writeFileSync(join(agents, rel), text);
  }
  const r = await runCli(['list', '--json'], { env });
  expect(r.code, r.stderr).toBe(0);
  const listed = JSON.parse(r.stdout) as Listed;
  const entry = listed.agents.find((a) => a.name === 'ml-engineer')?.installed.user ?? null;
  return entry && { state: entry.state, path: entry.path.slice(agents.length + 1) };
}

const file = (name: string): string => `---\nname: ${name}\ndescription: d\n---\nbody\n`;

describe('list: files declaring a package agent elsewhere in the folder', () => {
  it.each([
    ['plain', 'ml-engineer'],
    ['double-quoted with an escape', '"ml\\x2dengineer"'],
    ['double-quoted with an escaped line break', '"ml-\\\n  engineer"'],
    ['single-quoted', "'ml-engineer'"],
  ])('finds a %s name', async (_label, spelled) => {
    const filler = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`filler-${i}.md`, file(`filler-${i}`)]));
    expect(await userStateWith({ ...filler, 'nested/other.md': file(spelled) })).toEqual({ state: 'foreign', path: 'nested/other.md' });
  });

  it('reports nothing for names that only contain it, or files that are not agents (negative controls)', async () => {
    expect(await userStateWith({ 'a.md': file('ml-engineer-2'), 'b.md': '# ml-engineer\n', 'c.md': file('"ml-engineer "') })).toBeNull();
  });
});
