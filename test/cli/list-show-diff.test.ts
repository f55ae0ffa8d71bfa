import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AGENT, packageRenders, readManifestJson } from '../helpers/agentpack.js';
import { isolatedEnv, runCli, tempDir } from '../helpers/cli.js';
import { sha256 } from '../helpers/tree.js';

let EN = '';
let JA = '';
let template = '';
const base = isolatedEnv();

beforeAll(async () => {
  ({ en: EN, ja: JA } = await packageRenders());
  template = join(tempDir(), 'agents');
  const r = await runCli(['install', AGENT, '--locale', 'ja', '--dir', template], { env: base.env });
  expect(r.code, r.stderr).toBe(0);
});

/** A home with a project; `place(dir)` copies the installed (ja) template there. */
function world() {
  const { env, home } = isolatedEnv();
  const project = join(home, 'proj');
  mkdirSync(join(project, '.git'), { recursive: true });
  const place = (dir: string): string => {
    cpSync(template, dir, { recursive: true });
    return join(dir, `${AGENT}.md`);
  };
  return { env, home, project, user: join(home, '.claude', 'agents'), projectAgents: join(project, '.claude', 'agents'), place };
}

/** Make `dir` look as if an older package version had installed `old` there. */
function makeOutdated(dir: string, old: string): void {
  writeFileSync(join(dir, `${AGENT}.md`), old);
  const manifest = readManifestJson(dir)!;
  manifest.agents[AGENT]!.sha256 = sha256(old);
  manifest.agents[AGENT]!.packageVersion = '0.0.1';
  writeFileSync(join(dir, '.agentpack.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

type ListJson = {
  agents: { name: string; description: string; locales: string[]; installed: Record<string, { locale: string | null; state: string; path: string } | null> }[];
};

describe.concurrent('list shows where each agent is installed, in which locale and state', () => {
  it('ok / foreign / modified, then outdated / missing / not installed', async () => {
    const w = world();
    const userFile = w.place(w.user);
    mkdirSync(join(w.projectAgents, 'team'), { recursive: true });
    writeFileSync(join(w.projectAgents, 'team', 'ml.md'), `---\nname: ${AGENT}\ndescription: the team's own\n---\n`);
    const extra = join(w.home, 'extra');
    appendFileSync(w.place(extra), 'edited\n');
    // Scope flags add up: the user and project folders, and --dir.
    const r = await runCli(['list', '--json', '-g', '-p', '--dir', extra], { env: w.env, cwd: w.project });
    expect(r.code, r.stderr).toBe(0);
    const agent = (JSON.parse(r.stdout) as ListJson).agents[0]!;
    expect(agent).toMatchObject({ name: AGENT, locales: ['en', 'ja'], description: expect.stringContaining('machine learning') });
    expect(agent.installed).toEqual({
      user: { locale: 'ja', state: 'ok', path: userFile, origin: { translationStatus: 'current', translationWasCurrent: true, updateDue: false } },
      project: { locale: null, state: 'foreign', path: join(w.projectAgents, 'team', 'ml.md') },
      dir: {
        locale: 'ja',
        state: 'modified',
        path: join(extra, `${AGENT}.md`),
        origin: { translationStatus: 'current', translationWasCurrent: true, updateDue: false },
      },
    });

    makeOutdated(w.user, EN.replace('You are', 'You were'));
    rmSync(join(w.projectAgents, 'team'), { recursive: true });
    w.place(w.projectAgents);
    rmSync(join(w.projectAgents, `${AGENT}.md`));
    const human = await runCli(['list'], { env: w.env, cwd: w.project });
    expect(human.stdout).toMatch(/USER\s+PROJECT/);
    expect(human.stdout).toMatch(/ml-engineer\s+en, ja\s+ja update available\s+ja file missing/);
    const again = (JSON.parse((await runCli(['list', '--json'], { env: w.env, cwd: w.project })).stdout) as ListJson).agents[0]!;
    expect(again.installed).toEqual({
      // An outdated file: `update` is due whatever the recorded source hash says.
      user: { locale: 'ja', state: 'outdated', path: userFile, origin: expect.objectContaining({ updateDue: true }) },
      project: { locale: 'ja', state: 'missing', path: join(w.projectAgents, `${AGENT}.md`), origin: expect.objectContaining({ updateDue: false }) },
    });
  });
});

describe.concurrent('update', () => {
  it('rewrites an unmodified outdated file with the current render of its locale and records it', async () => {
    const dir = join(tempDir(), 'agents');
    cpSync(template, dir, { recursive: true });
    makeOutdated(dir, JA.replace('あなたは', 'あなたは以前'));
    const dry = await runCli(['update', '--dry-run', '--dir', dir], { env: base.env });
    expect(dry.stdout).toMatch(/overwrite\s+ml-engineer\.md\s+ja\s+its source has a newer version/);
    const r = await runCli(['update', '--dir', dir], { env: base.env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Updated ${AGENT} (ja)`);
    expect(readFileSync(join(dir, `${AGENT}.md`), 'utf8')).toBe(JA);
    expect(readManifestJson(dir)?.agents[AGENT]).toMatchObject({ locale: 'ja', sha256: sha256(JA), packageVersion: expect.not.stringMatching(/^0\.0\.1$/) });
  });
});

describe.concurrent('show and diff', () => {
  it('show defaults to the installed locale; --locale and AGENTPACK_LOCALE come first', async () => {
    const w = world();
    w.place(w.user);
    expect((await runCli(['show', AGENT], { env: w.env })).stdout).toBe(JA);
    expect((await runCli(['show', AGENT, '--locale', 'en'], { env: w.env })).stdout).toBe(EN);
    expect((await runCli(['show', AGENT], { env: { ...w.env, AGENTPACK_LOCALE: 'en' } })).stdout).toBe(EN);
  });

  it('diff prints a unified diff from the package render to the installed file, or says they are identical', async () => {
    const dir = join(tempDir(), 'agents');
    cpSync(template, dir, { recursive: true });
    const same = await runCli(['diff', AGENT, '--dir', dir], { env: base.env });
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('identical');
    appendFileSync(join(dir, `${AGENT}.md`), 'my line\n');
    const r = await runCli(['diff', AGENT, '--dir', dir], { env: base.env });
    // As diff and git diff --exit-code: 1 when the files differ, and what the user added reads `+`.
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^--- agentpack show ${AGENT} --locale ja --dir .*\n\\+\\+\\+ ${join(dir, `${AGENT}.md`)}\n@@ `));
    expect(r.stdout).toContain('\n+my line\n');
    expect(r.stdout).not.toContain('\n-my line\n');
    expect(r.stdout).not.toContain('====');
    const missing = await runCli(['diff', AGENT, '--dir', join(dir, 'none')], { env: base.env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('NOT_INSTALLED');
  });
});
