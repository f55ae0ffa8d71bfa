import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AGENT, packageRenders, readManifestJson } from '../helpers/agentpack.js';
import { isolatedEnv, runCli, tempDir } from '../helpers/cli.js';
import { sha256 } from '../helpers/tree.js';

// `diff` behaves like diff (exit 1 when the files differ, the package as `---` and the user's file as `+++`,
// colour on a terminal), and `update --check` answers "is an update available?" for CI, writing nothing.

const base = isolatedEnv();
let template = '';
let JA = '';

beforeAll(async () => {
  ({ ja: JA } = await packageRenders());
  template = join(tempDir(), 'agents');
  const r = await runCli(['install', AGENT, '-l', 'ja', '--dir', template], { env: base.env });
  expect(r.code, r.stderr).toBe(0);
});

function copy(): { dir: string; file: string } {
  const dir = join(tempDir(), 'agents');
  cpSync(template, dir, { recursive: true });
  return { dir, file: join(dir, `${AGENT}.md`) };
}

/** Make `dir` look as if an older package version had installed `old` there (unedited since). */
function makeOutdated(dir: string, old: string): void {
  writeFileSync(join(dir, `${AGENT}.md`), old);
  const manifest = readManifestJson(dir)!;
  manifest.agents[AGENT]!.sha256 = sha256(old);
  manifest.agents[AGENT]!.packageVersion = '0.0.1';
  writeFileSync(join(dir, '.agentpack.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Every file of a folder with its bytes, to prove a run wrote nothing. */
const snapshot = (dir: string): Record<string, string> => Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('diff', () => {
  it('exits 0 when identical and 1 when the files differ, in both languages', async () => {
    const { dir, file } = copy();
    const same = await runCli(['diff', AGENT, '--dir', dir, '--lang', 'ja'], { env: base.env });
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('は、agentpack が書き込む内容（ja、インストール元: このパッケージ）と同じです。');
    writeFileSync(file, JA.replace('あなたは', 'あなたはとても'));
    for (const lang of ['en', 'ja']) {
      const r = await runCli(['diff', AGENT, '--dir', dir, '--lang', lang], { env: base.env });
      expect(r.code, lang).toBe(1);
      expect(r.stderr, lang).toBe('');
    }
    const json = await runCli(['diff', AGENT, '--dir', dir, '--json'], { env: base.env });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, identical: false });
  });

  it("shows the package's version as --- and the installed file as +++, so the user's own lines are +", async () => {
    const { dir, file } = copy();
    writeFileSync(file, `${JA.replace('あなたは', 'あなたはとても')}my own note\n`);
    const r = await runCli(['diff', AGENT, '--dir', dir], { env: base.env });
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`--- agentpack show ${AGENT} --locale ja --dir ${dir}`);
    expect(lines[1]).toBe(`+++ ${file}`);
    expect(lines[2]).toMatch(/^@@ /);
    expect(r.stdout).not.toContain('====');
    expect(r.stdout).toContain('\n+my own note\n');
    const changed = lines.filter((l) => /^[-+][^-+]/.test(l) && l.includes('あなたは'));
    expect(changed.map((l) => l[0])).toEqual(['-', '+']);
    expect(changed[1]).toContain('あなたはとても');
  });

  it('colours removals red and additions green on a terminal; NO_COLOR and --no-color turn it off', async () => {
    const { dir, file } = copy();
    writeFileSync(file, `${JA}my own note\n`);
    const env = { ...base.env, FORCE_COLOR: '1' };
    delete (env as Record<string, string | undefined>)['NO_COLOR'];
    const coloured = await runCli(['diff', AGENT, '--dir', dir], { env });
    expect(coloured.code).toBe(1);
    expect(coloured.stdout).toContain('\u001b[32m+my own note\u001b[39m');
    expect(coloured.stdout).toMatch(/\u001b\[1m--- agentpack show/);
    expect(coloured.stdout).toMatch(/\u001b\[36m@@ /);
    const removed = copy();
    writeFileSync(removed.file, JA.replace(/\n[^\n]*\n$/, '\n'));
    expect((await runCli(['diff', AGENT, '--dir', removed.dir], { env })).stdout).toMatch(/\u001b\[31m-/);
    for (const off of [{ ...env, NO_COLOR: '1' }, env]) {
      const args = off === env ? ['diff', AGENT, '--dir', dir, '--no-color'] : ['diff', AGENT, '--dir', dir];
      const plain = await runCli(args, { env: off });
      expect(plain.code).toBe(1);
      expect(plain.stdout).not.toContain('\u001b[');
      expect(plain.stdout).toContain('\n+my own note\n');
    }
  });
});

describe('update --check', () => {
  it('exits 0 when every installed agent is up to date (en, ja)', async () => {
    const { dir } = copy();
    const en = await runCli(['update', '--check', '--dir', dir], { env: base.env });
    expect(en.code).toBe(0);
    expect(en.stdout).toBe(`Every installed agent in ${dir} is up to date.\n`);
    const ja = await runCli(['update', '--check', '--dir', dir, '--lang', 'ja'], { env: base.env });
    expect(ja.code).toBe(0);
    expect(ja.stdout).toBe(`${dir} のインストール済みのエージェントはすべて最新です。\n`);
  });

  it('lists the agents with an update and exits 1, writing nothing; update then brings them up to date', async () => {
    const { dir } = copy();
    makeOutdated(dir, JA.replace('あなたは', 'あなたは以前'));
    const before = snapshot(dir);
    const en = await runCli(['update', '--check', '--dir', dir], { env: base.env });
    expect(en.code).toBe(1);
    expect(en.stdout).toBe(`Updates available in ${dir}:\n  ${AGENT} (ja)\nApply them with: agentpack update --dir ${dir}\n`);
    const ja = await runCli(['update', '--check', '--dir', dir, '--lang', 'ja'], { env: base.env });
    expect(ja.code).toBe(1);
    expect(ja.stdout).toContain(`  ${AGENT}（ja）\n`);
    const json = await runCli(['update', '--check', '--dir', dir, '--json'], { env: base.env });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ ok: false, dir, updates: [{ agent: AGENT, locale: 'ja', path: join(dir, `${AGENT}.md`) }] });
    expect(snapshot(dir)).toEqual(before);
    expect((await runCli(['update', '--dir', dir], { env: base.env })).code).toBe(0);
    expect((await runCli(['update', '--check', '--dir', dir], { env: base.env })).code).toBe(0);
  });

  it('does not list an edited agent (update leaves it alone) and creates no folder', async () => {
    const { dir, file } = copy();
    writeFileSync(file, `${JA}edited\n`);
    expect((await runCli(['update', '--check', '--dir', dir], { env: base.env })).code).toBe(0);
    const none = join(tempDir(), 'nothing-here');
    const r = await runCli(['update', '--check', '--dir', none], { env: base.env });
    expect(r.code).toBe(0);
    expect(existsSync(none)).toBe(false);
  });
});
