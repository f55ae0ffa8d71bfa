import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDER_SUCCESS_CODES, MAPPED_COMMANDER_CODES, usageDetail } from '../../../src/cli/program/usage-errors.js';
import { messagesIn } from '../../helpers/messages.js';
import { isolatedEnv, ROOT, runCli } from '../../helpers/cli.js';

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const en = messagesIn('en');
const ja = messagesIn('ja');

/** A small program exercising every way commander can refuse a command line. */
function program(): Command {
  const p = new Command('agentpack')
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined })
    .showSuggestionAfterError(true);
  p.addOption(new Option('--lang <lang>').choices(['en', 'ja']));
  p.command('list').alias('ls');
  p.command('show').argument('<agent>').addOption(new Option('--locale <locale>'));
  p.command('locale').addArgument(new Argument('<locale>').choices(['en', 'ja']));
  p.command('req').requiredOption('--dir <path>');
  p.command('both').addOption(new Option('--user').conflicts('project')).addOption(new Option('--project'));
  p.command('env').addOption(new Option('--mode <mode>').choices(['a', 'b']).env('AGENTPACK_TEST_MODE'));
  p.command('parse').addOption(
    new Option('--count <n>').argParser((v) => {
      if (!/^\d+$/.test(v)) throw new InvalidArgumentError('Not a number.');
      return Number(v);
    }),
  );
  return p;
}

function commanderError(argv: string[], env: Record<string, string> = {}): CommanderError {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    program().parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error;
    throw error;
  } finally {
    for (const k of Object.keys(env)) if (saved[k] === undefined) delete process.env[k];
  }
  throw new Error(`no commander error for ${argv.join(' ')}`);
}

const cases: { argv: string[]; env?: Record<string, string>; code: string; en: string; ja: string }[] = [
  { argv: ['--bogus'], code: 'commander.unknownOption', en: 'Unknown option --bogus.', ja: '--bogus というオプションはありません。' },
  { argv: ['list', '--jsno'], code: 'commander.unknownOption', en: 'Unknown option --jsno.', ja: '--jsno というオプションはありません。' },
  {
    argv: ['--lnag', 'ja'],
    code: 'commander.unknownOption',
    en: 'Unknown option --lnag. Did you mean --lang?',
    ja: '--lnag というオプションはありません。--lang のことですか？',
  },
  {
    argv: ['lst'],
    code: 'commander.unknownCommand',
    // list and its alias ls are one command: named once.
    en: 'Unknown command "lst". Did you mean list?',
    ja: '"lst" というコマンドはありません。list のことですか？',
  },
  { argv: ['show'], code: 'commander.missingArgument', en: 'Missing argument <agent>.', ja: '引数 <エージェント> を指定してください。' },
  {
    argv: ['show', 'x', '--locale'],
    code: 'commander.optionMissingArgument',
    en: 'Option --locale needs a value.',
    ja: 'オプション --locale には値を指定してください。',
  },
  { argv: ['req'], code: 'commander.missingMandatoryOptionValue', en: 'Option --dir is required.', ja: 'オプション --dir は必須です。' },
  {
    argv: ['list', 'extra'],
    code: 'commander.excessArguments',
    en: 'Too many arguments for list: it takes 0, got 1.',
    ja: 'list の引数が多すぎます（指定できるのは 0 個ですが、1 個指定されています）。',
  },
  {
    argv: ['both', '--user', '--project'],
    code: 'commander.conflictingOption',
    en: '--user cannot be used together with --project.',
    ja: '--user と --project は同時に指定できません。',
  },
  {
    argv: ['--lang', 'fr'],
    code: 'commander.invalidArgument',
    en: '--lang must be one of en, ja (got "fr").',
    ja: '--lang には en, ja のいずれかを指定してください（指定された値: "fr"）。',
  },
  {
    argv: ['locale', 'fr'],
    code: 'commander.invalidArgument',
    en: '<locale> must be one of en, ja (got "fr").',
    ja: '<言語> には en, ja のいずれかを指定してください（指定された値: "fr"）。',
  },
  {
    argv: ['env'],
    env: { AGENTPACK_TEST_MODE: 'z' },
    code: 'commander.invalidArgument',
    en: 'The environment variable AGENTPACK_TEST_MODE (--mode) must be one of a, b (got "z").',
    ja: '環境変数 AGENTPACK_TEST_MODE（--mode）には a, b のいずれかを指定してください（指定された値: "z"）。',
  },
  {
    argv: ['parse', '--count', 'x'],
    code: 'commander.invalidArgument',
    en: 'Invalid value "x" for --count. Not a number.',
    ja: '--count の値 "x" が正しくありません。Not a number.',
  },
];

describe('commander errors in the user language', () => {
  it.each(cases)('$argv.0 $argv.1 $argv.2 → $code', ({ argv, env, code, en: wantEn, ja: wantJa }) => {
    const error = commanderError(argv, env);
    expect(error.code).toBe(code);
    expect(usageDetail(error, en)).toBe(wantEn);
    expect(usageDetail(error, ja)).toBe(wantJa);
  });

  it('every failure code commander can raise while parsing is mapped and triggered above', () => {
    const triggered = new Set(cases.map((c) => c.code));
    expect([...MAPPED_COMMANDER_CODES].sort()).toEqual([...triggered].sort());
  });

  it('commander 14 raises no code we have not considered (guards a commander upgrade)', () => {
    const lib = join(ROOT, 'node_modules', 'commander', 'lib');
    const raised = new Set<string>();
    for (const file of readdirSync(lib)) for (const [code] of readFileSync(join(lib, file), 'utf8').matchAll(/commander\.[a-zA-Z]+/g)) raised.add(code);
    // commander.error: program.error() written by us (passed through); executeSubCommandAsync: stand-alone
    // executables, which agentpack does not use.
    const notApplicable = ['commander.error', 'commander.executeSubCommandAsync'];
    const unknown = [...raised].filter((c) => !MAPPED_COMMANDER_CODES.includes(c) && !COMMANDER_SUCCESS_CODES.includes(c) && !notApplicable.includes(c));
    expect(unknown).toEqual([]);
    expect(raised.size).toBeGreaterThanOrEqual(12);
  });

  it('an unknown shape falls back to commander text without its "error: " prefix', () => {
    expect(usageDetail({ code: 'commander.error', message: 'error: custom' }, ja)).toBe('custom');
  });
});

describe('spawned: --lang with an unsupported value', () => {
  it('is a usage error (exit 2) in the language of the environment, same code in both', async () => {
    const english = await runCli(['--lang', 'fr', 'list']);
    expect(english.code).toBe(2);
    expect(english.stdout).toBe('');
    expect(english.stderr).toBe('error USAGE: --lang must be one of en, ja (got "fr").\nhint: Run agentpack --help for usage.\n');

    const { env } = isolatedEnv({ LANG: 'ja_JP.UTF-8' });
    const japanese = await runCli(['list', '--lang=fr'], { env });
    expect(japanese.code).toBe(2);
    expect(japanese.stderr).toBe(
      'エラー USAGE: --lang には en, ja のいずれかを指定してください（指定された値: "fr"）。\nヒント: 使い方は agentpack --help で確認できます。\n',
    );

    const jsonEn = await runCli(['--json', '--lang', 'fr', 'list']);
    const jsonJa = await runCli(['--json', '--lang', 'fr', 'list'], { env });
    const a = JSON.parse(jsonEn.stdout) as { ok: boolean; error: { code: string; message: string } };
    const b = JSON.parse(jsonJa.stdout) as { ok: boolean; error: { code: string; message: string } };
    expect([jsonEn.code, jsonJa.code]).toEqual([2, 2]);
    expect(a.error.code).toBe('USAGE');
    expect(b.error.code).toBe('USAGE');
    expect(Object.keys(a.error)).toEqual(Object.keys(b.error));
    expect(b.error.message).toMatch(JAPANESE);
    expect(a.error.message).not.toMatch(JAPANESE);
  });

  it('a region tag such as --lang ja_JP is refused too (the option takes en or ja)', async () => {
    const r = await runCli(['--lang', 'ja_JP', 'list']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--lang must be one of en, ja (got "ja_JP").');
  });

  it('an unknown subcommand under ja suggests the right one in Japanese', async () => {
    const { env } = isolatedEnv({ LANG: 'ja_JP.UTF-8' });
    const r = await runCli(['lsit'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"lsit" というコマンドはありません。list のことですか？');
  });
});
