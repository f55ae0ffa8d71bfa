import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AGENT } from '../helpers/agentpack.js';
import { isolatedEnv, runCli } from '../helpers/cli.js';

// One meaning for the scope options on every command that reads or writes an agents folder: list and status
// take --user/-g/--global, --project/-p and --dir like install does; without one they show the user and project
// folders, with one only that folder, and the flags add up.

const { env, home } = isolatedEnv();
const project = join(home, 'proj');
const extra = join(home, 'extra');

beforeAll(async () => {
  mkdirSync(join(project, '.git'), { recursive: true });
  for (const args of [['-g'], ['-p'], ['--dir', extra]]) {
    const r = await runCli(['install', AGENT, ...args], { env, cwd: project });
    expect(r.code, r.stderr).toBe(0);
  }
});

type ListJson = { agents: { name: string; installed: Record<string, { path: string } | null> }[] };
type StatusJson = { scopes: { scope: string; dir: string }[] };

const listScopes = async (flags: string[]): Promise<string[]> => {
  const r = await runCli(['list', '--json', ...flags], { env, cwd: project });
  expect(r.code, `list ${flags.join(' ')}: ${r.stderr}`).toBe(0);
  return Object.keys((JSON.parse(r.stdout) as ListJson).agents.find((a) => a.name === AGENT)?.installed ?? {});
};
const statusScopes = async (flags: string[]): Promise<string[]> => {
  const r = await runCli(['status', '--json', ...flags], { env, cwd: project });
  expect(r.code, `status ${flags.join(' ')}: ${r.stderr}`).toBe(0);
  return (JSON.parse(r.stdout) as StatusJson).scopes.map((s) => s.scope);
};

const CASES: [string[], string[]][] = [
  [[], ['user', 'project']],
  [['--user'], ['user']],
  [['-g'], ['user']],
  [['--global'], ['user']],
  [['--project'], ['project']],
  [['-p'], ['project']],
  [['--dir', extra], ['dir']],
  [
    ['-g', '-p'],
    ['user', 'project'],
  ],
  [
    ['-p', '--dir', extra],
    ['project', 'dir'],
  ],
  [
    ['-g', '-p', '--dir', extra],
    ['user', 'project', 'dir'],
  ],
];

describe('list and status take the scope options install takes', () => {
  it.each(CASES)('list %j reads %j', async (flags, scopes) => {
    expect(await listScopes(flags)).toEqual(scopes);
  });

  it.each(CASES)('status %j reads %j', async (flags, scopes) => {
    expect(await statusScopes(flags)).toEqual(scopes);
  });

  it('--dir means that folder, as for install: list shows its copy alone', async () => {
    const r = await runCli(['list', '--json', '--dir', extra], { env, cwd: project });
    const installed = (JSON.parse(r.stdout) as ListJson).agents.find((a) => a.name === AGENT)?.installed;
    expect(installed).toEqual({ dir: expect.objectContaining({ path: join(extra, `${AGENT}.md`) }) });
    const human = await runCli(['list', '-p'], { env, cwd: project });
    expect(human.stdout).toMatch(/PROJECT/);
    expect(human.stdout).not.toMatch(/USER/);
    const status = await runCli(['status', '-p'], { env, cwd: project });
    expect(status.stdout).toContain(`Project agents: ${join(project, '.claude', 'agents')}`);
    expect(status.stdout).not.toContain('User agents:');
  });

  it('the help says so, in both languages', async () => {
    for (const command of ['list', 'status']) {
      const en = await runCli([command, '--help']);
      expect(en.stdout).toMatch(/-g, --user +only your own agents folder/);
      expect(en.stdout).toMatch(/-p, --project +only the project's agents folder/);
      expect(en.stdout).toMatch(/--dir <path> +only this agents folder/);
      expect(en.stdout.replace(/\s+/g, ' ')).toContain('without -g, -p or --dir: the user and project folders');
      const ja = await runCli([command, '--help', '--lang', 'ja']);
      expect(ja.stdout.replace(/\s+/g, '')).toContain('-g、-p、--dirのどれもなければ、ユーザーとプロジェクトのフォルダー');
    }
  });
});
