import type { Command } from 'commander';
import type { CliContext } from '../program/context.js';

export function registerSchema(program: Command, ctx: CliContext): void {
  program
    .command('schema')
    .description(ctx.messages.t('cmd.schema.description'))
    .action(async () => (await import('../actions/schema.js')).runSchema({ ctx }));
}
