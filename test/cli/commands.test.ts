import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AGENT, packageRenders, readManifestJson } from '../helpers/agentpack.js';
import { isolatedEnv, runCli } from '../helpers/cli.js';

let JA = '';
beforeAll(async () => {
  ({ ja: JA } = await packageRenders());
});

describe.concurrent('install lifecycle commands: usage, aliases, defaults, languages', () => {
  it.each([
    [['install', AGENT, '--user', '--project']],
    [['install']],
    [['install', AGENT, '--all']],
    [['locale', 'xx']],
    [['install', AGENT, '--locale', 'fr']],
  ])('bad usage exits 2: %j', async (args) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error (USAGE|LOCALE_UNKNOWN)/);
  });

  it('aliases i / switch / locale (no argument) / doctor / rm, and --all', async () => {
    const { env, home } = isolatedEnv();
    const dir = join(home, '.claude', 'agents');
    expect((await runCli(['i', '--all', '--locale', 'en'], { env })).code).toBe(0);
    expect((await runCli(['switch', 'ja'], { env })).code).toBe(0);
    expect(readFileSync(join(dir, `${AGENT}.md`), 'utf8')).toBe(JA);
    const shown = await runCli(['locale'], { env });
    expect(shown.stdout).toMatch(/ml-engineer\s+ja\s+ok/);
    const json = JSON.parse((await runCli(['locale', '--json'], { env })).stdout) as { agents: unknown[] };
    expect(json.agents).toEqual([{ agent: AGENT, locale: 'ja', state: 'ok', path: join(dir, `${AGENT}.md`) }]);
    expect((await runCli(['doctor'], { env })).code).toBe(0);
    expect((await runCli(['rm', AGENT], { env })).code).toBe(0);
    expect(existsSync(join(dir, `${AGENT}.md`))).toBe(false);
    const again = await runCli(['uninstall', AGENT], { env });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('nothing to remove');
  });

  it('the default locale follows the message language, and says so; AGENTPACK_LOCALE wins over it', async () => {
    const ja = isolatedEnv({ LANG: 'ja_JP.UTF-8' });
    const r = await runCli(['install', AGENT], { env: ja.env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${AGENT}（ja）をインストールしました`);
    expect(r.stdout).toContain('お使いの言語設定（日本語）に合わせて、言語 ja を選びました');
    expect(r.stdout).toContain('en に切り替えるには: agentpack locale en');
    const forced = isolatedEnv({ LANG: 'ja_JP.UTF-8', AGENTPACK_LOCALE: 'en' });
    expect((await runCli(['install', AGENT, '--dir', 'a'], { env: forced.env })).code).toBe(0);
    expect(readManifestJson(join(forced.home, 'a'))?.agents[AGENT]?.locale).toBe('en');
  });

  it('an unknown agent is AGENT_UNKNOWN with a suggestion; --project in the home folder is refused', async () => {
    const { env, home } = isolatedEnv();
    const typo = await runCli(['install', 'ml-enginer'], { env });
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('Did you mean "ml-engineer"?');
    mkdirSync(join(home, '.claude'), { recursive: true });
    const r = await runCli(['install', AGENT, '--project'], { env, cwd: home });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PROJECT_IS_HOME');
    expect(existsSync(join(home, '.claude', 'agents'))).toBe(false);
  });
});
