import { Option, type Command } from 'commander';
import { collect } from '../program/collect.js';
import type { CliContext } from '../program/context.js';

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

/** `--from <path>` and repeatable `--pick <path>`, for `locale` and `update`: the folder installed agents are read from. */
export function addSourceOptions(command: Command, ctx: CliContext): Command {
  const { t } = ctx.messages;
  return command
    .addOption(new Option('--from <path>', t('cli.opt.fromInstalled')))
    .addOption(new Option('--pick <path>', t('cli.opt.pick')).argParser(collect));
}
