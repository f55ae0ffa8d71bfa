import type { Command } from 'commander';
import type { CliContext } from '../context.js';
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
 * Each top-level command's name and aliases, with the function that registers it: a run that names one
 * command builds only that one (src/cli/run.ts). A command missing here still works (that run builds
 * every command); a name or alias that differs from what the command registers is caught by
 * test/cli/narrow-program.test.ts.
 */
const BY_NAME = new Map<string, Register>([
  ['list', registerList],
  ['ls', registerList],
  ['install', registerInstall],
  ['add', registerInstall],
  ['i', registerInstall],
  ['locale', registerLocale],
  ['switch', registerLocale],
  ['update', registerUpdate],
  ['uninstall', registerUninstall],
  ['remove', registerUninstall],
  ['rm', registerUninstall],
  ['status', registerStatus],
  ['doctor', registerStatus],
  ['diff', registerDiff],
  ['show', registerShow],
  ['validate', registerValidate],
  ['i18n', registerI18n],
  ['schema', registerSchema],
]);

/** The function that registers the command `word` names (its name or an alias), if it is one of ours. */
export function registerFor(word: string): Register | undefined {
  return BY_NAME.get(word);
}

/** Every word registerFor knows (for the test that holds them to the commands' names and aliases). */
export function knownCommandWords(): string[] {
  return [...BY_NAME.keys()];
}
