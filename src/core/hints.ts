import type { Target } from './target.js';

/** The npm package name (the bin is `agentpack`); package.json must agree (test/cli/invocation-hints.test.ts). */
export const PACKAGE_NAME = 'agentpack-cli';

/** The commands a hint can name; a word after `agentpack` that is one of these makes a command line. */
const COMMAND_WORDS = [
  'install',
  'add',
  'i',
  'uninstall',
  'remove',
  'rm',
  'list',
  'ls',
  'locale',
  'switch',
  'update',
  'status',
  'doctor',
  'validate',
  'show',
  'diff',
  'i18n',
  'schema',
  'help',
];
const COMMAND_LINE = new RegExp(`\\bagentpack(?= (?:${COMMAND_WORDS.join('|')})\\b)`, 'g');

/**
 * How the user started this run, as the first words of a command line they can type again: `npx
 * agentpack-cli` when npm ran it (npx and `npm exec` set npm_command=exec; a bare `agentpack` would be
 * "command not found" for someone who never installed the bin), otherwise the bin's own name.
 */
export function invocationOf(env: Record<string, string | undefined>): string {
  return env['npm_command'] === 'exec' ? `npx ${PACKAGE_NAME}` : 'agentpack';
}

/** Every `agentpack <command>` in a text a user reads, named the way this run was started. */
export function nameCommands(text: string, invocation: string): string {
  return invocation === 'agentpack' || !text.includes('agentpack') ? text : text.replace(COMMAND_LINE, invocation);
}

/**
 * Characters a POSIX shell passes on unchanged outside quotes. Not `~`: unquoted at the start of a word (or
 * after `=` or `:` in bash) it becomes a home folder, and agentpack only ever sees a `~` the user's shell left
 * alone, so pasting the hint back must not expand it.
 */
const SAFE_WORD = /^[\w@%+=:,./-]+$/;

/** A word as a user would type it again in a shell: as is when safe, else in single quotes. */
export function shellWord(text: string): string {
  return SAFE_WORD.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A command line a hint names: the words after `agentpack`, then the options that select the same things again. */
export interface CommandLine {
  args: readonly string[];
  /** The agents folder (`--project`, `--dir <path>`; nothing for the user folder). */
  target?: Target | undefined;
  /** The source folder, `--from <path>`, with one `--pick <path>` each. */
  from?: string | undefined;
  picks?: readonly string[] | undefined;
  /** The catalog, `--root <dir>` (a copy of the package's layout). */
  root?: string | undefined;
}

/** The options that point a command at the same catalog again: `--root`, or `--from` and its `--pick`s. */
export type CatalogFlags = Pick<CommandLine, 'from' | 'picks' | 'root'>;

/** `--from <path>` and one `--pick <path>` per pick, as words: for `args` that go on after them (`… --from x --force`). */
export function sourceFlags(options: Pick<CommandLine, 'from' | 'picks'>): string[] {
  return options.from === undefined ? [] : ['--from', options.from, ...(options.picks ?? []).flatMap((p) => ['--pick', p])];
}

function targetFlags(target: Target | undefined): string[] {
  const tool = target?.tool !== undefined ? ['--target', target.tool] : [];
  if (target?.scope === 'project') return ['--project', ...tool];
  return target?.scope === 'dir' ? ['--dir', target.dir, ...tool] : tool;
}

/**
 * The one builder of the command lines hints name: `agentpack <args…>`, then the folder's scope flag, then
 * `--from`/`--pick`, then `--root`, each word quoted by shellWord.
 */
export function commandLine(options: CommandLine): string {
  const words = [...options.args, ...targetFlags(options.target), ...sourceFlags(options), ...(options.root === undefined ? [] : ['--root', options.root])];
  return ['agentpack', ...words.map(shellWord)].join(' ');
}

/** The command `retry` choosing one file of a name several files define: `retry` with `--pick <path>` added. */
export function pickCommand(options: { retry: CommandLine; path: string }): string {
  const { retry, path } = options;
  return commandLine({ ...retry, picks: [...(retry.picks ?? []), path] });
}
