import { Option, type Command } from 'commander';
import type { CliContext } from '../program/context.js';
import { addToolOption, globalOption } from './scope-options.js';

export function registerStatus(program: Command, ctx: CliContext): void {
  const { t } = ctx.messages;
  const command = program
    .command('status')
    .alias('doctor')
    .description(t('cmd.status.description'))
    .addOption(new Option('-g, --user', t('cli.opt.onlyUser')))
    .addOption(globalOption())
    .addOption(new Option('-p, --project', t('cli.opt.onlyProject')))
    .addOption(new Option('--dir <path>', t('cli.opt.onlyDir')))
    .addOption(new Option('--claude', t('status.opt.claude')))
    .addOption(new Option('--claude-bin <path>', t('status.opt.claudeBin')));
  addToolOption(command, ctx).action(async (raw: unknown) => (await import('../actions/status.js')).runStatus({ raw, ctx }));
}
