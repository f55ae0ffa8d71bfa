import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';

/** `--user` (default), `--project`, `--dir <path>`: which agents folder a command works on. */
export function addScopeOptions(command: Command, ctx: CliContext): Command {
  const { t } = ctx.messages;
  return command
    .addOption(new Option('--user', t('cli.opt.user')))
    .addOption(new Option('--project', t('cli.opt.project')))
    .addOption(new Option('--dir <path>', t('cli.opt.dir')));
}

/** `--force` and `--dry-run`, for the commands that write. */
export function addWriteOptions(command: Command, ctx: CliContext): Command {
  const { t } = ctx.messages;
  return command.addOption(new Option('--force', t('cli.opt.force'))).addOption(new Option('--dry-run', t('cli.opt.dryRun')));
}
