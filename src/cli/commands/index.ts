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

/** Every subcommand, in the order `--help` lists them. */
export function registerCommands(program: Command, ctx: CliContext): void {
  registerList(program, ctx);
  registerInstall(program, ctx);
  registerLocale(program, ctx);
  registerUpdate(program, ctx);
  registerUninstall(program, ctx);
  registerStatus(program, ctx);
  registerDiff(program, ctx);
  registerShow(program, ctx);
  registerValidate(program, ctx);
  registerI18n(program, ctx);
  registerSchema(program, ctx);
}
