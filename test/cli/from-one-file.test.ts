import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, runCli } from '../helpers/cli.js';
import { fixtureRepo, gitEnv } from '../helpers/git.js';
import { runInPty } from '../helpers/pty.js';
import { hashTree } from '../helpers/tree.js';

// `--from <file>` names one agent file (ux-review defects 22 and 30): the file alone says which agent to
// install, and a file that defines none (a README, front-matter without a name) is said to be so.

const AGENT_FILE = '---\nname: code-tidier\ndescription: Tidies code when asked to clean up a file\n---\n\nYou tidy code.\n';

function world() {
  const { env, home } = isolatedEnv();
  const work = join(home, 'work');
  mkdirSync(join(work, 'agents'), { recursive: true });
  writeFileSync(join(work, 'agents', 'code-tidier.md'), AGENT_FILE);
  writeFileSync(join(work, 'README.md'), '# My agents\n\nSee agents/.\n');
  writeFileSync(join(work, 'nameless.md'), '---\ndescription: Has no name\n---\n\nBody.\n');
  writeFileSync(join(work, 'unclosed.md'), '---\nname: x\ndescription: y\nBody without the closing fence.\n');
  return { env, home, work, run: (args: string[]) => runCli(args, { env, cwd: work }) };
}

describe('--from one file', () => {
  it('install --from <file> with no name installs the agent it defines, as naming it would', async () => {
    const w = world();
    const bare = await w.run(['install', '--from', 'agents/code-tidier.md', '--dir', 'a']);
    expect(bare.code, bare.stderr).toBe(0);
    expect(bare.stdout).toContain(`Installed code-tidier (en): ${join(w.work, 'a', 'code-tidier.md')}`);
    const named = await w.run(['install', 'code-tidier', '--from', 'agents/code-tidier.md', '--dir', 'b']);
    expect(named.code, named.stderr).toBe(0);
    expect(readFileSync(join(w.work, 'a', 'code-tidier.md'), 'utf8')).toBe(AGENT_FILE);
    for (const file of ['code-tidier.md', '.agentpack.json'])
      expect(readFileSync(join(w.work, 'a', file), 'utf8'), file).toBe(readFileSync(join(w.work, 'b', file), 'utf8'));
    // A folder still needs names (or --all): the one-file rule does not widen a run.
    const folder = await w.run(['install', '--from', 'agents', '--dir', 'c']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('Name at least one agent, or use --all.');
    expect(existsSync(join(w.work, 'c'))).toBe(false);
  });

  it.each([
    ['README.md', 'en'],
    ['nameless.md', 'en'],
    ['README.md', 'ja'],
  ])('list, show and install --from %s (%s) say the file is not an agent, exit 1, and write nothing', async (file, lang) => {
    const w = world();
    const before = hashTree(w.home);
    for (const args of [['list'], ['show', 'x'], ['install'], ['install', 'x', '--dir', 'd']]) {
      const r = await w.run([...args, '--from', file, '--lang', lang]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(1);
      expect(r.stdout).toBe('');
      if (lang === 'en') {
        expect(r.stderr).toContain(`error FROM_NOT_AGENT: ${file} is not an agent definition: it does not start with front-matter that has a name.`);
        expect(r.stderr).toContain('The agents of the folder it is in: agentpack list --from .');
      } else {
        expect(r.stderr).toContain(`エラー FROM_NOT_AGENT: ${file} はエージェント定義ではありません（name を含むフロントマターで始まっていません）。`);
        expect(r.stderr).toContain('同じフォルダーのエージェントの一覧: agentpack list --from .');
      }
    }
    expect(hashTree(w.home)).toEqual(before);
    const json = await w.run(['list', '--from', file, '--json']);
    expect(json.code).toBe(1);
    expect((JSON.parse(json.stdout) as { error: { code: string } }).error.code).toBe('FROM_NOT_AGENT');
  });

  it('install --from <file> --as <name> renames the one agent the file defines; a folder still needs a name for --as', async () => {
    const w = world();
    const r = await w.run(['install', '--from', 'agents/code-tidier.md', '--as', 'neat', '--dir', 'a']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(w.work, 'a', 'neat.md'), 'utf8')).toBe(AGENT_FILE.replace('name: code-tidier', 'name: neat'));
    const folder = await w.run(['install', '--from', 'agents', '--as', 'neat', '--dir', 'b']);
    expect(folder.code).toBe(2);
    expect(existsSync(join(w.work, 'b'))).toBe(false);
  });

  it('a file whose front-matter cannot be read is FROM_UNREADABLE (exit 1), with the validate command; nothing written', async () => {
    const w = world();
    for (const [lang, message, hint] of [
      ['en', 'error FROM_UNREADABLE: unclosed.md cannot be read as an agent definition', 'See what is wrong with it: agentpack validate --from unclosed.md'],
      ['ja', 'エラー FROM_UNREADABLE: unclosed.md はエージェント定義として読めません', '問題の箇所は agentpack validate --from unclosed.md で確認できます。'],
    ] as const) {
      for (const args of [['install'], ['install', 'x'], ['list']]) {
        const r = await w.run([...args, '--from', 'unclosed.md', '--dir', 'out', '--lang', lang]);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(1);
        expect(r.stderr).toContain(message);
        expect(r.stderr).toContain(hint);
      }
    }
    expect(existsSync(join(w.work, 'out'))).toBe(false);
    // The command it names does say what is wrong.
    const v = await w.run(['validate', '--from', 'unclosed.md']);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('unclosed.md');
  });

  it('in a terminal, install --from <file> installs its agent without opening the picker', async () => {
    const w = world();
    const r = await runInPty({
      args: ['install', '--from', 'agents/code-tidier.md', '--dir', 'a'],
      env: { ...w.env, CI: 'false' },
      cwd: w.work,
      steps: [['wait', 'Installed code-tidier']],
    });
    expect(r.failed, r.text).toBeNull();
    expect(r.code, r.text).toBe(0);
    expect(r.text).not.toContain('Agents to install');
    expect(readFileSync(join(w.work, 'a', 'code-tidier.md'), 'utf8')).toBe(AGENT_FILE);
  });

  it('a README inside a repository: the hint lists the repository, not the folder above it', async () => {
    const env = gitEnv().env;
    const repo = fixtureRepo({ fixture: 'ja-mirror', env });
    const r = await runCli(['list', '--from', `${repo.url}#:README.md`], { env });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('FROM_NOT_AGENT');
    expect(r.stderr).toContain(`The agents of the folder it is in: agentpack list --from ${repo.url}\n`);
  });

  it('validate --from <file> still reports the problem itself (control: not refused as "not an agent")', async () => {
    const w = world();
    const r = await w.run(['validate', '--from', 'nameless.md']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error NAME_MISSING:2 "name" is missing: Claude Code skips this agent.');
    expect(r.stderr).not.toContain('FROM_NOT_AGENT');
    const agent = await w.run(['list', '--from', 'agents/code-tidier.md']);
    expect(agent.code, agent.stderr).toBe(0);
    expect(agent.stdout).toContain('code-tidier');
  });
});
