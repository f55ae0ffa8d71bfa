import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGENT } from '../helpers/agentpack.js';
import { isolatedEnv, runCli } from '../helpers/cli.js';

interface StatusJson {
  ok: boolean;
  scopes: {
    scope: string;
    dir: string;
    files: { path: string; agent: string | null; loadable: boolean; installed: unknown; diagnostics: { code: string }[] }[];
  }[];
  findings: { scope: string | null; code: string; severity: string; message: string; hint: string }[];
}

const agent = (name: string, description = `the ${name} agent`): string => `---\nname: ${name}\ndescription: ${description}\n---\n\nPrompt.\n`;

/** A home with ml-engineer installed for the user, and a project; returns the folders. */
async function setup(extra: Record<string, string> = {}) {
  const { env } = isolatedEnv(extra);
  const home = env['HOME']!;
  const project = join(home, 'proj');
  mkdirSync(join(project, '.git'), { recursive: true });
  const r = await runCli(['install', AGENT, '--locale', 'en'], { env });
  expect(r.code, r.stderr).toBe(0);
  return {
    env,
    home,
    project,
    user: extra['CLAUDE_CONFIG_DIR'] ? join(extra['CLAUDE_CONFIG_DIR'], 'agents') : join(home, '.claude', 'agents'),
    projectAgents: join(project, '.claude', 'agents'),
  };
}

describe.concurrent('status', () => {
  it('clean: the installed agent loads, exit 0 (negative control)', async () => {
    const s = await setup();
    const r = await runCli(['status', '--json'], { env: s.env, cwd: s.project });
    expect(r.code, r.stdout).toBe(0);
    const out = JSON.parse(r.stdout) as StatusJson;
    expect(out.ok).toBe(true);
    expect(out.findings).toEqual([]);
    expect(out.scopes[0]?.files).toEqual([
      expect.objectContaining({
        agent: AGENT,
        loadable: true,
        installed: { locale: 'en', state: 'ok', origin: { translationStatus: 'source', translationWasCurrent: null, updateDue: false } },
        diagnostics: [],
      }),
    ]);
  });

  it('reports a banner before the front-matter, a BOM, a missing description, a duplicate name in a subfolder and a shadowed user agent', async () => {
    const s = await setup();
    writeFileSync(join(s.user, 'banner.md'), `> **English** | **[日本語](ja/banner.md)**\n${agent('banner-agent')}`);
    writeFileSync(join(s.user, 'bom.md'), `\uFEFF${agent('bom-agent')}`);
    writeFileSync(join(s.user, 'nodesc.md'), '---\nname: no-description\n---\n\nPrompt.\n');
    mkdirSync(join(s.user, 'team'));
    writeFileSync(join(s.user, 'team', 'copy.md'), agent(AGENT, 'a second copy'));
    writeFileSync(join(s.user, 'reviewer.md'), agent('reviewer'));
    mkdirSync(s.projectAgents, { recursive: true });
    writeFileSync(join(s.projectAgents, 'reviewer.md'), agent('reviewer', 'project reviewer'));

    const r = await runCli(['status', '--json'], { env: s.env, cwd: s.project });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as StatusJson;
    expect(out.ok).toBe(false);
    const user = out.scopes.find((x) => x.scope === 'user')!;
    const byFile = new Map(user.files.map((f) => [f.path.slice(s.user.length + 1), f]));
    expect(byFile.get('banner.md')).toMatchObject({ loadable: false, diagnostics: [expect.objectContaining({ code: 'BANNER_BEFORE_FRONTMATTER' })] });
    expect(byFile.get('bom.md')).toMatchObject({ loadable: false, diagnostics: [expect.objectContaining({ code: 'BOM' })] });
    expect(byFile.get('nodesc.md')).toMatchObject({ loadable: false, diagnostics: [expect.objectContaining({ code: 'DESCRIPTION_MISSING' })] });
    expect(byFile.get('reviewer.md')?.loadable).toBe(true);
    const codes = out.findings.map((f) => `${f.scope}:${f.code}`);
    expect(codes).toContain('user:DUPLICATE_NAME');
    expect(codes).toContain('user:SHADOWED_BY_PROJECT');
    const dup = out.findings.find((f) => f.code === 'DUPLICATE_NAME')!;
    expect(dup.message).toContain('ml-engineer.md, team/copy.md');
    const shadow = out.findings.find((f) => f.code === 'SHADOWED_BY_PROJECT')!;
    expect(shadow.message).toContain(join(s.projectAgents, 'reviewer.md'));

    const human = await runCli(['status'], { env: s.env, cwd: s.project });
    expect(human.code).toBe(1);
    for (const text of [
      'banner.md',
      'BANNER_BEFORE_FRONTMATTER',
      'BOM',
      'DESCRIPTION_MISSING',
      'DUPLICATE_NAME',
      'SHADOWED_BY_PROJECT',
      'Claude Code skips this file',
    ]) {
      expect(human.stdout).toContain(text);
    }
  });

  it('reports manifest entries without files and files edited since install (these alone do not fail)', async () => {
    const s = await setup();
    writeFileSync(join(s.user, `${AGENT}.md`), agent(AGENT, 'edited by hand'));
    const edited = JSON.parse((await runCli(['status', '--json'], { env: s.env, cwd: s.project })).stdout) as StatusJson;
    expect(edited.findings.map((f) => f.code)).toEqual(['INSTALLED_MODIFIED']);
    expect(edited.findings[0]?.hint).toContain(`agentpack diff ${AGENT}`);
    rmSync(join(s.user, `${AGENT}.md`));
    const r = await runCli(['status', '--json'], { env: s.env, cwd: s.project });
    expect(r.code).toBe(0);
    const gone = JSON.parse(r.stdout) as StatusJson;
    expect(gone.findings.map((f) => f.code)).toEqual(['MANIFEST_FILE_MISSING']);
    expect(gone.findings[0]?.hint).toContain(`agentpack uninstall ${AGENT}`);
  });

  it('names the backups --force runs kept, once per folder, in both languages; they change neither the count nor the exit code', async () => {
    const s = await setup();
    const file = join(s.user, `${AGENT}.md`);
    const before = await runCli(['status', '--json'], { env: s.env, cwd: s.project });
    expect((JSON.parse(before.stdout) as StatusJson).findings.map((f) => f.code)).not.toContain('BACKUPS_KEPT');
    for (const locale of ['ja', 'en']) {
      appendFileSync(file, 'My note.\n');
      expect((await runCli(['install', AGENT, '--force', '--locale', locale], { env: s.env, cwd: s.project })).code).toBe(0);
    }
    // Other .bak names of the user's, and a folder, are not agentpack's backups.
    writeFileSync(join(s.user, 'my-notes.bak'), 'mine\n');
    writeFileSync(join(s.user, '.agentpack.json.bak'), '{}\n');
    mkdirSync(join(s.user, 'old.md.bak'));
    const r = await runCli(['status', '-g'], { env: s.env, cwd: s.project });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain(`info BACKUPS_KEPT 2 backups kept by --force runs in this folder: ${AGENT}.md.bak, ${AGENT}.md.bak.1`);
    expect(r.stdout).toContain('Files checked: 1. Would not load: 0, errors: 0, warnings: 0.');
    const ja = await runCli(['status', '-g', '--lang', 'ja'], { env: s.env, cwd: s.project });
    expect(ja.stdout).toContain(`情報 BACKUPS_KEPT このフォルダーには --force で残されたバックアップが 2 個あります: ${AGENT}.md.bak, ${AGENT}.md.bak.1`);
    rmSync(`${file}.bak.1`);
    const one = await runCli(['status', '-g'], { env: s.env, cwd: s.project });
    expect(one.stdout).toContain(`info BACKUPS_KEPT 1 backup kept by a --force run in this folder: ${AGENT}.md.bak`);
    const json = JSON.parse((await runCli(['status', '-g', '--json'], { env: s.env, cwd: s.project })).stdout) as StatusJson;
    expect(json.ok).toBe(true);
    expect(json.findings.filter((f) => f.code === 'BACKUPS_KEPT').map((f) => f.severity)).toEqual(['info']);
  });

  it('with CLAUDE_CONFIG_DIR set, says ~/.claude/agents is ignored and counts the agents there', async () => {
    const base = isolatedEnv();
    const config = join(base.home, 'config');
    const s = await setup({ HOME: base.home, USERPROFILE: base.home, CLAUDE_CONFIG_DIR: config });
    mkdirSync(join(s.home, '.claude', 'agents'), { recursive: true });
    writeFileSync(join(s.home, '.claude', 'agents', 'old.md'), agent('old'));
    const out = JSON.parse((await runCli(['status', '--json'], { env: s.env, cwd: s.project })).stdout) as StatusJson;
    expect(out.scopes.find((x) => x.scope === 'user')?.dir).toBe(join(config, 'agents'));
    expect(out.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['CONFIG_DIR_SET', 'CONFIG_DIR_IGNORED']));
    expect(out.findings.find((f) => f.code === 'CONFIG_DIR_IGNORED')?.message).toContain(join(s.home, '.claude', 'agents'));
  });
});
