import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, runCli, tempDir, type CliResult } from '../helpers/cli.js';
import { hashTree } from '../helpers/tree.js';

/**
 * Agents installed from a folder are first-class afterwards: status, list, update, diff, show, locale and
 * uninstall use the folder the manifest records, never the package's agent of the same name.
 */

const agentText = (name: string, description: string, body = `${name} body.`): string => `---\nname: ${name}\ndescription: ${description}\n---\n${body}\n`;

/** Files of an agents folder with their text (it holds no subfolders here). */
const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );

interface StatusJson {
  findings: { code: string; severity: string; file: string; message: string; hint: string }[];
  scopes: { scope: string; files: { agent: string; installed: Record<string, unknown> | null }[] }[];
}
interface ListJson {
  agents: { name: string; installed: { dir?: Record<string, unknown> | null } }[];
}

/**
 * A home, a work folder with a catalog `cat` (an `ml-engineer` that is not the package's, and two more agents,
 * all English only), an agents folder holding one hand-made file, and the CLI run from the work folder.
 */
function setup(): { work: string; cat: string; dir: string; home: string; cli: (args: string[]) => Promise<CliResult> } {
  const { env, home } = isolatedEnv();
  const work = tempDir('agentpack-folder-agents-');
  const cat = join(work, 'cat');
  mkdirSync(join(cat, 'agents'), { recursive: true });
  writeFileSync(join(cat, 'agents', 'ml-engineer.md'), agentText('ml-engineer', 'Our own ML engineer, not the package one.'));
  writeFileSync(join(cat, 'agents', 'reviewer.md'), agentText('reviewer', 'Reviews pull requests.'));
  writeFileSync(join(cat, 'agents', 'writer.md'), agentText('writer', 'Writes release notes.'));
  writeFileSync(join(cat, 'README.md'), '# Our catalog\n');
  const dir = join(work, 'agents');
  mkdirSync(dir);
  writeFileSync(join(dir, 'mine.md'), agentText('mine', 'Hand-made, not agentpack’s.'));
  return { work, cat, dir, home, cli: (args) => runCli(args, { env, cwd: work }) };
}

const findingsOf = (r: CliResult): StatusJson['findings'] => (JSON.parse(r.stdout) as StatusJson).findings;
const installedIn = (r: CliResult, agent: string): Record<string, unknown> | null | undefined =>
  (JSON.parse(r.stdout) as StatusJson).scopes.find((s) => s.scope === 'dir')?.files.find((f) => f.agent === agent)?.installed;
const listedIn = (r: CliResult, agent: string): Record<string, unknown> | null | undefined =>
  (JSON.parse(r.stdout) as ListJson).agents.find((a) => a.name === agent)?.installed.dir;

describe('an agent installed from a folder is compared with that folder', () => {
  it('status and list: no update due for a folder ml-engineer that differs from the package; a change in the folder is due and update applies it', async () => {
    const { cat, dir, cli } = setup();
    expect((await cli(['install', '--all', '--from', 'cat', '--dir', dir])).code).toBe(0);

    const [status, list, human] = await Promise.all([
      cli(['status', '--dir', dir, '--json']),
      cli(['list', '--dir', dir, '--json']),
      cli(['list', '--dir', dir]),
    ]);
    expect(status.code).toBe(0);
    expect(findingsOf(status).map((f) => f.code)).toEqual([]);
    const clean = { locale: 'en', state: 'ok', origin: { translationStatus: 'source', translationWasCurrent: null, updateDue: false } };
    expect(installedIn(status, 'ml-engineer')).toEqual({ ...clean, source: { from: 'cat', path: 'agents/ml-engineer.md' } });
    expect(listedIn(list, 'ml-engineer')).toEqual({ ...clean, path: join(dir, 'ml-engineer.md'), source: { from: 'cat', path: 'agents/ml-engineer.md' } });
    expect(human.stdout).not.toContain('update available');

    // The folder's ml-engineer changes: due against the folder, and update writes exactly what show renders from it.
    writeFileSync(join(cat, 'agents', 'ml-engineer.md'), agentText('ml-engineer', 'Our own ML engineer, now with a second line.'));
    const [due, dueList, dueText, dueJa] = await Promise.all([
      cli(['status', '--dir', dir, '--json']),
      cli(['list', '--dir', dir, '--json']),
      cli(['status', '--dir', dir]),
      cli(['status', '--dir', dir, '--lang', 'ja']),
    ]);
    expect(findingsOf(due).map((f) => [f.code, f.file])).toEqual([['INSTALLED_OUTDATED', join(dir, 'ml-engineer.md')]]);
    expect(listedIn(dueList, 'ml-engineer')).toMatchObject({ state: 'outdated', origin: { updateDue: true } });
    expect(listedIn(dueList, 'reviewer')).toMatchObject({ state: 'ok', origin: { updateDue: false } });
    expect(dueText.stdout).toContain(`info INSTALLED_OUTDATED ml-engineer (en) has a newer version in its source (${cat}).`);
    expect(dueText.stdout).toContain(`hint: Update it: agentpack update ml-engineer --dir ${dir}`);
    expect(dueText.stdout).not.toContain('this package');
    expect(dueJa.stdout).toContain(`ml-engineer（en）の新しいバージョンがあります（インストール元: ${cat}）。`);

    const dry = await cli(['update', '--dir', dir, '--dry-run']);
    expect(dry.stdout).toMatch(/overwrite\s+ml-engineer\.md\s+en\s+its source has a newer version/);
    const update = await cli(['update', '--dir', dir, '--verbose']);
    expect(update.code).toBe(0);
    expect(update.stdout).toContain(`Updated ml-engineer (en): ${join(dir, 'ml-engineer.md')}\n`);
    expect(update.stdout).toMatch(/\nUpdated 1 agent in .*; 0 skipped\n$/);
    const [fromFolder, fromPackage] = await Promise.all([cli(['show', 'ml-engineer', '--from', 'cat']), cli(['show', 'ml-engineer', '--locale', 'en'])]);
    expect(readFileSync(join(dir, 'ml-engineer.md'), 'utf8')).toBe(fromFolder.stdout);
    expect(fromFolder.stdout).not.toBe(fromPackage.stdout);
    expect(findingsOf(await cli(['status', '--dir', dir, '--json']))).toEqual([]);
  });

  it('diff and show of a folder agent read the recorded folder (diff exits 0 when identical, 1 when not)', async () => {
    const { cat, dir, cli } = setup();
    expect((await cli(['install', '--all', '--from', 'cat', '--dir', dir])).code).toBe(0);
    const [same, sameJa, reviewer] = await Promise.all([
      cli(['diff', 'ml-engineer', '--dir', dir]),
      cli(['diff', 'ml-engineer', '--dir', dir, '--lang', 'ja']),
      cli(['diff', 'reviewer', '--dir', dir, '--json']),
    ]);
    expect(same).toEqual({ code: 0, stdout: `${join(dir, 'ml-engineer.md')} is identical to what agentpack writes from ${cat} (en).\n`, stderr: '' });
    expect(sameJa.stdout).toBe(`${join(dir, 'ml-engineer.md')} は、agentpack が書き込む内容（en、インストール元: ${cat}）と同じです。\n`);
    expect(JSON.parse(reviewer.stdout)).toMatchObject({ ok: true, agent: 'reviewer', state: 'ok', identical: true });

    writeFileSync(join(dir, 'reviewer.md'), `${readFileSync(join(dir, 'reviewer.md'), 'utf8')}my note\n`);
    const edited = await cli(['diff', 'reviewer', '--dir', dir]);
    expect(edited.code).toBe(1);
    expect(edited.stdout).toContain(`--- agentpack show reviewer --locale en --dir ${dir}`);
    expect(edited.stdout).toContain('+my note');

    const [shown, fromFolder, json] = await Promise.all([
      cli(['show', 'ml-engineer', '--dir', dir]),
      cli(['show', 'ml-engineer', '--from', 'cat']),
      cli(['show', 'reviewer', '--dir', dir, '--json']),
    ]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toBe(fromFolder.stdout);
    expect(shown.stdout).toContain('Our own ML engineer, not the package one.');
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, agent: 'reviewer', locale: 'en', path: 'agents/reviewer.md' });
    // Not installed and not the package's: unknown, as before.
    expect((await cli(['show', 'nobody', '--dir', dir])).stderr).toContain('error AGENT_UNKNOWN');
  });

  it('a moved folder: one warning per folder with the command that points agentpack at its new place; update --from records it', async () => {
    const { work, cat, dir, cli } = setup();
    expect((await cli(['install', '--all', '--from', 'cat', '--dir', dir])).code).toBe(0);
    const single = join(work, 'single');
    expect((await cli(['install', 'reviewer', '--from', 'cat', '--dir', single])).code).toBe(0);
    renameSync(cat, join(work, 'moved'));
    const before = snapshot(dir);
    const [status, json, list, update, ja, one] = await Promise.all([
      cli(['status', '--dir', dir]),
      cli(['status', '--dir', dir, '--json']),
      cli(['list', '--dir', dir]),
      cli(['update', '--dir', dir]),
      cli(['status', '--dir', dir, '--lang', 'ja']),
      cli(['status', '--dir', single]),
    ]);
    const warning =
      `  warning SOURCE_NOT_FOUND 3 agents were installed from ${cat}, which no longer exists (recorded as --from cat); nothing can be compared with their source.\n` +
      `    hint: Point agentpack at where the folder is now: agentpack update --dir ${dir} --from <new folder>\n`;
    expect(status.code).toBe(0);
    expect(status.stdout.match(/SOURCE_NOT_FOUND/g)).toHaveLength(1);
    expect(status.stdout).toContain(warning);
    expect(
      findingsOf(json)
        .filter((f) => f.code === 'SOURCE_NOT_FOUND')
        .map((f) => f.file),
    ).toEqual([cat]);
    expect(list.stderr).toBe(warning);
    expect(update.code).toBe(1);
    expect(update.stderr).toBe(
      `error SOURCE_NOT_FOUND: 3 agents were installed from ${cat}, which no longer exists.\n` +
        `hint: Point agentpack at where the folder is now: agentpack update --dir ${dir} --from <new folder> (was --from cat); or install again from there with --force.\n`,
    );
    expect(ja.stdout).toContain(`3 個のエージェントのインストール元フォルダー ${cat} が見つかりません（記録: --from cat）。`);
    expect(ja.stdout).toContain(`ヒント: フォルダーの現在の場所を指定してください: agentpack update --dir ${dir} --from <新しいフォルダー>`);
    expect(one.stdout).toContain(`warning SOURCE_NOT_FOUND reviewer was installed from ${cat}, which no longer exists (recorded as --from cat)`);
    expect(snapshot(dir)).toEqual(before);

    const repointed = await cli(['update', '--from', 'moved', '--dir', dir]);
    expect(repointed.code).toBe(0);
    expect(findingsOf(await cli(['status', '--dir', dir, '--json']))).toEqual([]);
  });
});

describe('an agent installed in Japanese from a folder', () => {
  it('only the English changed: "no updated Japanese translation yet", not an update; the Japanese gone: nothing update could apply either', async () => {
    const { cat, dir, cli } = setup();
    mkdirSync(join(cat, 'i18n', 'ja', 'agents'), { recursive: true });
    writeFileSync(join(cat, 'i18n', 'ja', 'agents', 'reviewer.md'), agentText('reviewer', 'プルリクエストをレビューします。', '本文です。'));
    expect((await cli(['install', 'reviewer', '--from', 'cat', '--locale', 'ja', '--dir', dir])).code).toBe(0);
    const installed = snapshot(dir);
    writeFileSync(join(cat, 'agents', 'reviewer.md'), agentText('reviewer', 'Reviews pull requests, now with a checklist.'));

    const [status, list, human, update] = await Promise.all([
      cli(['status', '--dir', dir, '--json']),
      cli(['list', '--dir', dir, '--json']),
      cli(['list', '--dir', dir]),
      cli(['update', '--dir', dir, '--dry-run', '--json']),
    ]);
    expect(findingsOf(status).map((f) => f.code)).toEqual(['TRANSLATION_BEHIND', 'INSTALLED_FROM_STALE_TRANSLATION']);
    expect(findingsOf(status)[0]).toMatchObject({
      message: `reviewer (ja): the English source changed since it was installed; ${cat} has no updated Japanese translation yet.`,
      hint: `To get the new text, switch to English: agentpack locale en reviewer --dir ${dir}`,
    });
    expect(listedIn(list, 'reviewer')).toMatchObject({ state: 'ok', origin: { updateDue: false, translationBehind: true, sourceLocale: 'en' } });
    expect(human.stdout).toContain('ja ok, English source changed, no updated Japanese translation yet');
    expect(human.stdout).not.toContain('update available');
    expect((JSON.parse(update.stdout) as { actions: { action: string }[] }).actions.map((a) => a.action)).toEqual(['skip']);

    // The folder drops its Japanese file: the installed one stays, and nothing says an update is available.
    rmSync(join(cat, 'i18n'), { recursive: true });
    const [gone, goneList, goneJa] = await Promise.all([
      cli(['status', '--dir', dir, '--json']),
      cli(['list', '--dir', dir]),
      cli(['status', '--dir', dir, '--lang', 'ja']),
    ]);
    expect(findingsOf(gone).map((f) => [f.code, f.message])).toContainEqual([
      'INSTALLED_LOCALE_GONE',
      `reviewer (ja): ${cat} no longer has a Japanese version; the installed file stays as it is.`,
    ]);
    expect(findingsOf(gone).map((f) => f.code)).not.toContain('INSTALLED_OUTDATED');
    expect(goneList.stdout).toMatch(/reviewer +en +ja no longer in its source/);
    expect(goneJa.stdout).toContain(`reviewer（ja）: インストール元（${cat}）に日本語版がなくなりました。`);
    const skipped = await cli(['update', '--dir', dir]);
    expect(skipped.stderr).toBe(`Skipped reviewer: ${cat} no longer has its Japanese version.\n`);
    expect(snapshot(dir)).toEqual(installed);
  });
});

describe('locale <lang> over agents that have no variant in it', () => {
  it('one summary line naming the language and the folder, exit 0, nothing changed; a named agent still fails', async () => {
    const { cat, dir, cli } = setup();
    expect((await cli(['install', '--all', '--from', 'cat', '--dir', dir])).code).toBe(0);
    const before = snapshot(dir);
    const [en, ja, json] = await Promise.all([
      cli(['locale', 'ja', '--dir', dir]),
      cli(['locale', 'ja', '--dir', dir, '--lang', 'ja']),
      cli(['locale', 'ja', '--dir', dir, '--json']),
    ]);
    expect(en).toEqual({
      code: 0,
      stdout: `3 agents have no Japanese version in ${cat}; they stay in English.\nSwitched 0 agents to Japanese in ${dir}; 0 skipped\n`,
      stderr: '',
    });
    expect(ja.code).toBe(0);
    expect(ja.stdout).toBe(
      `3 個のエージェントには日本語版がないため、英語のままにしました（インストール元: ${cat}）。\n${dir} の 0 個のエージェントを日本語に切り替えました。スキップ: 0 個。\n`,
    );
    const out = JSON.parse(json.stdout) as { ok: boolean; actions: { action: string; reason: string; locale: string }[] };
    expect(out.ok).toBe(true);
    expect(out.actions.map((a) => [a.action, a.reason, a.locale])).toEqual(Array(3).fill(['skip', 'not-in-package', 'en']));
    expect(snapshot(dir)).toEqual(before);

    const named = await cli(['locale', 'ja', 'reviewer', '--dir', dir]);
    expect(named).toEqual({ code: 1, stdout: '', stderr: `reviewer has no Japanese version in ${cat}; it stays in English.\n` });
    expect(snapshot(dir)).toEqual(before);
  });

  it('the package agent switches and a folder agent without Japanese stays: exit 0, one line for the folder', async () => {
    const { cat, cli, home } = setup();
    const userAgents = join(home, '.claude', 'agents');
    expect((await cli(['install', 'ml-engineer', '--locale', 'en'])).code).toBe(0);
    expect((await cli(['install', 'reviewer', 'writer', '--from', 'cat'])).code).toBe(0);
    const r = await cli(['locale', 'ja']);
    expect(r.code).toBe(0);
    // Three agents: one summary line; the agent that switched is named with --verbose.
    expect(r.stdout).toBe(
      `2 agents have no Japanese version in ${cat}; they stay in English.\nTo switch to en: agentpack locale en\nSwitched 1 agent to Japanese in ${userAgents}; 0 skipped\n`,
    );
    expect(r.stderr).toBe('');
    const verbose = await cli(['locale', 'en', '-v']);
    expect(verbose.stdout).toContain(`Switched ml-engineer from ja to en: ${join(userAgents, 'ml-engineer.md')}\n`);
    expect(verbose.stdout).toMatch(/Switched 1 agent to English in .*; 0 skipped\n$/);
  });
});

describe('uninstall --all and --from', () => {
  it('remove exactly what was recorded; the folders are as they were before install; a second run has nothing to remove', async () => {
    const { work, cat, dir, cli } = setup();
    mkdirSync(join(work, 'other'));
    writeFileSync(join(work, 'other', 'notes.md'), agentText('notes', 'Takes notes.'));
    const before = snapshot(dir);
    const catalog = hashTree(cat);
    expect((await cli(['install', '--all', '--from', 'cat', '--dir', dir])).code).toBe(0);
    expect((await cli(['install', 'notes', '--from', 'other', '--dir', dir])).code).toBe(0);

    const dry = await cli(['uninstall', '--from', 'cat', '--dir', dir, '--dry-run', '--json']);
    expect((JSON.parse(dry.stdout) as { actions: { action: string; agent: string }[] }).actions.map((a) => [a.action, a.agent])).toEqual([
      ['remove', 'ml-engineer'],
      ['remove', 'reviewer'],
      ['remove', 'writer'],
    ]);
    const fromCat = await cli(['uninstall', '--from', cat, '--dir', dir]);
    expect(fromCat.code).toBe(0);
    expect(fromCat.stdout).toBe(`Removed 3 agents from ${dir}; 0 skipped\n`);
    expect(Object.keys(snapshot(dir))).toEqual(['.agentpack.json', 'mine.md', 'notes.md']);
    expect(Object.keys((JSON.parse(readFileSync(join(dir, '.agentpack.json'), 'utf8')) as { agents: object }).agents)).toEqual(['notes']);

    // Not installed (any more): the same words for a folder's agent as for the package's, exit 0.
    const [again, folderAgent, packageAgent, ja] = await Promise.all([
      cli(['uninstall', '--from', 'cat', '--dir', dir]),
      cli(['uninstall', 'reviewer', '--dir', dir]),
      cli(['uninstall', 'ml-engineer', '--dir', dir]),
      cli(['uninstall', 'reviewer', '--dir', dir, '--lang', 'ja']),
    ]);
    expect(again).toEqual({ code: 0, stdout: `No agent in ${dir} was installed from cat: nothing to remove.\n`, stderr: '' });
    expect(folderAgent).toEqual({ code: 0, stdout: `reviewer is not installed in ${dir}: nothing to remove.\n`, stderr: '' });
    expect(packageAgent).toEqual({ code: 0, stdout: `ml-engineer is not installed in ${dir}: nothing to remove.\n`, stderr: '' });
    expect(ja.stdout).toBe(`reviewer は ${dir} にインストールされていないため、削除するものはありません。\n`);

    const all = await cli(['uninstall', '--all', '--dir', dir]);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain(`Removed notes: ${join(dir, 'notes.md')}`);
    expect(snapshot(dir)).toEqual(before);
    expect(hashTree(cat)).toEqual(catalog);
    const [none, noneJa] = await Promise.all([cli(['uninstall', '--all', '--dir', dir]), cli(['uninstall', '--all', '--dir', dir, '--lang', 'ja'])]);
    expect(none).toEqual({ code: 0, stdout: `No agent installed by agentpack is in ${dir}: nothing to remove.\n`, stderr: '' });
    expect(noneJa.stdout).toBe(`${dir} には agentpack でインストールしたエージェントがないため、削除するものはありません。\n`);
  });

  it('--from a folder that no longer exists still removes what was recorded from it; edited files are refused without --force', async () => {
    const { work, cat, dir, cli } = setup();
    expect((await cli(['install', '--all', '--from', 'cat', '--dir', dir])).code).toBe(0);
    renameSync(cat, join(work, 'moved'));
    writeFileSync(join(dir, 'writer.md'), `${readFileSync(join(dir, 'writer.md'), 'utf8')}my edit\n`);
    const before = snapshot(dir);
    const refused = await cli(['uninstall', '--from', 'cat', '--dir', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('error CONFLICT');
    expect(refused.stderr).toContain(`agentpack uninstall --from cat --force --dir ${dir}`);
    expect(snapshot(dir)).toEqual(before);
    const forced = await cli(['uninstall', '--from', 'cat', '--force', '--dir', dir]);
    expect(forced.code).toBe(0);
    expect(Object.keys(snapshot(dir))).toEqual(['mine.md', 'writer.md.bak']);
  });

  it('names with --all or --from, or nothing at all, is a usage error; the options are in the help of both languages', async () => {
    const { dir, cli } = setup();
    const [both, fromAndAll, nothing, help, helpJa] = await Promise.all([
      cli(['uninstall', 'reviewer', '--all', '--dir', dir]),
      cli(['uninstall', '--all', '--from', 'cat', '--dir', dir]),
      cli(['uninstall', '--dir', dir]),
      cli(['uninstall', '--help']),
      cli(['uninstall', '--help', '--lang', 'ja']),
    ]);
    expect([both.code, fromAndAll.code, nothing.code]).toEqual([2, 2, 2]);
    expect(both.stderr).toContain('error USAGE: Give either agent names or --all / --from <folder>, not both.');
    expect(fromAndAll.stderr).toContain('error USAGE: --all cannot be used together with --from.');
    expect(nothing.stderr).toContain('error USAGE: Name at least one agent, or use --all or --from <folder>.');
    expect(help.stdout).toMatch(/--all\s+every agent agentpack has recorded in the chosen folder/);
    expect(help.stdout).toMatch(/--from <path>\s+every agent recorded as installed from this folder/);
    expect(helpJa.stdout).toMatch(/--all\s+選んだフォルダーに agentpack が記録している/);
    expect(helpJa.stdout).toMatch(/--from <パス>\s+このフォルダー（またはファイル）からインストールしたと/);
  });
});
