import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AGENT, descriptionOf, packageRenders, readManifestJson } from '../helpers/agentpack.js';
import { isolatedEnv, runCli } from '../helpers/cli.js';
import { sha256 } from '../helpers/tree.js';

let EN = '';
let JA = '';
beforeAll(async () => {
  ({ en: EN, ja: JA } = await packageRenders());
});

interface Setup {
  env: Record<string, string>;
  home: string;
  cwd: string;
  /** Scope flags for every command. */
  flags: string[];
  /** The agents folder the commands must write. */
  dir: string;
  /** Key under list --json `installed`. */
  listKey: 'user' | 'project' | 'dir';
  /** Extra flags for list. */
  listFlags: string[];
}

const setups: Record<string, () => Setup> = {
  'user scope (temp HOME)': () => {
    const { env, home } = isolatedEnv();
    return { env, home, cwd: home, flags: [], dir: join(home, '.claude', 'agents'), listKey: 'user', listFlags: [] };
  },
  '--project from a subfolder of the project': () => {
    const { env, home } = isolatedEnv();
    const project = join(home, 'work', 'proj');
    mkdirSync(join(project, '.git'), { recursive: true });
    mkdirSync(join(project, 'src', 'deep'), { recursive: true });
    return { env, home, cwd: join(project, 'src', 'deep'), flags: ['--project'], dir: join(project, '.claude', 'agents'), listKey: 'project', listFlags: [] };
  },
  '--dir': () => {
    const { env, home } = isolatedEnv();
    return {
      env,
      home,
      cwd: home,
      flags: ['--dir', 'custom/agents'],
      dir: join(home, 'custom', 'agents'),
      listKey: 'dir',
      listFlags: ['--dir', 'custom/agents'],
    };
  },
  'CLAUDE_CONFIG_DIR set': () => {
    const base = isolatedEnv();
    const config = join(base.home, 'config');
    const { env, home } = { env: { ...base.env, CLAUDE_CONFIG_DIR: config }, home: base.home };
    return { env, home, cwd: home, flags: [], dir: join(config, 'agents'), listKey: 'user', listFlags: [] };
  },
};

describe.concurrent('full cycle: install en → list ok → locale ja → locale en (same bytes) → uninstall (nothing left)', () => {
  it.each(Object.keys(setups))('%s', { timeout: 90_000 }, async (label) => {
    const s = setups[label]!();
    const run = (args: string[]) => runCli([...args, ...s.flags], { env: s.env, cwd: s.cwd });
    const file = join(s.dir, `${AGENT}.md`);

    if (s.listKey === 'user' && !s.env['CLAUDE_CONFIG_DIR']) expect((await run(['show', AGENT, '--locale', 'en'])).stdout).toBe(EN);

    const installed = await run(['install', AGENT, '--locale', 'en']);
    expect(installed.code, installed.stderr).toBe(0);
    expect(installed.stdout).toContain(`Installed ${AGENT} (en): ${file}`);
    expect(installed.stdout).toContain(`agentpack locale ja${s.flags.length ? ` ${s.flags[0]}` : ''}`);
    expect(installed.stdout).toContain('restart');
    const first = readFileSync(file);
    expect(first.toString('utf8')).toBe(EN);
    expect(readManifestJson(s.dir)).toEqual({
      version: 1,
      agents: {
        [AGENT]: {
          locale: 'en',
          packageVersion: expect.any(String),
          sourceHash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
          sha256: sha256(first),
          translationStatus: 'source',
        },
      },
    });

    const listed = await runCli(['list', '--json', ...s.listFlags], { env: s.env, cwd: s.cwd });
    expect(listed.code).toBe(0);
    const entry = (JSON.parse(listed.stdout) as { agents: { name: string; locales: string[]; installed: Record<string, unknown> }[] }).agents.find(
      (a) => a.name === AGENT,
    );
    expect(entry?.locales).toEqual(['en', 'ja']);
    expect(entry?.installed[s.listKey]).toEqual({
      locale: 'en',
      state: 'ok',
      path: file,
      origin: { translationStatus: 'source', translationWasCurrent: null, updateDue: false },
    });

    const ja = await run(['locale', 'ja']);
    expect(ja.code, ja.stderr).toBe(0);
    const jaText = readFileSync(file, 'utf8');
    expect(jaText).toBe(JA);
    expect(descriptionOf(jaText)).toBe(descriptionOf(JA));
    expect(descriptionOf(jaText)).not.toBe(descriptionOf(EN));
    expect(readManifestJson(s.dir)?.agents[AGENT]).toMatchObject({ locale: 'ja', sha256: sha256(jaText) });

    const en = await run(['locale', 'en']);
    expect(en.code, en.stderr).toBe(0);
    expect(readFileSync(file).equals(first)).toBe(true);

    const removed = await run(['uninstall', AGENT]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(readdirSync(s.dir)).toEqual([]);
    expect(readManifestJson(s.dir)).toBeUndefined();

    if (label === 'CLAUDE_CONFIG_DIR set') expect(existsSync(join(s.home, '.claude'))).toBe(false);
    if (label !== 'user scope (temp HOME)' && label !== 'CLAUDE_CONFIG_DIR set') expect(existsSync(join(s.home, '.claude'))).toBe(false);
  });
});
