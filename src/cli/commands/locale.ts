import type { Command } from 'commander';
import type { CliContext } from '../program/context.js';
import { addScopeOptions, addToolOption, addSourceOptions, addWriteOptions } from './scope-options.js';

export function registerLocale(program: Command, ctx: CliContext): void {
  const { t } = ctx.messages;
  const command = program
    .command('locale')
    .alias('switch')
    .description(t('cmd.locale.description'))
    .argument('[locale]', t('cli.arg.locale'))
    .argument('[agents...]', t('cli.arg.installedAgents'));
  addWriteOptions(addSourceOptions(addToolOption(addScopeOptions(command, ctx), ctx), ctx), ctx).action(
    async (locale: string | undefined, agents: string[], raw: unknown) => (await import('../actions/locale.js')).runLocale({ locale, agents, raw, ctx }),
  );
}
