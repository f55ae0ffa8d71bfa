import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerI18n } from './i18n.js';
import { registerList } from './list.js';
import { registerSchema } from './schema.js';
import { registerShow } from './show.js';
import { registerValidate } from './validate.js';

/** Every subcommand, in the order `--help` lists them. */
export function registerCommands(program: Command, ctx: CliContext): void {
  registerList(program, ctx);
  registerShow(program, ctx);
  registerValidate(program, ctx);
  registerI18n(program, ctx);
  registerSchema(program, ctx);
}
