import { spawnSync } from 'node:child_process';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { BIN, isolatedEnv, ROOT, runCli } from '../helpers/cli.js';
import { allCommands, programFor } from '../helpers/in-process.js';

// Help as users expect it: an Examples section on every page, the top level naming --from, --project and --dir
// and the way to a command's options, `help <command>`, `help <unknown>` as a usage error, a bare `i18n`.

const { program } = programFor('en');
/** Every command of the tree with the words that run it: `[]` for the program, `['i18n', 'stamp']`, … */
const PAGES = allCommands(program).map(({ path, command }) => ({ words: path.split(' ').slice(1), command }));

/** The Examples section of a help text: each example's comment and command. */
function examplesOf(help: string, title: string): { comment: string; command: string }[] {
  const at = help.indexOf(`\n${title}\n`);
  if (at < 0) return [];
  const lines = help.slice(at + title.length + 2).split('\n');
  const out: { comment: string; command: string }[] = [];
  let comment: string[] = [];
  for (const line of lines) {
    if (!line.startsWith('  ')) break;
    if (line.startsWith('  # ')) comment.push(line.slice(4));
    else if (line.startsWith('      ')) out[out.length - 1]!.command += ` ${line.trim()}`;
    else {
      out.push({ comment: comment.join(' '), command: line.trim() });
      comment = [];
    }
  }
  return out;
}

/** The options a command line may use: the command's own and the program's, long and short. */
function flagsOf(command: Command): Set<string> {
  const flags = new Set<string>();
  for (let c: Command | null = command; c; c = c.parent) for (const o of c.options) for (const f of [o.long, o.short]) if (f) flags.add(f);
  flags.add('--help');
  flags.add('-h');
  return flags;
}

describe('every help page has 3 to 5 realistic examples, in both languages', () => {
  it.each(PAGES.map((p) => [p.words.join(' ') || '(program)', p] as const))('%s', async (_label, { words, command }) => {
    for (const [lang, title] of [
      ['en', 'Examples:'],
      ['ja', '例:'],
    ] as const) {
      const r = await runCli([...words, '--help', '--lang', lang]);
      expect(r.code).toBe(0);
      const examples = examplesOf(r.stdout, title);
      expect(examples.length, `${words.join(' ')} (${lang}):\n${r.stdout}`).toBeGreaterThanOrEqual(3);
      expect(examples.length).toBeLessThanOrEqual(5);
      for (const { comment, command: line } of examples) {
        expect(comment, line).not.toBe('');
        if (lang === 'ja') expect(comment, line).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
        // A command line of this command (by name or alias) that uses only options it has.
        const argv = line.split(/\s+/);
        expect(argv[0], line).toBe('agentpack');
        let target: Command = program;
        for (const word of argv.slice(1)) {
          const next = target.commands.find((c) => c.name() === word || c.aliases().includes(word));
          if (!next) break;
          target = next;
        }
        // The page's command itself, or (for the program and i18n) one of its subcommands.
        expect(target === command || target.parent === command, line).toBe(true);
        const flags = flagsOf(target);
        for (const arg of argv.filter((a) => /^--?[a-z]/.test(a))) expect(flags.has(arg.split('=')[0]!), `${line}: ${arg}`).toBe(true);
      }
    }
  });

  it('the same examples in both languages: the command lines agree', async () => {
    const pages = await Promise.all(
      PAGES.map(async ({ words }) => {
        const [en, ja] = await Promise.all([runCli([...words, '--help']), runCli([...words, '--help', '--lang', 'ja'])]);
        return { words, en: examplesOf(en.stdout, 'Examples:').map((e) => e.command), ja: examplesOf(ja.stdout, '例:').map((e) => e.command) };
      }),
    );
    for (const { words, en, ja } of pages) expect(ja, words.join(' ')).toEqual(en);
  });
});

describe('the program help', () => {
  it('mentions --from, --project and --dir and ends with the way to a command options (en, ja)', async () => {
    const en = await runCli(['--help']);
    const ja = await runCli(['--help', '--lang', 'ja']);
    for (const r of [en, ja]) for (const flag of ['--from', '--project', '--dir']) expect(r.stdout).toMatch(new RegExp(`\\s${flag}\\b`));
    expect(en.stdout).toMatch(/\n\nRun agentpack <command> --help for a command's options\.\n$/);
    expect(ja.stdout.replace(/\s+/g, '')).toMatch(/各コマンドのオプションはagentpack<コマンド>--helpで確認できます。$/);
  });

  it('names every alias of each command', async () => {
    const r = await runCli(['--help']);
    for (const term of ['list|ls', 'install|add|i', 'locale|switch', 'uninstall|remove|rm', 'status|doctor']) expect(r.stdout).toContain(`  ${term} `);
  });

  it('under npx, names the commands as npx runs them, also when piped (no stored text then)', () => {
    const { env } = isolatedEnv({ npm_command: 'exec' });
    const piped = spawnSync(process.execPath, [BIN, '--help'], { env, encoding: 'utf8' });
    const command = spawnSync(process.execPath, [BIN, 'help'], { env, encoding: 'utf8' });
    expect(piped.status).toBe(0);
    expect(piped.stdout).toBe(command.stdout);
    expect(piped.stdout).toContain('\n  npx agentpack-cli install ml-engineer\n');
    expect(piped.stdout).toMatch(/Run npx agentpack-cli <command> --help for a command's options\.\n$/);
    expect(piped.stdout).not.toMatch(/^ {2}agentpack /m);
  });
});

describe('one catalog option', () => {
  it('validate --help names --from only; --root still works, as a hidden deprecated alias', async () => {
    for (const lang of ['en', 'ja']) {
      const help = await runCli(['validate', '--help', '--lang', lang]);
      expect(help.stdout).toMatch(/^ {2}--from </m);
      expect(help.stdout).not.toContain('--root');
    }
    const r = await runCli(['validate', '--root', ROOT, '--verbose']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('locales/ja/agents/ml-engineer.md');
  });
});

describe('help <command>, help <unknown>, and a bare command group', () => {
  it('help <command> prints what <command> --help prints, for every command and alias (en, ja)', async () => {
    const runs = PAGES.filter((p) => p.words.length > 0).flatMap(({ words, command }) =>
      ['en', 'ja'].flatMap((lang) =>
        [command.name(), ...command.aliases()].map((name) => async () => {
          const parents = words.slice(0, -1);
          const [viaHelp, viaFlag] = await Promise.all([
            runCli([...parents, 'help', name, '--lang', lang]),
            runCli([...parents, name, '--help', '--lang', lang]),
          ]);
          return { label: `${[...parents, name].join(' ')} ${lang}`, viaHelp, viaFlag };
        }),
      ),
    );
    const results = [];
    // A few at a time: dozens of children at once only slow the machine down.
    for (let i = 0; i < runs.length; i += 4) results.push(...(await Promise.all(runs.slice(i, i + 4).map((run) => run()))));
    expect(results.length).toBeGreaterThanOrEqual(40);
    for (const { label, viaHelp, viaFlag } of results) {
      expect(viaHelp.code, label).toBe(0);
      expect(viaHelp.stdout, label).toBe(viaFlag.stdout);
    }
  });

  it("help <group> <command> (help i18n new) is that command's help; an unknown one in the group is a usage error", async () => {
    for (const sub of ['new', 'stamp', 'diff', 'status']) {
      const [viaHelp, viaFlag] = await Promise.all([runCli(['help', 'i18n', sub]), runCli(['i18n', sub, '--help'])]);
      expect(viaHelp.code, sub).toBe(0);
      expect(viaHelp.stdout, sub).toBe(viaFlag.stdout);
      expect(viaHelp.stdout).toContain(`agentpack i18n ${sub}`);
    }
    // Negative control: the group's own help is another text.
    expect((await runCli(['help', 'i18n'])).stdout).not.toBe((await runCli(['i18n', 'new', '--help'])).stdout);
    const unknown = await runCli(['help', 'i18n', 'nwe']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('error USAGE:');
    expect(unknown.stderr).toContain('new');
  });

  it('help <unknown> is a usage error with the nearest command, exit 2 (en, ja)', async () => {
    const en = await runCli(['help', 'lst']);
    expect(en.code).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toBe('error USAGE: Unknown command "lst". Did you mean list?\nhint: Run agentpack --help for usage.\n');
    const none = await runCli(['help', 'foo']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('error USAGE: Unknown command "foo".\nhint: Run agentpack --help for usage.\n');
    const ja = await runCli(['help', 'lst', '--lang', 'ja']);
    expect(ja.code).toBe(2);
    expect(ja.stderr).toBe('エラー USAGE: "lst" というコマンドはありません。list のことですか？\nヒント: 使い方は agentpack --help で確認できます。\n');
    const group = await runCli(['i18n', 'help', 'stats']);
    expect(group.code).toBe(2);
    expect(group.stderr).toBe('error USAGE: Unknown command "stats". Did you mean status?\nhint: Run agentpack i18n --help for usage.\n');
    const json = await runCli(['help', 'lst', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'USAGE' } });
  });

  it('help and help help print the program help', async () => {
    const top = await runCli(['--help']);
    for (const args of [['help'], ['help', 'help']]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).toBe(top.stdout);
    }
  });

  it('a bare `agentpack i18n` prints its help on stdout and exits 0 (en, ja)', async () => {
    for (const lang of ['en', 'ja']) {
      const bare = await runCli(['i18n', '--lang', lang]);
      const help = await runCli(['i18n', '--help', '--lang', lang]);
      expect(bare.code).toBe(0);
      expect(bare.stderr).toBe('');
      expect(bare.stdout).toBe(help.stdout);
      expect(bare.stdout).toMatch(lang === 'en' ? /^Usage: agentpack i18n / : /^使い方: agentpack i18n /);
    }
    // An unknown subcommand is still refused.
    const wrong = await runCli(['i18n', 'stats']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^error USAGE: Unknown command "stats"\. Did you mean status\?/);
  });

  it("commander 14 still has the method the help command's check relies on", () => {
    expect(typeof (Command.prototype as unknown as Record<string, unknown>)['_dispatchHelpCommand']).toBe('function');
  });
});
