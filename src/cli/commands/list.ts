import { Option, type Command } from 'commander';
import { collect } from '../program/collect.js';
import type { CliContext } from '../program/context.js';

export function registerList(program: Command, ctx: CliContext): void {
  program
    .command('list')
    .alias('ls')
    .description(ctx.messages.t('cmd.list.description'))
    .addOption(new Option('--dir <path>', ctx.messages.t('cli.opt.dirExtra')))
    .addOption(new Option('--from <path>', ctx.messages.t('cli.opt.from')))
    .addOption(new Option('--pick <path>', ctx.messages.t('cli.opt.pick')).argParser(collect))
    .addOption(new Option('--plugin <plugin>', ctx.messages.t('cli.opt.plugin')))
    .action(async (raw: unknown) => (await import('../actions/list.js')).runList({ raw, ctx }));
}
