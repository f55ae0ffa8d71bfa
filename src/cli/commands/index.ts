import type { Command } from 'commander';
import type { CliContext } from '../program/context.js';
import { registerDiff } from './diff.js';
import { registerI18n } from './i18n.js';
import { registerInstall } from './install.js';
import { registerList } from './list.js';
import { registerLocale } from './locale.js';
import { registerSchema } from './schema.js';
import { registerShow } from './show.js';
import { registerStatus } from './status.js';
import { registerUninstall } from './uninstall.js';
import { registerUpdate } from './update.js';
import { registerValidate } from './validate.js';

type Register = (program: Command, ctx: CliContext) => void;

/**
 * Every subcommand, in the order `--help` lists them, with the words that name it (its name and aliases):
 * a run that names one command builds only that one (src/cli/program/run.ts). A word that differs from what the
 * command registers is caught by test/cli/narrow-program.test.ts.
 */
const COMMANDS: readonly { words: readonly string[]; register: Register }[] = [
  { words: ['list', 'ls'], register: registerList },
  { words: ['install', 'add', 'i'], register: registerInstall },
  { words: ['locale', 'switch'], register: registerLocale },
  { words: ['update'], register: registerUpdate },
  { words: ['uninstall', 'remove', 'rm'], register: registerUninstall },
  { words: ['status', 'doctor'], register: registerStatus },
  { words: ['diff'], register: registerDiff },
  { words: ['show'], register: registerShow },
  { words: ['validate'], register: registerValidate },
  { words: ['i18n'], register: registerI18n },
  { words: ['schema'], register: registerSchema },
];

/** Every subcommand, in the order `--help` lists them. */
export function registerCommands(program: Command, ctx: CliContext): void {
  for (const { register } of COMMANDS) register(program, ctx);
}

/** The function that registers the command `word` names (its name or an alias), if it is one of ours. */
export function registerFor(word: string): Register | undefined {
  return COMMANDS.find((c) => c.words.includes(word))?.register;
}

/** Every word registerFor knows (for the test that holds them to the commands' names and aliases). */
export function knownCommandWords(): string[] {
  return COMMANDS.flatMap((c) => c.words);
}
