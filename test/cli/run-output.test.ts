import { mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, runCli, tempDir, type CliResult } from '../helpers/cli.js';

/**
 * What a run prints, in both languages (issue 18): one summary per run of several agents, grouped lines, -v and
 * -q, dry runs in the future tense, validate and status that count what they show, lenient-YAML lines named as
 * part of a description, hints that keep --from / --dir, bare `agentpack` on stdout, and the common options.
 */

const agentText = (name: string, description: string, extra = ''): string => `---\nname: ${name}\ndescription: ${description}\n${extra}---\n${name} body.\n`;

/** A work folder with a catalog `cat` of three agents (one with a color Claude Code ignores: one warning). */
function setup(): { work: string; dir: string; home: string; cli: (args: string[]) => Promise<CliResult> } {
  const { env, home } = isolatedEnv();
  const work = tempDir('agentpack-run-output-');
  mkdirSync(join(work, 'cat', 'agents'), { recursive: true });
  writeFileSync(join(work, 'cat', 'agents', 'reviewer.md'), agentText('reviewer', 'Reviews pull requests.'));
  writeFileSync(join(work, 'cat', 'agents', 'writer.md'), agentText('writer', 'Writes release notes.', 'color: magenta\n'));
  writeFileSync(join(work, 'cat', 'agents', 'tester.md'), agentText('tester', 'Writes tests.'));
  return { work, dir: join(work, 'out'), home, cli: (args) => runCli(args, { env, cwd: work }) };
}

const CREATED = (dir: string): string => `Created the folder ${dir}. If Claude Code is running, restart it so that it notices the new folder.\n`;

describe('one summary per run', () => {
  it('install --all: one line with the count, the folder and the source warnings and their command; a re-run groups the agents up to date', async () => {
    const { dir, cli } = setup();
    const first = await cli(['install', '--all', '--from', 'cat', '--dir', dir]);
    expect(first).toEqual({
      code: 0,
      stdout: `${CREATED(dir)}Installed 3 agents into ${dir}; 0 skipped; the source has 1 warning — agentpack validate --from cat\n`,
      stderr: '',
    });
    const again = await cli(['install', '--all', '--from', 'cat', '--dir', dir]);
    expect(again).toEqual({
      code: 0,
      stdout: `Already up to date (3): reviewer, tester, writer\nInstalled 0 agents into ${dir}; 0 skipped; the source has 1 warning — agentpack validate --from cat\n`,
      stderr: '',
    });
    const ja = await cli(['install', '--all', '--from', 'cat', '--dir', dir, '--lang', 'ja']);
    expect(ja).toEqual({
      code: 0,
      stdout: `インストール済みで変更なし（3 個）: reviewer、tester、writer\n0 個のエージェントを ${dir} にインストールしました。スキップ: 0 個。インストール元に警告が 1 件あります（確認するには: agentpack validate --from cat）。\n`,
      stderr: '',
    });
  });

  it('-v prints each agent and each warning, then the summary; -q prints only the summary; one agent: its own line is the summary', async () => {
    const { dir, cli } = setup();
    const verbose = await cli(['install', '--all', '--from', 'cat', '--dir', dir, '-v']);
    expect(verbose.code).toBe(0);
    expect(verbose.stdout).toBe(
      `${CREATED(dir)}${['reviewer', 'tester', 'writer'].map((a) => `Installed ${a} (en): ${join(dir, `${a}.md`)}\n`).join('')}Installed 3 agents into ${dir}; 0 skipped\n`,
    );
    expect(verbose.stderr).toContain('agents/writer.md\n  warning FIELD_INVALID:4 "color" has a value Claude Code does not accept (magenta)');

    const other = join(dir, '..', 'quiet');
    for (const [lang, expected] of [
      ['en', `Installed 3 agents into ${other}; 0 skipped; the source has 1 warning — agentpack validate --from cat\n`],
      [
        'ja',
        `3 個のエージェントを ${other} にインストールしました。スキップ: 0 個。インストール元に警告が 1 件あります（確認するには: agentpack validate --from cat）。\n`,
      ],
    ] as const) {
      const quiet = await cli(['install', '--all', '--from', 'cat', '--dir', `${other}-${lang}`, '-q', '--lang', lang]);
      expect(quiet).toEqual({ code: 0, stdout: expected.replace(other, `${other}-${lang}`), stderr: '' });
    }

    // Negative control: a run about one agent prints that agent's line, and no summary.
    const one = await cli(['install', 'reviewer', '--from', 'cat', '--dir', join(dir, '..', 'one')]);
    expect(one.stdout).toBe(`${CREATED(join(dir, '..', 'one'))}Installed reviewer (en): ${join(dir, '..', 'one', 'reviewer.md')}\n`);
    const oneJa = await cli(['install', 'reviewer', '--from', 'cat', '--dir', join(dir, '..', 'one-ja'), '--lang', 'ja', '-q']);
    expect(oneJa).toEqual({ code: 0, stdout: `reviewer（en）をインストールしました: ${join(dir, '..', 'one-ja', 'reviewer.md')}\n`, stderr: '' });
  });

  it('uninstall --all, update and locale end on one summary; "no Japanese version" is one grouped line', async () => {
    const { dir, cli } = setup();
    expect((await cli(['install', '--all', '--from', 'cat', '--dir', dir])).code).toBe(0);
    expect(await cli(['update', '--dir', dir])).toEqual({
      code: 0,
      stdout: `Already up to date (3): reviewer, tester, writer\nUpdated 0 agents in ${dir}; 0 skipped\n`,
      stderr: '',
    });
    const locale = await cli(['locale', 'ja', '--dir', dir, '--lang', 'ja']);
    expect(locale.stdout).toBe(
      `3 個のエージェントには日本語版がないため、英語のままにしました（インストール元: ${join(dir, '..', 'cat')}）。\n${dir} の 0 個のエージェントを日本語に切り替えました。スキップ: 0 個。\n`,
    );
    const own = await cli(['install', '--all', '--from', 'cat', '--dir', join(dir, '..', 'ja'), '--locale', 'ja']);
    expect(own.stdout).toContain(`\nNo Japanese version (3), installed in their own language: reviewer, tester, writer\nInstalled 3 agents into `);
    const removed = await cli(['uninstall', '--all', '--dir', dir]);
    expect(removed).toEqual({
      code: 0,
      stdout: `No agentpack agent is left in ${dir}, so its manifest .agentpack.json was removed.\nRemoved 3 agents from ${dir}; 0 skipped\n`,
      stderr: '',
    });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('dry runs in the future tense', () => {
  it('install, uninstall and locale -n end on "Would …" (ja: …します), and say nothing in the past tense', async () => {
    const { dir, cli } = setup();
    const en = await cli(['install', '--all', '--from', 'cat', '--dir', dir, '-n']);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(
      /\nThe folder .* does not exist yet; it would be created\.\nWould install 3 agents into .*out; 0 would be skipped; the source has 1 warning — agentpack validate --from cat\n$/,
    );
    expect(en.stdout).not.toMatch(/Installed|was created/);
    const ja = await cli(['install', '--all', '--from', 'cat', '--dir', dir, '-n', '--lang', 'ja']);
    expect(ja.stdout).toMatch(
      /\n3 個のエージェントを .*out にインストールします。スキップ予定: 0 個。インストール元に警告が 1 件あります（確認するには: agentpack validate --from cat）。\n$/,
    );
    expect(ja.stdout).not.toContain('しました');
    expect((await cli(['install', '--all', '--from', 'cat', '--dir', dir])).code).toBe(0);
    const un = await cli(['uninstall', '--all', '--dir', dir, '--dry-run']);
    expect(un.stdout).toMatch(/\nWould remove 3 agents from .*out; 0 would be skipped\n$/);
    const unJa = await cli(['uninstall', '--all', '--dir', dir, '--dry-run', '--lang', 'ja']);
    expect(unJa.stdout).toMatch(/\n.*out から 3 個のエージェントを削除します。スキップ予定: 0 個。\n$/);
    expect(readdirSync(dir).sort()).toEqual(['.agentpack.json', 'reviewer.md', 'tester.md', 'writer.md']);
  });
});

describe('validate prints only problems', () => {
  it('the file with a problem and the count; --verbose also the clean files; --quiet only errors', async () => {
    const { work, cli } = setup();
    const en = await cli(['validate', 'cat']);
    expect(en).toEqual({
      code: 0,
      stdout:
        'cat/agents/writer.md\n  warning FIELD_INVALID:4 "color" has a value Claude Code does not accept (magenta); it will be ignored.\n    hint: Run agentpack schema to see the accepted values of color.\n\nFiles checked: 3. Errors: 0, warnings: 1.\n',
      stderr: '',
    });
    const verbose = await cli(['validate', 'cat', '-v']);
    expect(verbose.stdout).toContain('cat/agents/reviewer.md  no problems\ncat/agents/tester.md  no problems\ncat/agents/writer.md\n');
    const ja = await cli(['validate', 'cat', '--lang', 'ja']);
    expect(ja.stdout).toMatch(
      /^cat\/agents\/writer\.md\n {2}警告 FIELD_INVALID:4 [^\n]+\n {4}ヒント: [^\n]+\n\n3 個のファイルを検査しました: エラー 0 件、警告 1 件。\n$/,
    );
    writeFileSync(join(work, 'cat', 'agents', 'broken.md'), '---\nname: broken\ndescription: "open\n---\nbody\n');
    const quiet = await cli(['validate', 'cat', '-q']);
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).toMatch(
      /^cat\/agents\/broken\.md\n {2}error YAML_INVALID:\d+ [^\n]+\n {4}hint: [^\n]+\n\nFiles checked: 4\. Errors: 1, warnings: 1\.\n$/,
    );
  });
});

describe('status counts what it shows (ux-review defect 24)', () => {
  it('two files that do not load with YAML_INVALID: the summary says 2 errors, in both languages', async () => {
    const { env, home } = isolatedEnv();
    const project = join(home, 'ccproj');
    mkdirSync(join(project, '.git'), { recursive: true });
    mkdirSync(join(project, '.claude', 'agents'), { recursive: true });
    writeFileSync(join(project, '.claude', 'agents', 'a.md'), '---\nname: a\ndescription: "open\n---\nbody\n');
    writeFileSync(join(project, '.claude', 'agents', 'b.md'), "---\nname: b\ndescription: 'open\nmodel: sonnet\n---\nbody\n");
    writeFileSync(join(project, '.claude', 'agents', 'c.md'), agentText('c', 'Fine.'));
    const en = await runCli(['status', '-p'], { env, cwd: project });
    expect(en.code).toBe(1);
    expect(en.stdout.match(/^ {4}error YAML_INVALID/gm)).toHaveLength(2);
    expect(en.stdout.endsWith('\nFiles checked: 3. Would not load: 2, errors: 2, warnings: 0.\n')).toBe(true);
    const ja = await runCli(['status', '-p', '--lang', 'ja'], { env, cwd: project });
    expect(ja.stdout.match(/^ {4}エラー YAML_INVALID/gm)).toHaveLength(2);
    expect(ja.stdout.endsWith('\n3 個のファイルを検査しました: 読み込まれないファイル 2 個、エラー 2 件、警告 0 件。\n')).toBe(true);
    const json = JSON.parse((await runCli(['status', '-p', '--json'], { env, cwd: project })).stdout) as { summary: { errors: number } };
    expect(json.summary.errors).toBe(2);
  });
});

describe('lenient YAML: a line inside an unquoted description', () => {
  const lenient =
    '---\nname: optimizer\ndescription: Use it for store listings. Examples:\\n<example>\\nContext: a launch\nuser: "what keywords should we use?"\nassistant: "I will research them."\ncolor: blue\n---\nBody.\n';

  it('is named with its line and "quote it", not as an unknown key; the parser text is labelled after the Japanese sentence', async () => {
    const { work, cli } = setup();
    mkdirSync(join(work, 'lenient'));
    writeFileSync(join(work, 'lenient', 'optimizer.md'), lenient);
    const en = await cli(['validate', 'lenient/optimizer.md']);
    expect(en.stdout).toContain(
      '  warning DESCRIPTION_LINE_UNQUOTED:4 Line 4 ("user: …") is part of an unquoted description; quote it. Claude Code reads "user" as a key of its own and ends the description before this line.\n',
    );
    expect(en.stdout).toContain('  warning DESCRIPTION_LINE_UNQUOTED:5 Line 5 ("assistant: …") is part of an unquoted description; quote it.');
    expect(en.stdout).not.toContain('UNKNOWN_KEY');
    const ja = await cli(['validate', 'lenient/optimizer.md', '--lang', 'ja']);
    expect(ja.stdout).toContain(
      '  警告 DESCRIPTION_LINE_UNQUOTED:4 4 行目（"user: …"）は、引用符で囲まれていない description の続きです。引用符で囲んでください。',
    );
    // The YAML library's English message ends the line, after its label: no Japanese text follows it.
    const lenientLine = ja.stdout.split('\n').find((l) => l.includes('YAML_LENIENT')) ?? '';
    expect(lenientLine).toMatch(/。YAML パーサーのメッセージ: [\x20-\x7e]+$/);
  });

  it('negative controls: the same key in strict YAML, or after another field, is an unknown key', async () => {
    const { work, cli } = setup();
    mkdirSync(join(work, 'strict'));
    writeFileSync(join(work, 'strict', 'a.md'), agentText('a', 'Plain text.', 'user: someone\n'));
    writeFileSync(join(work, 'strict', 'b.md'), '---\nname: b\ndescription: Examples: one\nmodel: sonnet\nuser: someone\n---\nBody.\n');
    const r = await cli(['validate', 'strict']);
    expect(r.stdout.match(/warning UNKNOWN_KEY:\d+ Unknown key "user"/g)).toHaveLength(2);
    expect(r.stdout).not.toContain('DESCRIPTION_LINE_UNQUOTED');
  });
});

describe('hints keep the context of the run', () => {
  it('an unknown agent in a folder points at list --from that folder; in an agents folder at list --dir; the package at plain list', async () => {
    const { dir, cli } = setup();
    expect(await cli(['install', 'nope', '--from', './cat', '--dir', dir])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error AGENT_UNKNOWN: No agent named "nope".\nhint: Run agentpack list --from ./cat to see the available agents.\n',
    });
    const ja = await cli(['install', 'nope', '--from', './cat', '--lang', 'ja']);
    expect(ja.stderr).toBe(
      'エラー AGENT_UNKNOWN: "nope" という名前のエージェントはありません。\nヒント: agentpack list --from ./cat で利用できるエージェントを確認してください。\n',
    );
    const update = await cli(['update', 'nope', '--dir', dir]);
    expect(update.stderr).toBe(`error AGENT_UNKNOWN: No agent named "nope".\nhint: Run agentpack list --dir ${dir} to see the available agents.\n`);
    const pkg = await cli(['install', 'ml-engineerr']);
    expect(pkg.stderr).toBe(
      'error AGENT_UNKNOWN: No agent named "ml-engineerr".\nhint: Did you mean "ml-engineer"? Run agentpack list to see the available agents.\n',
    );
  });

  it('a language the catalog lacks: "did you mean" for jp and ja_JP (JA is ja), and an example the catalog has', async () => {
    const { cli } = setup();
    // Language tags are case-insensitive (BCP 47): JA is ja, not a mistake.
    const upper = await cli(['install', 'ml-engineer', '--locale', 'JA', '-n']);
    expect(upper.code, upper.stderr).toBe(0);
    expect(upper.stdout).toMatch(/ml-engineer\.md +ja /);
    for (const tag of ['jp', 'ja_JP']) {
      const r = await cli(['install', 'ml-engineer', '--locale', tag, '-n']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`error LOCALE_UNKNOWN: Unknown language "${tag}"; choose one of: en, ja.\nhint: Did you mean ja?\n`);
    }
    const list = await cli(['list', '--locale', 'jp', '--lang', 'ja']);
    expect(list.stderr).toBe('エラー LOCALE_UNKNOWN: 言語 "jp" には対応していません。次のいずれかを指定してください: en, ja\nヒント: ja のことですか？\n');
    const english = await cli(['show', 'reviewer', '--from', 'cat', '--locale', 'fr']);
    expect(english.stderr).toBe('error LOCALE_UNKNOWN: Unknown language "fr"; choose one of: en.\nhint: For example: --locale en\n');
  });
});

describe('bare agentpack and the top-level help', () => {
  it('no command: the help on stdout, exit 0, in both languages; bare i18n too', async () => {
    const { cli } = setup();
    const [en, ja, i18n] = await Promise.all([cli([]), cli(['--lang', 'ja']), cli(['i18n'])]);
    expect(en.code).toBe(0);
    expect(en.stderr).toBe('');
    expect(en.stdout).toMatch(/^Usage: agentpack \[options\] \[command\]\n/);
    expect(en.stdout).toBe((await cli(['--help'])).stdout);
    expect(ja.stdout).toMatch(/^使い方: agentpack /);
    expect(ja.stderr).toBe('');
    expect(i18n).toMatchObject({ code: 0, stderr: '' });
    expect(i18n.stdout).toMatch(/^Usage: agentpack i18n /);
  });

  it('names the scope and catalog options under "Common options"; a command help has no such section', async () => {
    const { cli } = setup();
    const en = (await cli(['--help'])).stdout;
    const section = en.slice(en.indexOf('Common options'), en.indexOf('Examples:'));
    for (const term of ['-g, --global', '-p, --project', '--dir <dir>', '--from <path>', '-l, --locale <locale>']) expect(section).toContain(`\n  ${term}  `);
    const ja = (await cli(['--help', '--lang', 'ja'])).stdout;
    const sectionJa = ja.slice(ja.indexOf('共通オプション'), ja.indexOf('例:'));
    for (const term of ['-g, --global', '-p, --project', '--dir <フォルダー>', '--from <パス>', '-l, --locale <言語>'])
      expect(sectionJa).toContain(`\n  ${term}  `);
    expect((await cli(['install', '--help'])).stdout).not.toContain('Common options');
  });
});

describe('folders that moved or hold nothing (ux-review defects 22 and 29)', () => {
  it('install --all from a folder with no agent says so with its list --from; update --from a moved folder says it is recorded', async () => {
    const { work, dir, cli } = setup();
    mkdirSync(join(work, 'empty'));
    expect(await cli(['install', '--all', '--from', 'empty', '--dir', dir])).toEqual({
      code: 0,
      stdout: 'No agent to install in empty. See what it holds with agentpack list --from empty.\n',
      stderr: '',
    });
    const ja = await cli(['install', '--all', '--from', 'empty', '--dir', dir, '--lang', 'ja']);
    expect(ja.stdout).toBe('empty にはインストールできるエージェントがありません。中身は agentpack list --from empty で確認できます。\n');
    expect((await cli(['install', '--all', '--from', 'cat', '--dir', dir])).code).toBe(0);
    renameSync(join(work, 'cat'), join(work, 'moved'));
    const update = await cli(['update', '--from', 'moved', '--dir', dir]);
    expect(update).toEqual({
      code: 0,
      stdout: `From now on, the 3 agents are read from moved (recorded in the manifest).\nAlready up to date (3): reviewer, tester, writer\nUpdated 0 agents in ${dir}; 0 skipped\n`,
      stderr: '',
    });
    // Negative controls: the same folder again, or no --from: nothing new is recorded, nothing is said.
    expect((await cli(['update', '--from', 'moved', '--dir', dir])).stdout).not.toContain('From now on');
    expect((await cli(['update', '--dir', dir])).stdout).not.toContain('From now on');
    renameSync(join(work, 'moved'), join(work, 'again'));
    const updateJa = await cli(['update', '--from', 'again', '--dir', dir, '--lang', 'ja']);
    expect(updateJa.stdout.split('\n')[0]).toBe('今後、この 3 個のエージェントは again から読み込みます（マニフェストに記録しました）。');
  });

  it('an unknown command names one command, not a command and its alias', async () => {
    const { cli } = setup();
    expect((await cli(['lst'])).stderr).toBe('error USAGE: Unknown command "lst". Did you mean list?\nhint: Run agentpack --help for usage.\n');
  });
});
