import { Option, type Command } from 'commander';
import type { CliContext } from '../program/context.js';
import { addScopeOptions, addToolOption, addWriteOptions } from './scope-options.js';

export function registerUninstall(program: Command, ctx: CliContext): void {
  const { t } = ctx.messages;
  const command = program
    .command('uninstall')
    .aliases(['remove', 'rm'])
    .description(t('cmd.uninstall.description'))
    .argument('[agents...]', t('cli.arg.agents'))
    .addOption(new Option('--all', t('cli.opt.uninstallAll')))
    .addOption(new Option('--from <path>', t('cli.opt.uninstallFrom')));
  addWriteOptions(addToolOption(addScopeOptions(command, ctx), ctx), ctx).action(async (agents: string[], raw: unknown) =>
    (await import('../actions/uninstall.js')).runUninstall({ agents, raw, ctx }),
  );
}
