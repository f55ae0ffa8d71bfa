import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, ROOT, runCli, tempDir } from '../helpers/cli.js';
import { KEY, runInPty, snapshotTree } from '../helpers/pty.js';

// The manager (`agentpack` alone in a terminal, then "Manage installed agents"), in a real pseudo-terminal:
// each installed agent with its scope, language and state; switch language, remove, and an edited file that is
// replaced only after a confirmation naming it — all through the commands' own plan and apply.

const MIRROR = join(ROOT, 'test', 'fixtures', 'catalogs', 'ja-mirror');
const agentsDir = (home: string): string => join(home, '.claude', 'agents');
const read = (path: string): string => readFileSync(path, 'utf8');

async function installEnglish(env: Record<string, string>): Promise<void> {
  for (const args of [
    ['install', 'ml-engineer', '--locale', 'en'],
    ['install', 'api-designer', '--from', MIRROR, '--locale', 'en'],
  ]) {
    const r = await runCli(args, { env });
    expect(r.code, r.stderr).toBe(0);
  }
}

describe('the manager in a terminal', () => {
  it('en: lists what is installed with its state; switch two agents (package and --from) to Japanese', async () => {
    const { env, home } = isolatedEnv();
    await installEnglish(env);
    const r = await runInPty({
      args: [],
      env,
      cwd: home,
      steps: [
        ['wait', 'What do you want to do?'],
        ['send', KEY.down],
        ['send', KEY.enter],
        ['wait', 'Installed agents'],
        ['send', KEY.space],
        ['send', KEY.down],
        ['send', KEY.space],
        ['wait', '2 selected'],
        ['send', KEY.enter],
        ['wait', 'What to do with the 2 agents chosen:'],
        ['send', KEY.enter],
        ['wait', 'Language:'],
        ['send', KEY.enter],
        ['wait', 'Go ahead with this plan?'],
        ['send', KEY.enter],
        ['wait', 'To switch to en'],
      ],
    });
    expect(r.failed, r.text).toBeNull();
    expect(r.code, r.text).toBe(0);
    expect(r.text).toMatch(/\[ \] api-designer +user +en +ok +Designs REST endpoints/);
    expect(r.text).toMatch(/\[ \] ml-engineer +user +en +ok +Builds production/);
    // The language they are not in is the default.
    expect(r.text).toContain('› Japanese (ja) (default)');
    // The answer names each agent with its folder.
    expect(r.text).toMatch(/✔ Installed agents: (api-designer \(user\), ml-engineer \(user\)|ml-engineer \(user\), api-designer \(user\))/);
    expect(r.text).toMatch(/switch +ml-engineer\.md +en → ja/);
    const show = async (args: string[]): Promise<string> => (await runCli(['show', ...args, '--locale', 'ja'], { env })).stdout;
    expect(read(join(agentsDir(home), 'ml-engineer.md'))).toBe(await show(['ml-engineer']));
    expect(read(join(agentsDir(home), 'api-designer.md'))).toBe(await show(['api-designer', '--from', MIRROR]));
  });

  it('ja: remove one agent; the other stays byte for byte', async () => {
    const { env, home } = isolatedEnv({ LANG: 'ja_JP.UTF-8' });
    await installEnglish(env);
    const kept = read(join(agentsDir(home), 'api-designer.md'));
    const r = await runInPty({
      args: ['--lang', 'ja'],
      env,
      cwd: home,
      steps: [
        ['wait', '何をしますか？'],
        ['send', KEY.down],
        ['send', KEY.enter],
        ['wait', 'インストール済みのエージェント'],
        ['send', 'ml-eng'],
        ['wait', '検索: ml-eng'],
        ['send', KEY.space],
        ['send', KEY.enter],
        ['wait', '選んだエージェントをどうしますか:'],
        ['send', KEY.up],
        ['wait', '› 削除する'],
        ['send', KEY.enter],
        ['wait', 'この計画で進めますか？'],
        ['send', KEY.enter],
        ['wait', '削除しました'],
      ],
    });
    expect(r.failed, r.text).toBeNull();
    expect(r.code, r.text).toBe(0);
    expect(r.text).toMatch(/ml-engineer +ユーザー +en +正常/);
    expect(existsSync(join(agentsDir(home), 'ml-engineer.md'))).toBe(false);
    expect(read(join(agentsDir(home), 'api-designer.md'))).toBe(kept);
  });

  it('an edited file: shown as edited; switching it names the file and asks; No leaves it, Yes keeps a backup', async () => {
    const { env, home } = isolatedEnv();
    const setup = await runCli(['install', 'ml-engineer', '--locale', 'en'], { env });
    expect(setup.code, setup.stderr).toBe(0);
    const file = join(agentsDir(home), 'ml-engineer.md');
    appendFileSync(file, '\nMy own note.\n');
    const edited = read(file);
    const steps = (answer: string[]): ['wait' | 'send', string][] => [
      ['wait', 'What do you want to do?'],
      ['send', KEY.down],
      ['send', KEY.enter],
      ['wait', 'Installed agents'],
      ['send', KEY.space],
      ['send', KEY.enter],
      ['wait', 'What to do with the agent chosen:'],
      ['send', KEY.enter],
      ['wait', 'Language:'],
      ['send', KEY.enter],
      ['wait', 'Go ahead with this plan?'],
      ['send', KEY.enter],
      ['wait', 'Replace or remove them anyway, keeping a backup of each?'],
      ...answer.map((key): ['send', string] => ['send', key]),
    ];
    const before = snapshotTree(home);
    const no = await runInPty({ args: [], env, cwd: home, steps: [...steps([KEY.enter]), ['wait', 'CONFLICT']] });
    expect(no.failed, no.text).toBeNull();
    expect(no.code, no.text).toBe(1);
    expect(no.text).toMatch(/ml-engineer +user +en +edited/);
    expect(no.text).toContain('These files were edited or not written by agentpack:');
    expect(no.text).toContain(`  ${file} (edited since agentpack installed it)`);
    expect(no.text).toContain('› No, leave them as they are (default)');
    expect(snapshotTree(home)).toEqual(before);

    const yes = await runInPty({ args: [], env, cwd: home, steps: [...steps([KEY.down, KEY.enter]), ['wait', 'To switch to en']] });
    expect(yes.failed, yes.text).toBeNull();
    expect(yes.code, yes.text).toBe(0);
    expect(read(file)).toBe((await runCli(['show', 'ml-engineer', '--locale', 'ja'], { env })).stdout);
    expect(read(`${file}.bak`)).toBe(edited);
  });

  it('an agent whose folder changed shows "update available"; Update brings it up to the folder', async () => {
    const { env, home } = isolatedEnv();
    const team = join(tempDir(), 'team');
    mkdirSync(team);
    const agent = (description: string): string => `---\nname: note-taker\ndescription: ${description}\n---\n\nYou take notes.\n`;
    writeFileSync(join(team, 'note-taker.md'), agent('Takes notes during a session.'));
    const setup = await runCli(['install', 'note-taker', '--from', team], { env });
    expect(setup.code, setup.stderr).toBe(0);
    writeFileSync(join(team, 'note-taker.md'), agent('Takes short notes during a session.'));
    const r = await runInPty({
      args: [],
      env,
      cwd: home,
      steps: [
        ['wait', 'What do you want to do?'],
        ['send', KEY.down],
        ['send', KEY.enter],
        ['wait', 'update available'],
        ['send', KEY.space],
        ['send', KEY.enter],
        ['wait', 'What to do with the agent chosen:'],
        ['send', KEY.down],
        ['wait', '› Update'],
        ['send', KEY.enter],
        ['wait', 'Go ahead with this plan?'],
        ['send', KEY.enter],
        ['wait', 'Updated'],
      ],
    });
    expect(r.failed, r.text).toBeNull();
    expect(r.code, r.text).toBe(0);
    expect(r.text).toMatch(/note-taker +user +en +update available/);
    expect(read(join(agentsDir(home), 'note-taker.md'))).toBe((await runCli(['show', 'note-taker', '--from', team], { env })).stdout);
    expect(read(join(agentsDir(home), 'note-taker.md'))).toContain('Takes short notes');
  });

  it('nothing installed: says so, with the command that installs, and exits 0', async () => {
    const { env, home } = isolatedEnv();
    const r = await runInPty({
      args: [],
      env,
      cwd: home,
      steps: [
        ['wait', 'What do you want to do?'],
        ['send', KEY.down],
        ['send', KEY.enter],
        ['wait', 'No agent is installed yet.'],
      ],
    });
    expect(r.failed, r.text).toBeNull();
    expect(r.code).toBe(0);
    expect(r.text).toContain('No agent is installed yet. To choose some: agentpack install');
  });
});
