import type { Command, CommanderError } from 'commander';
import { nearestLocale } from '../../core/nearest.js';
import type { MessageKey, Messages } from '../../ui/messages.js';

/** `--lang <lang>` → `--lang`; `-f, --force` → `--force`: how the user typed the option, without its value. */
function flagName(flags: string): string {
  return /--[\w-]+/.exec(flags)?.[0] ?? /-\w/.exec(flags)?.[0] ?? flags;
}

/** The subject of a conflict: `option '--a <x>'` → `--a`, `environment variable 'A'` → `A`. */
function subject(text: string): string {
  const quoted = /'([^']*)'/.exec(text)?.[1] ?? text;
  return text.startsWith('option') ? flagName(quoted) : quoted;
}

type Rule = { pattern: RegExp; key: MessageKey; params: (m: RegExpExecArray) => Record<string, string> };

/**
 * Commander's error messages (commander 14, lib/command.js, option.js, argument.js) turned into catalog
 * messages. Each code lists the shapes commander produces; the test in test/cli/program/usage-errors.test.ts triggers
 * every one of them, so a commander upgrade that rewords one fails there, not in front of a user.
 */
const RULES: Record<string, Rule[]> = {
  'commander.unknownOption': [{ pattern: /unknown option '([^']*)'/, key: 'usage.unknownOption', params: (m) => ({ option: m[1] ?? '' }) }],
  'commander.unknownCommand': [{ pattern: /unknown command '([^']*)'/, key: 'usage.unknownCommand', params: (m) => ({ command: m[1] ?? '' }) }],
  'commander.missingArgument': [{ pattern: /missing required argument '([^']*)'/, key: 'usage.missingArgument', params: (m) => ({ argument: m[1] ?? '' }) }],
  'commander.optionMissingArgument': [
    { pattern: /option '([^']*)' argument missing/, key: 'usage.optionMissingArgument', params: (m) => ({ option: flagName(m[1] ?? '') }) },
  ],
  'commander.missingMandatoryOptionValue': [
    { pattern: /required option '([^']*)' not specified/, key: 'usage.missingMandatoryOption', params: (m) => ({ option: flagName(m[1] ?? '') }) },
  ],
  'commander.excessArguments': [
    {
      pattern: /too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)/,
      key: 'usage.excessArguments',
      params: (m) => ({ command: m[1] ?? 'agentpack', expected: m[2] ?? '', received: m[3] ?? '' }),
    },
  ],
  'commander.conflictingOption': [
    {
      pattern: /((?:option|environment variable) '[^']*') cannot be used with ((?:option|environment variable) '[^']*')/,
      key: 'usage.conflictingOption',
      params: (m) => ({ option: subject(m[1] ?? ''), other: subject(m[2] ?? '') }),
    },
  ],
  'commander.invalidArgument': [
    {
      pattern: /option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/s,
      key: 'usage.invalidChoice',
      params: (m) => ({ option: flagName(m[1] ?? ''), value: m[2] ?? '', choices: m[3] ?? '' }),
    },
    {
      pattern: /option '([^']*)' value '([^']*)' from env '([^']*)' is invalid\. Allowed choices are (.*)\.$/s,
      key: 'usage.invalidChoiceEnv',
      params: (m) => ({ option: flagName(m[1] ?? ''), value: m[2] ?? '', env: m[3] ?? '', choices: m[4] ?? '' }),
    },
    {
      pattern: /command-argument value '([^']*)' is invalid for argument '([^']*)'\. Allowed choices are (.*)\.$/s,
      key: 'usage.invalidChoice',
      params: (m) => ({ option: `<${m[2] ?? ''}>`, value: m[1] ?? '', choices: m[3] ?? '' }),
    },
    {
      pattern: /option '([^']*)' (?:argument|value) '([^']*)'(?: from env '[^']*')? is invalid\.(.*)$/s,
      key: 'usage.invalidArgument',
      params: (m) => ({ option: flagName(m[1] ?? ''), value: m[2] ?? '', reason: (m[3] ?? '').trim() }),
    },
    {
      pattern: /command-argument value '([^']*)' is invalid for argument '([^']*)'\.(.*)$/s,
      key: 'usage.invalidArgument',
      params: (m) => ({ option: `<${m[2] ?? ''}>`, value: m[1] ?? '', reason: (m[3] ?? '').trim() }),
    },
  ],
};

/** Codes of CommanderError that are not failures. */
export const COMMANDER_SUCCESS_CODES: readonly string[] = ['commander.helpDisplayed', 'commander.version', 'commander.help'];

/** Every failure code commander 14 raises while parsing, with the catalog key(s) it maps to. */
export const MAPPED_COMMANDER_CODES: readonly string[] = Object.keys(RULES);

/**
 * Commander's error in the user's language. Unknown shapes (e.g. `program.error('…')` written by a command)
 * keep commander's text without its `error: ` prefix.
 */
export function usageDetail(error: Pick<CommanderError, 'code' | 'message'>, messages: Messages): string {
  const text = error.message.replace(/^error: /, '');
  const suggestion = /\(Did you mean (?:one of )?(.+)\?\)/.exec(text)?.[1];
  const head = text.replace(/\s*\(Did you mean[^)]*\)\s*$/, '');
  for (const rule of RULES[error.code] ?? []) {
    const match = rule.pattern.exec(head);
    if (!match) continue;
    const params = rule.params(match);
    // Argument names read like the help shows them: `<agent>` in English, `<エージェント>` in Japanese.
    if (params['argument'] !== undefined) params['argument'] = messages.find(`help.placeholder.${params['argument']}`) ?? params['argument'];
    const argName = /^<(.+)>$/.exec(params['option'] ?? '')?.[1];
    if (argName !== undefined) params['option'] = `<${messages.find(`help.placeholder.${argName}`) ?? argName}>`;
    const detail = messages.t(rule.key, params).trim();
    // `--lang jp` / `JA` / `ja_JP`: the choice meant (all of agentpack's choices are languages).
    // A command and its alias (`list, ls` for `lst`) are one command: the first name commander offers is enough.
    const offered = rule.key === 'usage.unknownCommand' ? suggestion?.split(', ')[0] : suggestion;
    const meant = offered ?? (rule.key === 'usage.invalidChoice' ? nearestLocale(params['value'] ?? '', (params['choices'] ?? '').split(', ')) : undefined);
    return meant ? messages.t('usage.withSuggestion', { detail, suggestion: meant }) : detail;
  }
  return head;
}

/** The command whose parsing raised each commander error (set by the exit handler of localize-help.ts). */
const failedCommands = new WeakMap<object, Command>();

export function recordFailedCommand(error: CommanderError, command: Command): void {
  failedCommands.set(error, command);
}

export function failedCommandOf(error: CommanderError): Command | undefined {
  return failedCommands.get(error);
}

/** `agentpack install --help`, `npx agentpack-cli i18n stamp --help`, `agentpack --help`: where a command's usage is. */
export function helpCommandOf(command: Command | undefined, invocation: string): string {
  const names: string[] = [];
  for (let c = command; c?.parent; c = c.parent) names.unshift(c.name());
  return [invocation, ...names, '--help'].join(' ');
}
