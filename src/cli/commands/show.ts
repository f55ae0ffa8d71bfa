import { Option, type Command } from 'commander';
import { collect } from '../program/collect.js';
import type { CliContext } from '../program/context.js';
import { addScopeOptions, addToolOption } from './scope-options.js';

export function registerShow(program: Command, ctx: CliContext): void {
  const { t } = ctx.messages;
  const command = program
    .command('show')
    .description(t('cmd.show.description'))
    .argument('<agent>', t('cli.arg.agent'))
    .addOption(new Option('-l, --locale <locale>', t('cli.opt.locale')))
    .addOption(new Option('--from <path>', t('cli.opt.from')))
    .addOption(new Option('--pick <path>', t('cli.opt.pick')).argParser(collect));
  addToolOption(addScopeOptions(command, ctx), ctx).action(async (agent: string, raw: unknown) =>
    (await import('../actions/show.js')).runShow({ agent, raw, ctx }),
  );
}
