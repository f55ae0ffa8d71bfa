import { Option, type Command } from 'commander';
import { collect } from '../program/collect.js';
import type { CliContext } from '../program/context.js';
import { TOOL_IDS } from '../../core/target.js';

/** `--global`, as npm and skills spell it: the same as `--user` (-g), kept out of the help. */
export function globalOption(): Option {
  return new Option('--global').hideHelp();
}

/** `-g, --user` (default), `-p, --project`, `--dir <path>`: which agents folder a command works on. */
export function addScopeOptions(command: Command, ctx: CliContext): Command {
  const { t } = ctx.messages;
  return command
    .addOption(new Option('-g, --user', t('cli.opt.user')))
    .addOption(globalOption())
    .addOption(new Option('-p, --project', t('cli.opt.project')))
    .addOption(new Option('--dir <path>', t('cli.opt.dir')));
}

/** `-f, --force`, `-n, --dry-run` and `-y, --yes`, for the commands that write. */
export function addWriteOptions(command: Command, ctx: CliContext): Command {
  const { t } = ctx.messages;
  return command
    .addOption(new Option('-f, --force', t('cli.opt.force')))
    .addOption(new Option('-n, --dry-run', t('cli.opt.dryRun')))
    .addOption(new Option('-y, --yes', t('cli.opt.yes')));
}

/** `--from <path>` and repeatable `--pick <path>`, for `locale` and `update`: the folder installed agents are read from. */
export function addSourceOptions(command: Command, ctx: CliContext): Command {
  const { t } = ctx.messages;
  return command
    .addOption(new Option('--from <path>', t('cli.opt.fromInstalled')))
    .addOption(new Option('--pick <path>', t('cli.opt.pick')).argParser(collect));
}

/** `-t, --target <tool>`: the coding agent whose folders a command works on (default claude). */
export function addToolOption(command: Command, ctx: CliContext): Command {
  return command.addOption(new Option('-t, --target <tool>', ctx.messages.t('cli.opt.target')).choices([...TOOL_IDS]));
}
