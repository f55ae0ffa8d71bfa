import { Option, type Command } from 'commander';
import type { CliContext } from '../program/context.js';
import { addScopeOptions, addToolOption } from './scope-options.js';

export function registerDiff(program: Command, ctx: CliContext): void {
  const { t } = ctx.messages;
  const command = program
    .command('diff')
    .description(t('cmd.diff.description'))
    .argument('<agent>', t('cli.arg.agent'))
    .addOption(new Option('-l, --locale <locale>', t('cli.opt.locale')));
  addToolOption(addScopeOptions(command, ctx), ctx).action(async (agent: string, raw: unknown) =>
    (await import('../actions/diff.js')).runDiff({ agent, raw, ctx }),
  );
}
