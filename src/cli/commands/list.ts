import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';

export function registerList(program: Command, ctx: CliContext): void {
  program
    .command('list')
    .alias('ls')
    .description(ctx.messages.t('cmd.list.description'))
    .addOption(new Option('--dir <path>', ctx.messages.t('cli.opt.dirExtra')))
    .action(async (raw: unknown) => (await import('../actions/list.js')).runList({ raw, ctx }));
}
