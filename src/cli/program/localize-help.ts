import { Help, type Argument, type Command, type HelpConfiguration, type Option } from 'commander';
import { AgentpackError } from '../../core/errors.js';
import { nearestKey } from '../../core/nearest.js';
import type { Messages } from '../../ui/messages.js';
import { displayWidth, wrapToWidth } from '../../ui/text-width.js';
import type { CliContext } from './context.js';
import { helpCommandOf, recordFailedCommand } from './usage-errors.js';

const base = new Help();

/**
 * Translate the placeholders of a usage fragment: `[options]`, `[command]`, `<agent>`, `[paths...]`,
 * `--lang <lang>`. A placeholder `name` reads `help.placeholder.<name>` from the catalog; one without a
 * key stays as written (test/cli/program/help-i18n.test.ts fails on it under `ja`, naming the key to add).
 */
const MIN_WRAP_WIDTH = 20;
/** Below this many columns for a description, a long term stands on its own line with its description under it. */
const MIN_DESCRIPTION_WIDTH = 30;
/** The two spaces before a term and the two between a term and its description. */
const INDENT = 2;
const SPACER = 2;

export function localizeTerm(text: string, messages: Messages): string {
  return text.replace(/([<[])([A-Za-z][\w-]*)(\.\.\.)?([>\]])/g, (whole, open: string, name: string, dots: string | undefined, close: string) => {
    const word = messages.find(`help.placeholder.${name}`);
    return word === undefined ? whole : `${open}${word}${dots ?? ''}${close}`;
  });
}

/** `(choices: en, ja, default: x)` in the user's language, appended to a description. */
function withExtras(options: { description: string; extras: string[]; messages: Messages }): string {
  const { description, extras, messages } = options;
  if (extras.length === 0) return description;
  const items = extras.join(messages.t('help.extraSeparator'));
  return messages.t('help.extra', { description, items }).trim();
}

function extrasOf(target: Option | Argument, messages: Messages): string[] {
  const extras: string[] = [];
  if (target.argChoices) extras.push(messages.t('help.choices', { choices: target.argChoices.join(', ') }));
  if (target.defaultValue !== undefined) {
    const option = 'flags' in target ? target : undefined;
    const show = !option || option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
    if (show) extras.push(messages.t('help.default', { value: target.defaultValueDescription ?? JSON.stringify(target.defaultValue) }));
  }
  if ('flags' in target) {
    if (target.presetArg !== undefined && target.optional) extras.push(messages.t('help.preset', { value: JSON.stringify(target.presetArg) }));
    if (target.envVar !== undefined) extras.push(messages.t('help.env', { name: target.envVar }));
  }
  return extras;
}

/** `text` wrapped to `width`, every line after the first starting with `indent`. */
function hang(options: { text: string; width: number; indent: string }): string {
  const { text, width, indent } = options;
  return wrapToWidth(text, Math.max(MIN_WRAP_WIDTH, width))
    .split('\n')
    .map((line, i) => (i === 0 ? line : `${indent}${line}`))
    .join('\n');
}

/**
 * A term and its description. Descriptions share one column, as commander lays them out, while that leaves
 * them MIN_DESCRIPTION_WIDTH columns; on a narrower terminal the column moves left and a term too wide for
 * it stands alone, its description on the lines under it. Nothing is wider than the terminal, and no line
 * breaks inside a word (wrapToWidth).
 */
function formatItem(options: { term: string; termWidth: number; description: string; helpWidth: number }): string {
  const { term, termWidth, description, helpWidth } = options;
  const column = Math.min(termWidth, Math.max(0, helpWidth - INDENT - SPACER - MIN_DESCRIPTION_WIDTH));
  const lead = ' '.repeat(INDENT);
  const termText = hang({ text: term, width: helpWidth - INDENT, indent: `${lead}  ` });
  if (!description) return `${lead}${termText}`;
  const pad = ' '.repeat(INDENT + column + SPACER);
  const lines = wrapToWidth(description, Math.max(MIN_WRAP_WIDTH, helpWidth - pad.length)).split('\n');
  const width = displayWidth(term);
  if (width <= column) {
    const [first = '', ...rest] = lines;
    return [`${lead}${term}${' '.repeat(column - width + SPACER)}${first}`, ...rest.map((l) => `${pad}${l}`)].join('\n');
  }
  return [`${lead}${termText}`, ...lines.map((l) => `${pad}${l}`)].join('\n');
}

/** The catalog key of a command's examples: `help.example.install`, `help.example.i18n.stamp`, `help.example.agentpack`. */
function examplesKey(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return `help.example.${names.length === 0 ? cmd.name() : names.join('.')}`;
}

/**
 * The Examples section: one `command # what it does` per catalog line, printed as a shell comment over the
 * command (both can be pasted into a shell), each wrapped to the width.
 */
function examplesSection(options: { cmd: Command; messages: Messages; helpWidth: number }): string {
  const { cmd, messages, helpWidth } = options;
  const text = messages.find(examplesKey(cmd));
  if (text === undefined) return '';
  const lines: string[] = [];
  for (const example of text.split('\n')) {
    const at = example.indexOf(' # ');
    const command = at < 0 ? example : example.slice(0, at);
    if (at >= 0) lines.push(`  # ${hang({ text: example.slice(at + 3), width: helpWidth - 4, indent: '  # ' })}`);
    lines.push(`  ${hang({ text: command, width: helpWidth - 2, indent: '      ' })}`);
  }
  return `\n${messages.t('help.examples')}\n${lines.join('\n')}\n`;
}

/** The options that pick the agents folder, the catalog and the agents' language: named once at the top level. */
const COMMON_OPTIONS = [
  ['-g, --global', 'help.common.global'],
  ['-p, --project', 'cli.opt.project'],
  ['--dir <dir>', 'cli.opt.dir'],
  ['--from <path>', 'cli.opt.from'],
  ['-l, --locale <locale>', 'cli.opt.locale'],
] as const;

/** The program's "Common options" section: the scope and catalog options most commands take. */
function commonOptionsSection(options: { messages: Messages; helpWidth: number; termWidth: number }): string {
  const { messages, helpWidth } = options;
  const terms = COMMON_OPTIONS.map(([term]) => localizeTerm(term, messages));
  const termWidth = Math.max(options.termWidth, ...terms.map((t) => displayWidth(t)));
  const items = COMMON_OPTIONS.map(([, key], i) => formatItem({ term: terms[i] ?? '', termWidth, description: messages.t(key), helpWidth }));
  return `\n${hang({ text: messages.t('help.commonOptions'), width: helpWidth, indent: '' })}\n${items.join('\n')}\n`;
}

/** The usage line, wrapped under itself when it is wider than the terminal. */
function wrapUsage(line: string, helpWidth: number): string {
  if (displayWidth(line) <= helpWidth) return line;
  const at = line.indexOf(' ');
  const title = line.slice(0, at + 1);
  const indent = ' '.repeat(displayWidth(title));
  return `${title}${hang({ text: line.slice(at + 1), width: helpWidth - indent.length, indent })}`;
}

/**
 * commander's Help with every English fragment replaced by catalog text: titles, `[options]`/`[command]`
 * and other placeholders, `(choices: …)`, `(default: …)`, `(env: …)`; widths measured with string-width
 * and Japanese wrapped between characters (it has no spaces to break at).
 */
function helpConfiguration(messages: Messages): HelpConfiguration {
  const titles: Record<string, string> = {
    'Usage:': messages.t('help.usage'),
    'Options:': messages.t('help.options'),
    'Commands:': messages.t('help.commands'),
    'Arguments:': messages.t('help.arguments'),
    'Global Options:': messages.t('help.globalOptions'),
  };
  return {
    showGlobalOptions: true,
    styleTitle: (title) => titles[title] ?? title,
    displayWidth: (text) => displayWidth(text),
    // Commander gives up wrapping below 40 columns; our longest command terms leave about 30 on an 80-column
    // terminal, so wrap down to 20 and keep every help line within the width.
    minWidthToWrap: MIN_WRAP_WIDTH,
    boxWrap: (text, width) => (width < MIN_WRAP_WIDTH ? text : wrapToWidth(text, width)),
    commandUsage: (cmd) => localizeTerm(base.commandUsage(cmd), messages),
    subcommandTerm: (cmd) => localizeTerm(withAllAliases(cmd, base.subcommandTerm(cmd)), messages),
    // The implicit `help` command is the only listed command without a parent.
    subcommandDescription: (cmd) => (cmd.parent ? base.subcommandDescription(cmd) : messages.t('cli.help.command')),
    optionTerm: (option) => localizeTerm(option.flags, messages),
    argumentTerm: (argument) => messages.find(`help.placeholder.${argument.name()}`) ?? argument.name(),
    optionDescription: (option) => withExtras({ description: option.description ?? '', extras: extrasOf(option, messages), messages }),
    argumentDescription: (argument) => withExtras({ description: argument.description ?? '', extras: extrasOf(argument, messages), messages }),
    formatItem: (term, termWidth, description, helper) => formatItem({ term, termWidth, description, helpWidth: helper.helpWidth ?? 80 }),
    formatHelp: (cmd, helper) => {
      const helpWidth = helper.helpWidth ?? 80;
      const [usage = '', ...rest] = base.formatHelp(cmd, helper).split('\n');
      const body = [wrapUsage(usage, helpWidth), ...rest].join('\n');
      // The program's own help ends with the way to a command's options.
      const footer = cmd.parent ? '' : `\n${hang({ text: messages.t('help.footer', { invocation: messages.invocation }), width: helpWidth, indent: '' })}\n`;
      const common = cmd.parent ? '' : commonOptionsSection({ messages, helpWidth, termWidth: helper.padWidth(cmd, helper) });
      return `${body}${common}${examplesSection({ cmd, messages, helpWidth })}${footer}`;
    },
  };
}

/** `uninstall|remove|rm [options] <agents...>`: commander names only the first alias. */
function withAllAliases(cmd: Command, term: string): string {
  const [first] = cmd.aliases();
  const head = first === undefined ? cmd.name() : `${cmd.name()}|${first}`;
  return term.startsWith(head) ? `${[cmd.name(), ...cmd.aliases()].join('|')}${term.slice(head.length)}` : term;
}

/**
 * Give a command and all its subcommands, however and whenever they were registered, the localized help
 * (including the implicit `help` command), the translated `-h, --help` option, our output streams and
 * exit handling.
 * Called once after every command is registered, so commands added later get all of it for free.
 */
export function localizeCommands(options: { command: Command; ctx: CliContext }): void {
  const { command, ctx } = options;
  const { messages } = ctx;
  command
    .helpOption('-h, --help', messages.t('cli.opt.help'))
    .configureHelp(helpConfiguration(messages))
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
      outputError: () => undefined,
      getOutHelpWidth: () => (ctx.stdout.isTTY && ctx.stdout.columns ? ctx.stdout.columns : 80),
      getErrHelpWidth: () => 80,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .exitOverride((error) => {
      recordFailedCommand(error, command);
      throw error;
    })
    .showSuggestionAfterError(true);
  if (command.commands.length > 0) answerHelp(command, messages);
  for (const sub of command.commands) localizeCommands({ command: sub, ctx });
}

/** What commander does for `help <name>` (a private method of commander 14; test/cli/help-command.test.ts holds it). */
type HelpDispatch = { _dispatchHelpCommand(name?: string): unknown };

/**
 * For a command with subcommands: `help <name>` naming no subcommand is a usage error with the nearest name
 * (commander would print the parent's help on stderr and exit 0), and a subcommand group run bare
 * (`agentpack i18n`) prints its help on stdout, as `--help` does: the user asked for nothing wrong.
 */
function answerHelp(command: Command, messages: Messages): void {
  const internals = command as unknown as HelpDispatch;
  const dispatch = internals._dispatchHelpCommand.bind(command);
  internals._dispatchHelpCommand = (name) => {
    const names = command.commands.flatMap((c) => [c.name(), ...c.aliases()]);
    if (name !== undefined && name !== 'help' && !names.includes(name)) {
      const detail = messages.t('usage.unknownCommand', { command: name });
      const meant = nearestKey(name, names);
      throw new AgentpackError({
        code: 'USAGE',
        params: {
          detail: meant === undefined ? detail : messages.t('usage.withSuggestion', { detail, suggestion: meant }),
          suggestion: helpCommandOf(command, messages.invocation),
        },
        exitCode: 2,
      });
    }
    return dispatch(name === 'help' ? undefined : name);
  };
  if (!command.parent) return;
  const help = command.help.bind(command) as (context?: { error: boolean }) => never;
  command.help = ((context?: { error: boolean }) => help(context?.error ? undefined : context)) as Command['help'];
}
