import { describe, expect, it } from 'vitest';
import { knownCommandWords, registerFor } from '../../src/cli/commands/index.js';
import type { CliContext } from '../../src/cli/program/context.js';
import { commandWord, programFor, run } from '../../src/cli/program/run.js';
import type { Lang } from '../../src/ui/messages.js';
import { messagesIn } from '../helpers/messages.js';
import { createStyle } from '../../src/ui/style.js';
import { allCommands, memoryStream, programFor as wholeProgramFor } from '../helpers/in-process.js';

// A run that names one command builds only that command (src/cli/program/run.ts, BENCHMARKS.md). Everything it
// prints must be what the program with every command prints: each command's help in both languages,
// usage errors with their suggestions, and what the program itself answers.

type Outcome = { code: number; stdout: string; stderr: string };

async function runBoth(argv: string[], options: { env?: Record<string, string>; columns?: number } = {}): Promise<{ narrow: Outcome; whole: Outcome }> {
  const once = async (wholeProgram: boolean): Promise<Outcome> => {
    const stdout = memoryStream(options.columns === undefined ? {} : { isTTY: true, columns: options.columns });
    const stderr = memoryStream();
    const code = await run({ argv, env: options.env ?? { LANG: 'C' }, cwd: process.cwd(), stdout, stderr, wholeProgram });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  };
  return { narrow: await once(false), whole: await once(true) };
}

function contextFor(lang: Lang): CliContext {
  return {
    messages: messagesIn(lang),
    style: createStyle(false),
    json: false,
    env: {},
    cwd: process.cwd(),
    stdout: memoryStream(),
    stderr: memoryStream(),
    exitCode: 0,
  };
}

/** Every way to name each command: `[list]`, `[ls]`, `[i18n, status]`, … */
function commandPaths(): { path: string[]; name: string }[] {
  const { program } = wholeProgramFor('en');
  const paths: { path: string[]; name: string }[] = [];
  for (const top of program.commands) {
    for (const word of [top.name(), ...top.aliases()]) {
      paths.push({ path: [word], name: top.name() });
      for (const sub of allCommands(top).slice(1)) paths.push({ path: [word, ...sub.path.split(' ').slice(1)], name: sub.path });
    }
  }
  return paths;
}

describe('a run that names a command builds only that command', () => {
  it('knows exactly the names and aliases the commands register, each to its own command', () => {
    const { program } = wholeProgramFor('en');
    const words = program.commands.flatMap((c) => [c.name(), ...c.aliases()]);
    expect(words.length).toBeGreaterThanOrEqual(11);
    expect([...knownCommandWords()].sort()).toEqual([...words].sort());
    for (const command of program.commands) {
      for (const word of [command.name(), ...command.aliases()]) {
        const narrowed = programFor({ ctx: contextFor('en'), argv: [word] });
        expect(
          narrowed.commands.map((c) => c.name()),
          word,
        ).toEqual([command.name()]);
        expect(narrowed.commands[0]?.aliases(), word).toEqual(command.aliases());
      }
    }
    expect(registerFor('help')).toBeUndefined();
    expect(registerFor('constructor')).toBeUndefined();
  });

  it('finds the command word only after the global options commander reads alike', () => {
    expect(commandWord(['list', '--json'])).toBe('list');
    expect(commandWord(['--json', '--no-color', 'show', 'x'])).toBe('show');
    expect(commandWord(['--lang', 'ja', 'ls'])).toBe('ls');
    expect(commandWord(['--lang=en', 'install'])).toBe('install');
    // The program may answer or refuse these itself: build it whole.
    for (const argv of [
      [],
      ['--help', 'list'],
      ['-V', 'list'],
      ['-h'],
      ['--', 'list'],
      ['--lang', 'fr', 'list'],
      ['--lang=', 'list'],
      ['--lang'],
      ['--jsn', 'list'],
      ['-', 'list'],
    ]) {
      expect(commandWord(argv), argv.join(' ')).toBeUndefined();
    }
    // `--lang` takes the next word as its value, as commander does: `list` is not the command here.
    expect(commandWord(['--lang', 'list'])).toBeUndefined();
    expect(programFor({ ctx: contextFor('en'), argv: ['help', 'list'] }).commands.length).toBe(wholeProgramFor('en').program.commands.length);
  });

  it("prints every command's help (each name and alias, en and ja) exactly as the whole program does", async () => {
    const paths = commandPaths();
    expect(paths.length).toBeGreaterThanOrEqual(20);
    for (const { path, name } of paths) {
      for (const [argv, env] of [
        [[...path, '--help'], { LANG: 'C' }],
        [['--lang', 'ja', ...path, '--help'], { LANG: 'C' }],
        [[...path, '-h'], { LANG: 'ja_JP.UTF-8' }],
        [['--no-color', `--lang=ja`, ...path, '--help'], { LANG: 'C' }],
      ] as [string[], Record<string, string>][]) {
        const { narrow, whole } = await runBoth(argv, { env });
        expect(whole.code, argv.join(' ')).toBe(0);
        expect(whole.stdout, argv.join(' ')).toContain(`agentpack ${name}`);
        expect(narrow, argv.join(' ')).toEqual(whole);
      }
    }
    // On a narrow terminal (help wraps to its width), in both languages.
    for (const lang of ['en', 'ja']) {
      const { narrow, whole } = await runBoth(['--lang', lang, 'install', '--help'], { columns: 50 });
      expect(whole.stdout.split('\n').length).toBeGreaterThan(15);
      expect(narrow).toEqual(whole);
    }
  });

  it('reports usage errors, suggestions and exit codes exactly as the whole program does', async () => {
    const cases = [
      ['list', '--jsno'],
      ['install', '--forse'],
      ['add', '--dry-rn'],
      ['show'],
      ['show', 'x', '--locale'],
      ['list', 'a', 'b'],
      ['ls', 'x', 'y'],
      ['list', '--lang', 'fr'],
      ['list', 'help', 'me'],
      ['i18n', 'stats'],
      ['i18n', 'stamp', 'x'],
      ['i18n', 'status', '--root', 'a', '--from', 'b'],
      ['i18n', 'status', '--bogus'],
      ['uninstall'],
      ['rm', '--bogus'],
      ['update', '--bogus'],
      ['status', '--claude-bin'],
      ['doctor', '--verbos'],
      ['diff'],
      ['validate', '--strictest'],
      ['schema', 'extra'],
      ['switch', '--forse'],
      ['--json', 'show'],
      ['--json', 'list', '--frm', 'x'],
      ['lst'],
    ];
    for (const argv of cases) {
      for (const lang of ['en', 'ja']) {
        const full = ['--lang', lang, ...argv];
        const { narrow, whole } = await runBoth(full);
        expect(whole.code, full.join(' ')).toBe(2);
        expect(whole.stderr, full.join(' ')).not.toBe('');
        expect(narrow, full.join(' ')).toEqual(whole);
      }
    }
    // A command that needs a subcommand, and what the program itself answers (never narrowed).
    for (const argv of [
      [],
      ['i18n'],
      ['--lang', 'ja', 'i18n'],
      ['help'],
      ['help', 'list'],
      ['help', 'lst'],
      ['--lang', 'ja', 'help', 'i18n'],
      ['-h', 'list'],
    ]) {
      const { narrow, whole } = await runBoth(argv);
      expect(whole.stdout + whole.stderr, argv.join(' ')).toContain('agentpack');
      expect(narrow, argv.join(' ')).toEqual(whole);
    }
    // The program's own options after the command word are still the program's.
    for (const argv of [
      ['list', '-V'],
      ['show', 'x', '--version'],
    ]) {
      const { narrow, whole } = await runBoth(argv);
      expect(whole.stdout, argv.join(' ')).toMatch(/^\d+\.\d+\.\d+/);
      expect(narrow, argv.join(' ')).toEqual(whole);
    }
  });

  it('negative control: a program with one command differs where the program itself answers', async () => {
    const ctx = contextFor('en');
    const narrowed = programFor({ ctx, argv: ['list'] });
    await expect(narrowed.parseAsync(['--help'], { from: 'user' })).rejects.toThrow();
    const { stdout } = await runBoth(['--help']).then((r) => r.whole);
    const narrowedHelp = (ctx.stdout as ReturnType<typeof memoryStream>).text();
    expect(narrowedHelp).toContain('list');
    expect(narrowedHelp).not.toContain('validate');
    expect(stdout).toContain('validate');
    expect(narrowedHelp).not.toBe(stdout);
  });
});
