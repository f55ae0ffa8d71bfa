import { Help, type Argument, type Command, type HelpConfiguration, type Option } from 'commander';
import type { Messages } from '../../ui/messages.js';
import { displayWidth, wrapToWidth } from '../../ui/text-width.js';
import type { CliContext } from './context.js';

const base = new Help();

/**
 * Translate the placeholders of a usage fragment: `[options]`, `[command]`, `<agent>`, `[paths...]`,
 * `--lang <lang>`. A placeholder `name` reads `help.placeholder.<name>` from the catalog; one without a
 * key stays as written (test/cli/program/help-i18n.test.ts fails on it under `ja`, naming the key to add).
 */
const MIN_WRAP_WIDTH = 20;

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
    subcommandTerm: (cmd) => localizeTerm(base.subcommandTerm(cmd), messages),
    // The implicit `help` command is the only listed command without a parent.
    subcommandDescription: (cmd) => (cmd.parent ? base.subcommandDescription(cmd) : messages.t('cli.help.command')),
    optionTerm: (option) => localizeTerm(option.flags, messages),
    argumentTerm: (argument) => messages.find(`help.placeholder.${argument.name()}`) ?? argument.name(),
    optionDescription: (option) => withExtras({ description: option.description ?? '', extras: extrasOf(option, messages), messages }),
    argumentDescription: (argument) => withExtras({ description: argument.description ?? '', extras: extrasOf(argument, messages), messages }),
  };
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
    .exitOverride()
    .showSuggestionAfterError(true);
  for (const sub of command.commands) localizeCommands({ command: sub, ctx });
}
