import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, runCli } from '../helpers/cli.js';

// `list --from <catalog>` with -g, -p or --dir (ux-review defect 16): a user browsing a catalog sees which of its
// agents are installed in the folders named, a column per folder, as `list` shows the package's agents.

function world() {
  const { env, home } = isolatedEnv();
  const work = join(home, 'work');
  const agents = join(work, 'cat', 'agents');
  mkdirSync(agents, { recursive: true });
  writeFileSync(join(agents, 'alpha.md'), '---\nname: alpha\ndescription: First agent\n---\n\nAlpha.\n');
  writeFileSync(join(agents, 'beta.md'), '---\nname: beta\ndescription: Second agent\n---\n\nBeta.\n');
  return { env, home, work, run: (args: string[]) => runCli(args, { env, cwd: work }) };
}

const rowOf = (stdout: string, name: string): string[] =>
  (stdout.split('\n').find((line) => line.startsWith(`${name} `)) ?? '').split(/ {2,}/).map((cell) => cell.trim());

describe('list --from <catalog> with a folder named', () => {
  it('a column per folder: installed, not installed, edited; in both languages and in --json', async () => {
    const w = world();
    expect((await w.run(['install', 'alpha', '--from', 'cat', '--dir', 'out'])).code).toBe(0);
    const listed = await w.run(['list', '--from', 'cat', '--dir', 'out']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(rowOf(listed.stdout, 'AGENT')).toEqual(['AGENT', 'LANGUAGES', 'FOLDER', 'FILE', 'DESCRIPTION']);
    expect(rowOf(listed.stdout, 'alpha')).toEqual(['alpha', 'en', 'en ok', 'agents/alpha.md', 'First agent']);
    expect(rowOf(listed.stdout, 'beta')).toEqual(['beta', 'en', '-', 'agents/beta.md', 'Second agent']);

    appendFileSync(join(w.work, 'out', 'alpha.md'), 'My note.\n');
    const both = await w.run(['list', '--from', 'cat', '--dir', 'out', '-g', '--lang', 'ja']);
    expect(both.code, both.stderr).toBe(0);
    expect(rowOf(both.stdout, 'エージェント')).toEqual(['エージェント', '言語', 'ユーザー', 'フォルダー', 'ファイル', '説明']);
    expect(rowOf(both.stdout, 'alpha')).toEqual(['alpha', 'en', '-', 'en 編集済み', 'agents/alpha.md', 'First agent']);

    const json = await w.run(['list', '--from', 'cat', '--dir', 'out', '--json']);
    const agents = (JSON.parse(json.stdout) as { agents: { name: string; installed: Record<string, { locale: string; state: string } | null> }[] }).agents;
    expect(agents.map((a) => [a.name, a.installed['dir']?.state ?? null])).toEqual([
      ['alpha', 'modified'],
      ['beta', null],
    ]);
  });

  it('without -g, -p or --dir the catalog alone, as before (control: no folder column, no installed key)', async () => {
    const w = world();
    expect((await w.run(['install', 'alpha', '--from', 'cat'])).code).toBe(0);
    const listed = await w.run(['list', '--from', 'cat']);
    expect(rowOf(listed.stdout, 'AGENT')).toEqual(['AGENT', 'LANGUAGES', 'FILE', 'DESCRIPTION']);
    const json = JSON.parse((await w.run(['list', '--from', 'cat', '--json'])).stdout) as { agents: Record<string, unknown>[] };
    expect(json.agents.every((a) => !('installed' in a))).toBe(true);
    const user = await w.run(['list', '--from', 'cat', '-g']);
    expect(rowOf(user.stdout, 'alpha')).toEqual(['alpha', 'en', 'en ok', 'agents/alpha.md', 'First agent']);
  });

  it('lists a catalog in name order without regard to case (alpha, jp-only, My_Agent, Zeta)', async () => {
    const w = world();
    for (const name of ['Zeta', 'My_Agent', 'jp-only'])
      writeFileSync(join(w.work, 'cat', 'agents', `${name}.md`), `---\nname: ${name}\ndescription: d\n---\n\nx\n`);
    const listed = await w.run(['list', '--from', 'cat']);
    const names = listed.stdout
      .split('\n')
      .slice(2)
      .map((line) => line.split(' ')[0])
      .filter((n) => n !== '');
    expect(names).toEqual(['alpha', 'beta', 'jp-only', 'My_Agent', 'Zeta']);
    const json = JSON.parse((await w.run(['list', '--from', 'cat', '--json'])).stdout) as { agents: { name: string }[] };
    expect(json.agents.map((a) => a.name)).toEqual(names);
  });
});
