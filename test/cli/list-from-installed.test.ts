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

  it('the same name installed from elsewhere (another folder, the package) is marked with where it came from, never passed off as this catalog agent', async () => {
    const w = world();
    mkdirSync(join(w.work, 'other'), { recursive: true });
    writeFileSync(join(w.work, 'other', 'alpha.md'), '---\nname: alpha\ndescription: Another alpha\n---\n\nOther.\n');
    writeFileSync(join(w.work, 'cat', 'agents', 'ml-engineer.md'), '---\nname: ml-engineer\ndescription: A catalog ml-engineer\n---\n\nx\n');
    expect((await w.run(['install', 'alpha', '--from', 'other', '--dir', 'out'])).code).toBe(0);
    expect((await w.run(['install', 'ml-engineer', '--dir', 'out'])).code).toBe(0);
    expect((await w.run(['install', 'beta', '--from', 'cat', '--dir', 'out'])).code).toBe(0);
    const listed = await w.run(['list', '--from', 'cat', '--dir', 'out']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(rowOf(listed.stdout, 'alpha')[2]).toBe('en ok, from other');
    expect(rowOf(listed.stdout, 'ml-engineer')[2]).toBe('en ok, from package');
    // Control: the agent installed from this catalog carries no such note.
    expect(rowOf(listed.stdout, 'beta')[2]).toBe('en ok');
    const ja = await w.run(['list', '--from', 'cat', '--dir', 'out', '--lang', 'ja']);
    expect(rowOf(ja.stdout, 'alpha')[2]).toBe('en 正常、インストール元: other');
    const json = JSON.parse((await w.run(['list', '--from', 'cat', '--dir', 'out', '--json'])).stdout) as {
      agents: { name: string; installed: Record<string, { otherSource?: boolean } | null> }[];
    };
    expect(Object.fromEntries(json.agents.map((a) => [a.name, a.installed['dir']?.otherSource ?? false]))).toEqual({
      alpha: true,
      beta: false,
      'ml-engineer': true,
    });
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
