import { Option, type Command } from 'commander';
import type { CliContext } from '../program/context.js';
import { addScopeOptions, addToolOption, addSourceOptions, addWriteOptions } from './scope-options.js';

export function registerUpdate(program: Command, ctx: CliContext): void {
  const { t } = ctx.messages;
  const command = program
    .command('update')
    .description(t('cmd.update.description'))
    .argument('[agents...]', t('cli.arg.installedAgents'))
    .addOption(new Option('--check', t('cli.opt.check')));
  addWriteOptions(addSourceOptions(addToolOption(addScopeOptions(command, ctx), ctx), ctx), ctx).action(async (agents: string[], raw: unknown) =>
    (await import('../actions/update.js')).runUpdate({ agents, raw, ctx }),
  );
}
