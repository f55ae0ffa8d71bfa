import { Command, CommanderError, Option } from 'commander';
import { AgentpackError, isAgentpackError } from '../../core/errors.js';
import { invocationOf } from '../../core/hints.js';
import { intlLocale, resolveLang } from '../../core/lang.js';
import { LANGS } from '../../core/lang.js';
import { fromSystemError } from '../../io/fs/errors.js';
import { loadMessageCatalog } from '../../io/package/message-catalogs.js';
import { createMessages } from '../../ui/messages.js';
import { printError } from '../../ui/error-report.js';
import { createStyle, shouldColor, type Style } from '../../ui/style.js';
import { packageInfo } from '../../io/package/root.js';
import type { CliContext } from './context.js';
import { registerCommands, registerFor } from '../commands/index.js';
import { openPicker } from '../commands/picker.js';
import { isInteractive } from './interactive.js';
import { splitShortFlags } from './short-flags.js';
import { localizeCommands } from './localize-help.js';
import { COMMANDER_SUCCESS_CODES, failedCommandOf, helpCommandOf, usageDetail } from './usage-errors.js';

export interface RunOptions {
  argv: string[];
  env: Record<string, string | undefined>;
  cwd: string;
  stdout: CliContext['stdout'];
  stderr: CliContext['stderr'];
  /** Standard input is a terminal: with stdout one too, a run with no command opens the picker. */
  stdinIsTTY?: boolean;
  /** Build every command even when argv names one (for tests that compare both programs' output). */
  wholeProgram?: boolean;
}

/** Value of `--name value` / `--name=value` in argv, before commander has parsed anything. */
function peekOption(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') break;
    if (arg === name) return argv[i + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

/** The program without its commands: name, description, version and the global options. */
function programShell(ctx: CliContext): Command {
  const { messages } = ctx;
  return new Command('agentpack')
    .description(messages.t('cli.description'))
    .version(packageInfo().version, '-V, --version', messages.t('cli.opt.version'))
    .addOption(new Option('--json', messages.t('cli.opt.json')))
    .addOption(new Option('--lang <lang>', messages.t('cli.opt.lang')).choices(LANGS))
    .addOption(new Option('--no-color', messages.t('cli.opt.noColor')))
    .addOption(new Option('-v, --verbose', messages.t('cli.opt.verbose')).conflicts('quiet'))
    .addOption(new Option('-q, --quiet', messages.t('cli.opt.quiet')));
}

/** Build the program for one language: every help text comes from the catalog. */
export function buildProgram(ctx: CliContext): Command {
  const program = programShell(ctx);
  registerCommands(program, ctx);
  // After registration, so that every command, whoever adds it, gets the localized help and our streams.
  localizeCommands({ command: program, ctx });
  return program;
}

const isLang = (value: string | undefined): boolean => LANGS.some((l) => l === value);

/** Global flags without a value that commander reads the same way whatever the commands. */
const PLAIN_GLOBAL_FLAGS: readonly string[] = ['--json', '--no-color', '-v', '--verbose', '-q', '--quiet'];

/**
 * The word naming the command argv runs, when only global options that commander reads the same way
 * whatever the commands (`--json`, `--no-color`, `-v`, `-q`, `--lang en|ja`) come before it. Anything else first
 * (`--help`, `-V`, `--`, an unknown or invalid option) gives undefined: the program itself may answer.
 */
export function commandWord(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (PLAIN_GLOBAL_FLAGS.includes(arg) || (arg.startsWith('--lang=') && isLang(arg.slice('--lang='.length)))) continue;
    if (arg === '--lang' && isLang(argv[i + 1])) {
      i++;
      continue;
    }
    return arg.startsWith('-') ? undefined : arg;
  }
  return undefined;
}

/**
 * `help i18n new` as `i18n help new`: commander's `help <command>` takes one word, and a group answers
 * `help <subcommand>` itself (an unknown one then is the group's usage error, not the group's help).
 */
function nestedHelp(argv: string[]): string[] {
  if (commandWord(argv) !== 'help') return argv;
  const at = argv.indexOf('help');
  const [group, sub, ...rest] = argv.slice(at + 1);
  if (group === undefined || sub === undefined || group.startsWith('-') || sub.startsWith('-')) return argv;
  return [...argv.slice(0, at), group, 'help', sub, ...rest];
}

/** Whether argv names no command at all: nothing but global options without a value (and `--lang en|ja`). */
function namesNoCommand(argv: readonly string[]): boolean {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (PLAIN_GLOBAL_FLAGS.includes(arg) || (arg.startsWith('--lang=') && isLang(arg.slice('--lang='.length)))) continue;
    if (arg === '--lang' && isLang(argv[i + 1])) {
      i++;
      continue;
    }
    return false;
  }
  return true;
}

/**
 * The program a run of argv needs. When argv names one of our commands (not `help`), only that command
 * is registered and localized: commander then parses, dispatches, prints that command's help and reports
 * its usage errors exactly as with every command (sibling commands take no part in any of it; the test
 * test/cli/narrow-program.test.ts compares the output of both), and the run skips building a dozen
 * commands it will not use (BENCHMARKS.md). Otherwise, the whole program.
 */
export function programFor(options: { ctx: CliContext; argv: readonly string[] }): Command {
  const { ctx } = options;
  const word = commandWord(options.argv);
  const register = word === undefined ? undefined : registerFor(word);
  if (!register) return buildProgram(ctx);
  const program = programShell(ctx);
  register(program, ctx);
  localizeCommands({ command: program, ctx });
  return program;
}

/** Run the CLI and return the exit code. The only caller that ends the process is main.ts. */
export async function run(options: RunOptions): Promise<number> {
  const { env } = options;
  const argv = nestedHelp(splitShortFlags(options.argv));
  const bare = namesNoCommand(argv);
  const json = argv.includes('--json');
  // An invalid `--lang fr` is reported by commander (choices) as a usage error, in the language the
  // environment selects.
  const flagLang = peekOption(argv, '--lang');
  const flag = LANGS.find((l) => l === flagLang);
  const lang = resolveLang({ flag, env, intlLocale });
  const messages = createMessages({ lang, load: loadMessageCatalog, invocation: invocationOf(env) });
  const colorFlag = !argv.includes('--no-color');
  const style = createStyle(shouldColor({ isTTY: Boolean(options.stdout.isTTY), env, flag: colorFlag, json }));
  const errorStyle = createStyle(shouldColor({ isTTY: Boolean(options.stderr.isTTY), env, flag: colorFlag, json }));
  const ctx: CliContext = {
    messages,
    style,
    json,
    env,
    cwd: options.cwd,
    stdout: options.stdout,
    stderr: options.stderr,
    exitCode: 0,
    ...(options.stdinIsTTY !== undefined ? { stdinIsTTY: options.stdinIsTTY } : {}),
  };
  // The command whose action runs: a usage error it raises points at that command's help.
  let acting: Command | undefined;
  try {
    // `agentpack` alone in a terminal: the picker (cli/commands/picker.ts); anywhere else, the program as before.
    if (bare && isInteractive({ ctx })) {
      await openPicker({ ctx, start: 'menu', raw: {} });
      return ctx.exitCode;
    }
    const program = options.wholeProgram ? buildProgram(ctx) : programFor({ ctx, argv });
    program.hook('preAction', (_program, actionCommand) => {
      acting = actionCommand;
      // -v / -q are the program's options, wherever on the line they were typed (also in a group: -nv, short-flags.ts).
      const { verbose, quiet } = program.opts<{ verbose?: boolean; quiet?: boolean }>();
      ctx.verbosity = verbose === true ? 'verbose' : quiet === true ? 'quiet' : undefined;
    });
    // No command and no terminal: the help, on stdout with exit 0 (commander would write it to stderr), so
    // `agentpack | less` shows it.
    await program.parseAsync(bare ? [...argv, '--help'] : argv, { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    return reportFailure({ error, ctx, errorStyle, acting });
  }
}

function reportFailure(options: { error: unknown; ctx: CliContext; errorStyle: Style; acting: Command | undefined }): number {
  const { error, ctx } = options;
  const print = (e: AgentpackError, stack?: string): number => printError({ error: e, ctx, style: options.errorStyle, stack });
  if (error instanceof CommanderError) {
    if (COMMANDER_SUCCESS_CODES.includes(error.code)) return 0;
    // The hint names the help of the command whose line was refused (error.USAGE.hintSuggest).
    const suggestion = helpCommandOf(failedCommandOf(error), ctx.messages.invocation);
    return print(new AgentpackError({ code: 'USAGE', params: { detail: usageDetail(error, ctx.messages), suggestion }, exitCode: 2 }));
  }
  if (isAgentpackError(error) && error.code === 'USAGE' && error.params['suggestion'] === undefined) {
    const suggestion = helpCommandOf(options.acting, ctx.messages.invocation);
    return print(new AgentpackError({ code: 'USAGE', params: { ...error.params, suggestion }, exitCode: error.exitCode, details: error.details }));
  }
  if (isAgentpackError(error)) return print(error);
  const system = fromSystemError(error);
  if (system) return print(system);
  const detail = error instanceof Error ? error.message : String(error);
  const stack = ctx.env['AGENTPACK_DEBUG'] && error instanceof Error && error.stack ? error.stack : undefined;
  return print(new AgentpackError({ code: 'INTERNAL', params: { detail } }), stack);
}
