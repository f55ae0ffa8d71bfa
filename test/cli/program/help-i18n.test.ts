import { describe, expect, it } from 'vitest';
import { Command, Option } from 'commander';
import stringWidth from 'string-width';
import { localizeCommands, localizeTerm } from '../../../src/cli/program/localize-help.js';
import { messagesIn } from '../../helpers/messages.js';
import { isolatedEnv, runCli } from '../../helpers/cli.js';
import { allCommands, programFor } from '../../helpers/in-process.js';

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
/** Help text with all whitespace removed, so that a phrase matches wherever the help wrapped it. */
const squash = (text: string): string => text.replace(/\s+/g, '');

/**
 * English words that may stand in Japanese help: proper nouns and formats, and the command names of
 * DESIGN §6 (descriptions mention them, e.g. "install で書き込まれる…"). Flags, command names, aliases and
 * choices of the actual program are allowed automatically.
 */
const ALLOWED_WORDS = new Set([
  // folder names of the catalog layout (DESIGN §2) and of Claude Code (~/.claude/agents)
  'agents',
  'claude',
  'locales',
  'agentpack',
  'Claude',
  'Code',
  'JSON',
  'Schema',
  'YAML',
  'MCP',
  'BOM',
  'UTF',
  'LF',
  'CRLF',
  'CI',
  'ml-engineer',
  // the tool that fetches a repository named with --from, what names one, and the prefix of a GitHub one
  'git',
  'URL',
  'github',
  // paths and names of Claude Code's own files and variables (~/.claude/agents, $CLAUDE_CONFIG_DIR, ~/.claude.json, claude on PATH)
  ...['claude', 'claude.json', 'CLAUDE', 'CONFIG', 'DIR', 'PATH'],
  ...['list', 'ls', 'install', 'add', 'uninstall', 'remove', 'rm', 'locale', 'switch', 'update', 'status', 'doctor'],
  ...['validate', 'show', 'diff', 'i18n', 'stamp', 'schema', 'help'],
  // language tags as written on the command line, the standard that defines them, a backup's suffix
  ...['BCP', 'ko', 'zh-CN', 'pt-BR', 'bak'],
]);

function allowedFor(program: Command): Set<string> {
  const allowed = new Set(ALLOWED_WORDS);
  for (const { command } of allCommands(program)) {
    allowed.add(command.name());
    for (const alias of command.aliases()) allowed.add(alias);
    for (const option of command.options) for (const choice of option.argChoices ?? []) allowed.add(choice);
    for (const argument of command.registeredArguments) for (const choice of argument.argChoices ?? []) allowed.add(choice);
  }
  return allowed;
}

/** An example's command line (`  agentpack install …`): code, not text to translate. */
const EXAMPLE_COMMAND = /^ {2}agentpack /;

/** English words left in a help text once flags, example command lines and allowed words are set aside. */
function englishLeft(text: string, allowed: Set<string>): { word: string; line: string }[] {
  const out: { word: string; line: string }[] = [];
  for (const line of text.split('\n')) {
    if (EXAMPLE_COMMAND.test(line)) continue;
    const withoutFlags = line.replace(/(^|[\s,(（、。])-{1,2}[A-Za-z][\w-]*/g, '$1');
    for (const [word] of withoutFlags.matchAll(/[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*/g)) {
      if (word.length > 1 && !allowed.has(word)) out.push({ word, line });
    }
  }
  return out;
}

describe('--help of every command is fully Japanese under ja', () => {
  const { program } = programFor('ja');
  const allowed = allowedFor(program);
  const commands = allCommands(program);

  it('covers the whole command tree', () => {
    expect(commands.map((c) => c.path)).toEqual(
      expect.arrayContaining(['agentpack', 'agentpack list', 'agentpack show', 'agentpack validate', 'agentpack schema']),
    );
  });

  it.each(commands.map((c) => [c.path, c.command] as const))('%s --help', (path, command) => {
    const help = command.helpInformation();
    expect(help).toMatch(/^使い方: /);
    expect(help).toMatch(JAPANESE);
    const left = englishLeft(help, allowed);
    expect(
      left,
      `English left in the Japanese help of "${path}". Translate it in locales/ja/messages.json; for a placeholder <name> or [name] add ` +
        'help.placeholder.<name> to both catalogs; for a proper noun add it to ALLOWED_WORDS in test/cli/program/help-i18n.test.ts.\n' +
        left.map((l) => `  ${l.word}: ${l.line}`).join('\n'),
    ).toEqual([]);
    for (const line of help.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
  });

  it('translates the fragments commander writes itself', () => {
    const help = program.helpInformation();
    expect(help).toContain('使い方: agentpack [オプション] [コマンド]');
    expect(help).toContain('--lang <言語>');
    expect(squash(help)).toContain(squash('agentpack 自身のメッセージの言語（選択肢: en, ja）'));
    expect(help).toMatch(/help \[コマンド\] +コマンドのヘルプを\s*表示します/);
    expect(help).toMatch(/show \[オプション\] <エージェント>/);
    for (const english of ['Usage', '[options]', '[command]', 'choices', 'default', 'display help', 'Options:', 'Commands:', 'Arguments:', 'Global']) {
      expect(help).not.toContain(english);
    }
  });

  it('aligns Japanese terms by display width, not string length', () => {
    const help =
      programFor('ja')
        .program.commands.find((c) => c.name() === 'show')
        ?.helpInformation() ?? '';
    const rows = help.split('\n').filter((l) => /^ {2}(-l, --locale|-h, --help|エージェント)/.test(l));
    expect(rows).toHaveLength(3);
    const descriptionColumns = rows.map((l) => stringWidth(/^ {2}.*? {2,}/.exec(l)?.[0] ?? ''));
    expect(new Set(descriptionColumns).size).toBe(1);
    // The widest term of `show --help` (`--target <ツール>` since --target): the column follows its display width.
    expect(descriptionColumns[0]).toBe(2 + stringWidth('-t, --target <ツール>') + 2);
  });
});

describe('--help under en has no Japanese and keeps commander wording', () => {
  const { program } = programFor('en');
  it.each(allCommands(program).map((c) => [c.path, c.command] as const))('%s --help', (_path, command) => {
    const help = command.helpInformation();
    expect(help).toMatch(/^Usage: /);
    expect(help).not.toMatch(JAPANESE);
    for (const line of help.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
  });

  it('shows [options], <agent> and (choices: en, ja)', () => {
    const help = program.helpInformation();
    expect(help).toContain('Usage: agentpack [options] [command]');
    expect(squash(help)).toContain(squash("language of agentpack's own messages (choices: en, ja)"));
    expect(help).toMatch(/help \[command\] +show help for a command/);
  });
});

describe('commands registered later get the localized help for free', () => {
  it('a command added with new Command() + addCommand, with a nested subcommand, defaults and env', () => {
    const { program, ctx } = programFor('ja');
    const late = new Command('late').description('後から追加');
    late
      .command('inner')
      .argument('<agent>', 'エージェント名')
      .addOption(new Option('--locale <locale>', '言語版').choices(['en', 'ja']).default('en').env('AGENTPACK_LOCALE'));
    program.addCommand(late);
    localizeCommands({ command: program, ctx });
    const inner = late.commands[0];
    const help = inner?.helpInformation() ?? '';
    expect(help).toContain('使い方: agentpack late inner [オプション] <エージェント>');
    expect(squash(help)).toContain(squash('言語版（選択肢: en, ja、既定値: "en"、環境変数: AGENTPACK_LOCALE）'));
    expect(help).toContain('ヘルプを表示します');
    expect(late.helpInformation()).toMatch(/help \[コマンド\] +コマンドのヘルプを表示します/);
  });

  it('an unknown placeholder stays as written (and the ja help test names the key to add)', () => {
    const ja = messagesIn('ja');
    expect(localizeTerm('--dir <path> [agent...] <widget>', ja)).toBe('--dir <パス> [エージェント...] <widget>');
    const left = englishLeft('  --dir <widget>  フォルダー', new Set());
    expect(left.map((l) => l.word)).toEqual(['widget']);
  });
});

describe('spawned: help in the user language', () => {
  it('LANG=ja_JP.UTF-8 agentpack --help, show --help and help validate are Japanese', async () => {
    const { env } = isolatedEnv({ LANG: 'ja_JP.UTF-8' });
    for (const args of [['--help'], ['show', '--help'], ['help', 'validate']]) {
      const r = await runCli(args, { env });
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/^使い方: agentpack/);
      expect(r.stdout).not.toMatch(/\[options\]|Usage|choices|display help/);
      expect(r.stderr).toBe('');
    }
  });

  it('LANG=C agentpack --help is English', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: agentpack \[options\] \[command\]/);
    expect(r.stdout).not.toMatch(JAPANESE);
  });
});
