import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGENT } from '../helpers/agentpack.js';
import { isolatedEnv, runCli, tempDir } from '../helpers/cli.js';

// "Did you mean": a locale tag written the way a user's system writes it (jp, JA, ja_JP, ja-JP) names the
// locale meant; an unknown option names the nearest option of that command; a usage hint names that
// command's help, as the user ran agentpack.

describe('--locale jp / ja_JP / ja-JP: did you mean ja', () => {
  it('a tag in another case is the same language (BCP 47): --locale JA installs ja, locale EN switches to en', async () => {
    const { env } = isolatedEnv();
    const r = await runCli(['install', AGENT, '--locale', 'JA', '--json'], { env });
    expect(r.code).toBe(0);
    expect(JSON.stringify(JSON.parse(r.stdout))).toContain('"locale":"ja"');
    const back = await runCli(['locale', 'EN', '--json'], { env });
    expect(back.code).toBe(0);
    expect(JSON.stringify(JSON.parse(back.stdout))).toContain('"locale":"en"');
  });

  it.each(['jp', 'ja_JP', 'ja-JP', 'ja_JP.UTF-8', 'japanese'])('install --locale %s is refused with the locale meant (en, ja)', async (tag) => {
    const dir = join(tempDir(), 'agents');
    const en = await runCli(['install', AGENT, '--locale', tag, '--dir', dir]);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(`error LOCALE_UNKNOWN: Unknown language "${tag}"; choose one of: en, ja.\nhint: Did you mean ja?\n`);
    const ja = await runCli(['install', AGENT, '-l', tag, '--dir', dir, '--lang', 'ja']);
    expect(ja.code).toBe(2);
    expect(ja.stderr).toMatch(/\nヒント: ja のことですか？\n$/);
  });

  it('show, diff and the locale command suggest it too; a language agentpack lacks gets the example', async () => {
    const { env } = isolatedEnv();
    expect((await runCli(['install', AGENT], { env })).code).toBe(0);
    for (const args of [
      ['show', AGENT, '-l', 'jp'],
      ['diff', AGENT, '--locale', 'ja-JP'],
      ['locale', 'jp'],
      ['locale', 'english'],
    ]) {
      const r = await runCli(args, { env });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^error LOCALE_UNKNOWN: .*\nhint: Did you mean (ja|en)\?\n$/);
    }
    const fr = await runCli(['install', AGENT, '--locale', 'fr'], { env });
    expect(fr.stderr).toBe('error LOCALE_UNKNOWN: Unknown language "fr"; choose one of: en, ja.\nhint: For example: --locale ja\n');
  });

  it('--lang jp names the language meant', async () => {
    const r = await runCli(['--lang', 'jp', 'list']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error USAGE: --lang must be one of en, ja (got "jp"). Did you mean ja?\nhint: Run agentpack --help for usage.\n');
  });
});

describe('an unknown option: the nearest option of that command, and that command help', () => {
  it('install x --forse names --force and `agentpack install --help` (en, ja)', async () => {
    const en = await runCli(['install', 'x', '--forse']);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe('error USAGE: Unknown option --forse. Did you mean --force?\nhint: Run agentpack install --help for usage.\n');
    const ja = await runCli(['install', 'x', '--forse', '--lang', 'ja']);
    expect(ja.stderr).toBe(
      'エラー USAGE: --forse というオプションはありません。--force のことですか？\nヒント: 使い方は agentpack install --help で確認できます。\n',
    );
  });

  it.each([
    [['list', '--projct'], '--project', 'agentpack list --help'],
    [['status', '--usr'], '--user', 'agentpack status --help'],
    [['rm', 'x', '--dry-rn'], '--dry-run', 'agentpack uninstall --help'],
    [['update', '--chek'], '--check', 'agentpack update --help'],
    [['i18n', 'stamp', 'x', '-l', 'ja', '--form', '.'], '--from', 'agentpack i18n stamp --help'],
    [['validate', '--strikt'], '--strict', 'agentpack validate --help'],
  ])('%j: did you mean %s; see %s', async (argv, option, help) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Did you mean ${option}?\nhint: Run ${help} for usage.\n`);
  });

  it('a usage error an action finds names the command help too, and under npx the way npx runs it', async () => {
    const r = await runCli(['install']);
    expect(r.stderr).toBe('error USAGE: Name at least one agent, or use --all.\nhint: Run agentpack install --help for usage.\n');
    const { env } = isolatedEnv({ npm_command: 'exec' });
    const npx = await runCli(['add', 'x', '--forse'], { env });
    expect(npx.stderr).toContain('hint: Run npx agentpack-cli install --help for usage.\n');
    const top = await runCli(['--bogus'], { env });
    expect(top.stderr).toContain('hint: Run npx agentpack-cli --help for usage.\n');
  });
});
