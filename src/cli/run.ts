import { Command, CommanderError, Option } from 'commander';
import { AgentpackError, isAgentpackError } from '../core/errors.js';
import { langOfTag, resolveLang } from '../core/resolve-lang.js';
import { createMessages, type Messages } from '../ui/messages.js';
import { describeError, formatError } from '../ui/report.js';
import { createStyle, shouldColor } from '../ui/style.js';
import { packageInfo } from '../io/package-root.js';
import type { CliContext } from './context.js';
import { registerCommands } from './commands/index.js';

export interface RunOptions {
  argv: string[];
  env: Record<string, string | undefined>;
  cwd: string;
  stdout: CliContext['stdout'];
  stderr: CliContext['stderr'];
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

function intlLocale(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().locale;
  } catch {
    return undefined;
  }
}

/** Build the program for one language: every help text comes from the catalog. */
export function buildProgram(ctx: CliContext): Command {
  const { messages } = ctx;
  const titles: Record<string, string> = {
    'Usage:': messages.t('help.usage'),
    'Options:': messages.t('help.options'),
    'Commands:': messages.t('help.commands'),
    'Arguments:': messages.t('help.arguments'),
    'Global Options:': messages.t('help.globalOptions'),
  };
  const program = new Command('agentpack');
  program
    .description(messages.t('cli.description'))
    .version(packageInfo().version, '-V, --version', messages.t('cli.opt.version'))
    .helpOption('-h, --help', messages.t('cli.opt.help'))
    .helpCommand('help [command]', messages.t('cli.help.command'))
    .addOption(new Option('--json', messages.t('cli.opt.json')))
    .addOption(new Option('--lang <lang>', messages.t('cli.opt.lang')).choices(['en', 'ja']))
    .addOption(new Option('--no-color', messages.t('cli.opt.noColor')))
    .configureHelp({ styleTitle: (title) => titles[title] ?? title, showGlobalOptions: true })
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
      outputError: () => undefined,
    })
    .exitOverride()
    .showSuggestionAfterError(true);
  registerCommands(program, ctx);
  for (const command of program.commands) {
    command.helpOption('-h, --help', messages.t('cli.opt.help'));
    command.configureHelp({ styleTitle: (title) => titles[title] ?? title, showGlobalOptions: true });
    command.exitOverride();
  }
  return program;
}

/** Run the CLI and return the exit code. The only caller that ends the process is main.ts. */
export async function run(options: RunOptions): Promise<number> {
  const { argv, env } = options;
  const json = argv.includes('--json');
  const flagLang = peekOption(argv, '--lang');
  const lang = resolveLang({ flag: flagLang, env, intlLocale: intlLocale() });
  const messages = createMessages(lang);
  const style = createStyle(shouldColor({ isTTY: Boolean(options.stderr.isTTY), env, flag: !argv.includes('--no-color'), json }));
  const ctx: CliContext = { messages, style, json, env, cwd: options.cwd, stdout: options.stdout, stderr: options.stderr, exitCode: 0 };
  try {
    if (flagLang !== undefined && !langOfTag(flagLang)) {
      throw new AgentpackError({ code: 'LOCALE_UNKNOWN', params: { locale: flagLang, choices: 'en, ja' }, exitCode: 2 });
    }
    const program = buildProgram(ctx);
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    return reportFailure({ error, ctx, messages });
  }
}

function reportFailure(options: { error: unknown; ctx: CliContext; messages: Messages }): number {
  const { error, ctx, messages } = options;
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
    const usage = new AgentpackError({ code: 'USAGE', params: { detail: usageDetail(error, messages) }, exitCode: 2 });
    return printError(usage, ctx);
  }
  if (isAgentpackError(error)) return printError(error, ctx);
  const detail = error instanceof Error ? error.message : String(error);
  if (ctx.env['AGENTPACK_DEBUG'] && error instanceof Error && error.stack) ctx.stderr.write(`${error.stack}\n`);
  return printError(new AgentpackError({ code: 'INTERNAL', params: { detail } }), ctx);
}

function printError(error: AgentpackError, ctx: CliContext): number {
  if (ctx.json) {
    const payload: Record<string, unknown> = { ok: false, error: describeError(error, ctx.messages) };
    if (error.details !== undefined) (payload['error'] as Record<string, unknown>)['details'] = error.details;
    ctx.stdout.write(`${JSON.stringify(payload, null, 2)}\n`);
  }
  ctx.stderr.write(formatError(error, ctx));
  return error.exitCode;
}

/** Commander's message, in the user's language where we know the case. */
function usageDetail(error: CommanderError, messages: Messages): string {
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  const key = (
    {
      'commander.unknownOption': 'usage.unknownOption',
      'commander.unknownCommand': 'usage.unknownCommand',
      'commander.missingArgument': 'usage.missingArgument',
      'commander.optionMissingArgument': 'usage.optionMissingArgument',
      'commander.missingMandatoryOptionValue': 'usage.optionMissingArgument',
      'commander.excessArguments': 'usage.excessArguments',
      'commander.invalidArgument': 'usage.invalidArgument',
    } as const
  )[error.code];
  const suggestion = /\(Did you mean (.+)\?\)/.exec(error.message)?.[1];
  if (!key) return error.message.replace(/^error: /, '');
  const text = messages.t(key, { value: quoted });
  return suggestion ? `${text} ${messages.t('usage.didYouMean', { suggestion })}` : text;
}
