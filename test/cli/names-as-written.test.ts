import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/core/hash.js';
import { isolatedEnv, runCli, tempDir } from '../helpers/cli.js';

/**
 * Names as Claude Code loads them (spaces, capitals, dots, underscores, Japanese) install, switch, update and
 * uninstall; each file is named by the slug of its name, the `name` inside stays as written, and the manifest
 * records the file. The catalog is test/fixtures/catalogs/names, with Japanese translations added for a few.
 */
const NAMES = join(import.meta.dirname, '..', 'fixtures', 'catalogs', 'names');
const h8 = (name: string): string => contentHash(name).slice('sha256:'.length, 'sha256:'.length + 8);
const LONG =
  'reviewer-for-database-migrations-on-big-multi-tenant-postgres-clusters-that-must-stay-online-during-office-hours-across-several-regions-and-time-zones';

/** Name as written → the file it is installed as (the fixture's files are named otherwise, on purpose). */
const EXPECTED: Record<string, string> = {
  'API v2 Designer': 'api-v2-designer.md',
  Archivist: 'archivist.md',
  'Code Reviewer': `code-reviewer-${h8('Code Reviewer')}.md`,
  'code-reviewer': 'code-reviewer.md',
  'Data Pipeline Builder': 'data-pipeline-builder.md',
  'K8s.Deploy_Helper': 'k8s-deploy-helper.md',
  'node.js-upgrader': 'node-js-upgrader.md',
  release_manager: 'release-manager.md',
  レビュー担当: `agent-${h8('レビュー担当')}.md`,
  SQL_Optimizer: 'sql-optimizer.md',
  'Test Runner (CI)': 'test-runner-ci.md',
};
/** Source file of each name in the fixture. */
const SOURCE: Record<string, string> = {
  'API v2 Designer': 'api-v2-designer.md',
  Archivist: 'archivist.md',
  'Code Reviewer': 'code-reviewer-spaced.md',
  'code-reviewer': 'code-reviewer.md',
  'Data Pipeline Builder': 'data-pipeline-builder.md',
  'K8s.Deploy_Helper': 'k8s-deploy-helper.md',
  'node.js-upgrader': 'node-js-upgrader.md',
  release_manager: 'release-manager.md',
  レビュー担当: 'review-tantou.md',
  SQL_Optimizer: 'sql-optimizer.md',
  'Test Runner (CI)': 'test-runner-ci.md',
};
/** Agents given a Japanese variant (locales/ja/agents/<same file>) in the copy. */
const WITH_JA = ['API v2 Designer', 'Code Reviewer', 'code-reviewer', 'K8s.Deploy_Helper'];

interface Run {
  env: Record<string, string>;
  home: string;
  cat: string;
  dir: string;
  run: (args: string[]) => ReturnType<typeof runCli>;
}

/** A fresh home and a copy of the names catalog with Japanese variants for WITH_JA. */
function setup(): Run {
  const { env, home } = isolatedEnv();
  const cat = join(tempDir('agentpack-names-'), 'names');
  cpSync(NAMES, cat, { recursive: true });
  mkdirSync(join(cat, 'locales', 'ja', 'agents'), { recursive: true });
  for (const name of WITH_JA) {
    const source = readFileSync(join(cat, 'agents', SOURCE[name] ?? ''), 'utf8');
    const ja = source.replace(/^description: .*$/m, `description: ${name} の日本語版です。`).replace(/\n\n[\s\S]*$/, `\n\nあなたは ${name} です。\n`);
    writeFileSync(join(cat, 'locales', 'ja', 'agents', SOURCE[name] ?? ''), ja);
  }
  const dir = join(home, '.claude', 'agents');
  return { env, home, cat, dir, run: (args) => runCli(args, { env, cwd: home }) };
}

const nameLine = (text: string): string => text.split('\n')[1] ?? '';
const mdFiles = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')) : []).sort();
type ManifestJson = { version: number; agents: Record<string, { file?: string; locale: string; originalName?: string; sha256: string }> };
const manifestOf = (dir: string): ManifestJson => JSON.parse(readFileSync(join(dir, '.agentpack.json'), 'utf8')) as ManifestJson;

describe('names as Claude Code loads them, through the built binary', () => {
  it('install --all: every installable name under the slug of its name, the name line byte for byte; the names Claude Code skips refused', async () => {
    const { cat, dir, run } = setup();
    const all = await run(['install', '--all', '--from', cat, '--json']);
    expect(all.code, all.stderr).toBe(1);
    const out = JSON.parse(all.stdout) as { refused: { code: string; agent: string; paths: string[] }[] };
    expect(out.refused.map((r) => [r.agent, r.code, r.paths])).toEqual([
      ['-linter', 'AGENT_NAME_NOT_PORTABLE', ['agents/dash-linter.md']],
      ['ops:deployer', 'AGENT_NAME_NOT_PORTABLE', ['agents/ops-deployer.md']],
      // 150 characters: above the 128 agentpack installs (Claude Code itself loads up to 256).
      [LONG, 'AGENT_NAME_NOT_PORTABLE', ['agents/long-name.md']],
    ]);
    expect(mdFiles(dir)).toEqual(Object.values(EXPECTED).sort());
    for (const [name, file] of Object.entries(EXPECTED)) {
      const source = readFileSync(join(cat, 'agents', SOURCE[name] ?? ''), 'utf8');
      const installed = readFileSync(join(dir, file), 'utf8');
      expect(nameLine(installed), name).toBe(nameLine(source));
      expect(installed, name).toBe(source);
    }
    const manifest = manifestOf(dir);
    expect(Object.keys(manifest.agents).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [name, file] of Object.entries(EXPECTED)) {
      // `file` is recorded unless it is <name>.md (what an entry without it means, as before).
      expect(manifest.agents[name]?.file, name).toBe(file === `${name}.md` ? undefined : file);
    }
    const status = await run(['status', '--json']);
    expect(status.code, status.stdout).toBe(0);
    const files = (JSON.parse(status.stdout) as { scopes: { files: { path: string; agent: string; installed: { state: string } | null }[] }[] }).scopes[0]
      ?.files;
    expect(files?.map((f) => [f.agent, f.path, f.installed?.state]).sort()).toEqual(
      Object.entries(EXPECTED)
        .map(([name, file]) => [name, join(dir, file), 'ok'])
        .sort(),
    );
  });

  it('locale switches where a variant exists, update rewrites in place, uninstall of each leaves nothing', async () => {
    const { cat, dir, run } = setup();
    expect((await run(['install', '--all', '--from', cat])).code).toBe(1);
    const before = mdFiles(dir);
    const ja = await run(['locale', 'ja', ...WITH_JA]);
    expect(ja.code, ja.stderr).toBe(0);
    for (const name of WITH_JA) {
      const text = readFileSync(join(dir, EXPECTED[name] ?? ''), 'utf8');
      expect(text, name).toContain(`あなたは ${name} です。`);
      expect(nameLine(text)).toBe(nameLine(readFileSync(join(cat, 'agents', SOURCE[name] ?? ''), 'utf8')));
      expect(manifestOf(dir).agents[name]?.locale).toBe('ja');
    }
    expect(mdFiles(dir)).toEqual(before);
    expect((await run(['locale', 'en', ...WITH_JA])).code).toBe(0);
    expect(readFileSync(join(dir, EXPECTED['Code Reviewer'] ?? ''), 'utf8')).toBe(readFileSync(join(cat, 'agents', 'code-reviewer-spaced.md'), 'utf8'));

    // The catalog changes: update writes the new bytes to the same files.
    for (const name of ['Code Reviewer', 'レビュー担当', 'Test Runner (CI)']) {
      const path = join(cat, 'agents', SOURCE[name] ?? '');
      writeFileSync(path, `${readFileSync(path, 'utf8')}\nUpdated for ${name}.\n`);
    }
    const update = await run(['update', '--json']);
    expect(update.code, update.stderr).toBe(0);
    const written = (JSON.parse(update.stdout) as { actions: { action: string; agent: string; path: string }[] }).actions.filter((a) => a.action !== 'skip');
    expect(written.map((a) => [a.agent, a.action, a.path]).sort()).toEqual(
      ['Code Reviewer', 'Test Runner (CI)', 'レビュー担当'].map((name) => [name, 'overwrite', join(dir, EXPECTED[name] ?? '')]).sort(),
    );
    expect(readFileSync(join(dir, EXPECTED['レビュー担当'] ?? ''), 'utf8')).toContain('Updated for レビュー担当.');
    expect(mdFiles(dir)).toEqual(before);

    for (const name of Object.keys(EXPECTED)) {
      const r = await run(['uninstall', name]);
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      expect(existsSync(join(dir, EXPECTED[name] ?? '')), name).toBe(false);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a lost manifest (a run killed before writing it): installing again finds each file by its name and bytes, no second copy', async () => {
    const { cat, dir, run } = setup();
    expect((await run(['install', '--all', '--from', cat])).code).toBe(1);
    const recorded = manifestOf(dir);
    const bytes = Object.fromEntries(mdFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    rmSync(join(dir, '.agentpack.json'));
    const again = await run(['install', '--all', '--from', cat, '--json']);
    expect(again.code).toBe(1);
    const actions = (JSON.parse(again.stdout) as { actions: { action: string; reason: string }[] }).actions;
    expect(new Set(actions.map((a) => `${a.action}:${a.reason}`))).toEqual(new Set(['skip:up-to-date']));
    expect(Object.fromEntries(mdFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]))).toEqual(bytes);
    expect(manifestOf(dir)).toEqual(recorded);
  });

  it('an edited file is still refused without --force (kept, with a backup, with it)', async () => {
    const { cat, dir, run } = setup();
    expect((await run(['install', 'Data Pipeline Builder', '--from', cat])).code).toBe(0);
    const path = join(dir, 'data-pipeline-builder.md');
    writeFileSync(path, `${readFileSync(path, 'utf8')}My own line.\n`);
    const edited = readFileSync(path, 'utf8');
    const update = await run(['update', 'Data Pipeline Builder']);
    expect(update.code).toBe(1);
    const uninstall = await run(['uninstall', 'Data Pipeline Builder']);
    expect(uninstall.code).toBe(1);
    expect(uninstall.stderr).toContain('error CONFLICT:');
    expect(uninstall.stderr).toContain('data-pipeline-builder.md');
    expect(uninstall.stderr).toContain("agentpack uninstall 'Data Pipeline Builder' --force");
    expect(readFileSync(path, 'utf8')).toBe(edited);
    expect((await run(['uninstall', 'Data Pipeline Builder', '--force'])).code).toBe(0);
    expect(readdirSync(dir)).toEqual(['data-pipeline-builder.md.bak']);
    expect(readFileSync(join(dir, 'data-pipeline-builder.md.bak'), 'utf8')).toBe(edited);
  });

  it('two names with one slug get two files, whichever comes first; a file declaring another name is never taken', async () => {
    const { cat, dir, run } = setup();
    expect((await run(['install', 'Code Reviewer', '--from', cat])).code).toBe(0);
    expect(mdFiles(dir)).toEqual(['code-reviewer.md']);
    expect((await run(['install', 'code-reviewer', '--from', cat])).code).toBe(0);
    expect(mdFiles(dir)).toEqual(['code-reviewer.md', `code-reviewer-${h8('code-reviewer')}.md`].sort());
    expect(nameLine(readFileSync(join(dir, 'code-reviewer.md'), 'utf8'))).toBe('name: Code Reviewer');
    expect(nameLine(readFileSync(join(dir, `code-reviewer-${h8('code-reviewer')}.md`), 'utf8'))).toBe('name: code-reviewer');
    expect(manifestOf(dir).agents['Code Reviewer']?.file).toBe('code-reviewer.md');
    expect((await run(['status'])).code).toBe(0);
    expect((await run(['uninstall', 'code-reviewer', 'Code Reviewer'])).code).toBe(0);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);

    // The user's own code-reviewer.md declares another name: Code Reviewer goes beside it.
    mkdirSync(dir, { recursive: true });
    const mine = '---\nname: my-reviewer\ndescription: Mine.\n---\nMine.\n';
    writeFileSync(join(dir, 'code-reviewer.md'), mine);
    expect((await run(['install', 'Code Reviewer', '--from', cat])).code).toBe(0);
    expect(mdFiles(dir)).toEqual(['code-reviewer.md', `code-reviewer-${h8('Code Reviewer')}.md`].sort());
    expect(readFileSync(join(dir, 'code-reviewer.md'), 'utf8')).toBe(mine);
    // A file that declares this very name is its own (foreign here): the ownership rule, not a new file.
    writeFileSync(join(dir, 'archivist.md'), '---\nname: Archivist\ndescription: Mine too.\n---\nMine.\n');
    const foreign = await run(['install', 'Archivist', '--from', cat]);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toContain('error CONFLICT:');
    expect(mdFiles(dir)).toContain('archivist.md');
    expect(mdFiles(dir)).toHaveLength(3);
  });

  it('a slug longer than 100 characters is cut and gets a hash suffix', async () => {
    const { env, home } = isolatedEnv();
    const src = tempDir('agentpack-names-long-');
    const name = `Reviewer For ${'Very '.repeat(18)}Large Databases`;
    writeFileSync(join(src, 'long.md'), `---\nname: ${name}\ndescription: Long.\n---\nBody.\n`);
    const dir = join(home, '.claude', 'agents');
    expect((await runCli(['install', name, '--from', src], { env, cwd: home })).code).toBe(0);
    const [file] = mdFiles(dir);
    expect(file).toMatch(new RegExp(`^reviewer-for-(very-)+ve?r?y?-${h8(name)}\\.md$`));
    expect((file ?? '').length - 3).toBeLessThanOrEqual(100);
    expect(nameLine(readFileSync(join(dir, file ?? ''), 'utf8'))).toBe(`name: ${name}`);
    expect((await runCli(['uninstall', name], { env, cwd: home })).code).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a name Claude Code skips is refused with its code, a message and the next command, in English and Japanese; never INTERNAL', async () => {
    const { cat, dir, run } = setup();
    for (const [name, file] of [
      ['ops:deployer', 'agents/ops-deployer.md'],
      ['-linter', 'agents/dash-linter.md'],
    ] as const) {
      const en = await run(['install', '--from', cat, '--', name]);
      expect(en.code, en.stderr).toBe(1);
      expect(en.stderr).toContain(`error AGENT_NAME_NOT_PORTABLE: "${name}" (${file}) is not a name agentpack can install`);
      expect(en.stderr).toContain(`hint: Rename it in its front-matter, then run agentpack validate --from ${cat}.`);
      expect(en.stderr).not.toContain('INTERNAL');
      const ja = await run(['install', '--from', cat, '--lang', 'ja', '--', name]);
      expect(ja.code).toBe(1);
      expect(ja.stderr).toContain('agentpack でインストールできる名前ではありません');
      expect(ja.stderr).toContain(`agentpack validate --from ${cat} を実行してください`);
      const json = await run(['install', '--from', cat, '--json', '--', name]);
      expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'AGENT_NAME_NOT_PORTABLE' } });
    }
    expect(existsSync(dir)).toBe(false);
  });
});

describe('install --as <new-name>', () => {
  it('from a folder: writes the new name (every other byte the render), records the original; locale, update and uninstall keep to it', async () => {
    const { cat, dir, run } = setup();
    const install = await run(['install', 'Code Reviewer', '--as', 'Peer Reviewer', '--from', cat]);
    expect(install.code, install.stderr).toBe(0);
    expect(mdFiles(dir)).toEqual(['peer-reviewer.md']);
    const show = async (locale: string): Promise<string> => (await run(['show', 'Code Reviewer', '--from', cat, '--locale', locale])).stdout;
    const renamed = (text: string): string => text.replace(/^name: Code Reviewer$/m, 'name: Peer Reviewer');
    expect(readFileSync(join(dir, 'peer-reviewer.md'), 'utf8')).toBe(renamed(await show('en')));
    expect(renamed(await show('en'))).not.toBe(await show('en'));
    const entry = manifestOf(dir).agents['Peer Reviewer'];
    expect(entry).toMatchObject({ file: 'peer-reviewer.md', originalName: 'Code Reviewer', locale: 'en' });
    expect(Object.keys(manifestOf(dir).agents)).toEqual(['Peer Reviewer']);

    const ja = await run(['locale', 'ja', 'Peer Reviewer']);
    expect(ja.code, ja.stderr).toBe(0);
    expect(readFileSync(join(dir, 'peer-reviewer.md'), 'utf8')).toBe(renamed(await show('ja')));
    expect(manifestOf(dir).agents['Peer Reviewer']).toMatchObject({ locale: 'ja', originalName: 'Code Reviewer' });

    const source = join(cat, 'locales', 'ja', 'agents', 'code-reviewer-spaced.md');
    writeFileSync(source, `${readFileSync(source, 'utf8')}\n追記しました。\n`);
    const update = await run(['update']);
    expect(update.code, update.stderr).toBe(0);
    const updated = readFileSync(join(dir, 'peer-reviewer.md'), 'utf8');
    expect(updated).toContain('追記しました。');
    expect(updated).toBe(renamed(await show('ja')));
    expect(manifestOf(dir).agents['Peer Reviewer']?.sha256).toBe(contentHash(updated));
    expect((await run(['status'])).code).toBe(0);

    // The original name is another agent now: installing it is a second file, not a replacement.
    expect((await run(['install', 'Code Reviewer', '--from', cat, '--locale', 'en'])).code).toBe(0);
    expect(mdFiles(dir)).toEqual(['code-reviewer.md', 'peer-reviewer.md']);
    // …but the renamed one is not overwritten by another agent under its name.
    const clash = await run(['install', 'Archivist', '--as', 'Peer Reviewer', '--from', cat]);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('error CONFLICT:');
    expect(readFileSync(join(dir, 'peer-reviewer.md'), 'utf8')).toBe(updated);

    expect((await run(['uninstall', 'Peer Reviewer', 'Code Reviewer'])).code).toBe(0);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('from the package: locale, update, diff and uninstall under the new name', async () => {
    const { dir, run } = setup();
    const pkgShow = async (locale: string): Promise<string> => (await run(['show', 'ml-engineer', '--locale', locale])).stdout;
    expect((await run(['install', 'ml-engineer', '--as', 'ML Lead', '--locale', 'en'])).code).toBe(0);
    expect(mdFiles(dir)).toEqual(['ml-lead.md']);
    expect(readFileSync(join(dir, 'ml-lead.md'), 'utf8')).toBe((await pkgShow('en')).replace(/^name: ml-engineer$/m, 'name: ML Lead'));
    expect(manifestOf(dir).agents['ML Lead']).toMatchObject({ file: 'ml-lead.md', originalName: 'ml-engineer', locale: 'en' });
    expect((await run(['locale', 'ja', 'ML Lead'])).code).toBe(0);
    expect(readFileSync(join(dir, 'ml-lead.md'), 'utf8')).toBe((await pkgShow('ja')).replace(/^name: ml-engineer$/m, 'name: ML Lead'));
    const update = await run(['update', '--json']);
    expect(update.code).toBe(0);
    expect((JSON.parse(update.stdout) as { actions: { action: string; reason: string }[] }).actions).toMatchObject([{ action: 'skip', reason: 'up-to-date' }]);
    const diff = await run(['diff', 'ML Lead']);
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).not.toContain('@@');
    expect((await run(['uninstall', 'ML Lead'])).code).toBe(0);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it.each([
    ['two agents', ['install', 'ml-engineer', 'other', '--as', 'x']],
    ['--all', ['install', '--all', '--as', 'x']],
    ['a name Claude Code skips', ['install', 'ml-engineer', '--as', 'team:x']],
    ['a leading dash', ['install', 'ml-engineer', '--as=-x']],
    ['an empty name', ['install', 'ml-engineer', '--as', '']],
  ])('is a usage error (exit 2) with %s; nothing written', async (_label, args) => {
    const { dir, run } = setup();
    const r = await run(args);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('error USAGE:');
    expect(existsSync(dir)).toBe(false);
  });
});
