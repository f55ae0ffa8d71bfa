import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function registerList(program: Command, ctx: CliContext): void {
  program
    .command('list')
    .alias('ls')
    .description(ctx.messages.t('cmd.list.description'))
    .action(async (raw: unknown) => (await import('../actions/list.js')).runList({ raw, ctx }));
}
