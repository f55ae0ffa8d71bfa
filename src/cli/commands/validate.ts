import { Option, type Command } from 'commander';
import type { CliContext } from '../program/context.js';

export function registerValidate(program: Command, ctx: CliContext): void {
  const { t } = ctx.messages;
  program
    .command('validate')
    .description(t('cmd.validate.description'))
    .argument('[paths...]', t('cli.arg.paths'))
    .addOption(new Option('--strict', t('cli.opt.strict')))
    .addOption(new Option('--root <dir>', t('cli.opt.root')))
    .addOption(new Option('--from <path>', t('cli.opt.from')).conflicts('root'))
    .addOption(new Option('--plugin <plugin>', t('cli.opt.plugin')))
    .action(async (paths: string[], raw: unknown) => (await import('../actions/validate.js')).runValidate({ paths, raw, ctx }));
}
