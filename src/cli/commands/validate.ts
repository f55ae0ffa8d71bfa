import { Option, type Command } from 'commander';
import type { CliContext } from '../program/context.js';

export function registerValidate(program: Command, ctx: CliContext): void {
  const { t } = ctx.messages;
  program
    .command('validate')
    .description(t('cmd.validate.description'))
    .argument('[paths...]', t('cli.arg.paths'))
    .addOption(new Option('--strict', t('cli.opt.strict')))
    // Deprecated: --from reads any catalog; --root (the package's layout) still works for scripts, out of the help.
    .addOption(new Option('--root <dir>', t('cli.opt.root')).hideHelp())
    .addOption(new Option('--from <path>', t('cli.opt.from')).conflicts('root'))
    .addOption(new Option('--plugin <plugin>', t('cli.opt.plugin')))
    .action(async (paths: string[], raw: unknown) => (await import('../actions/validate.js')).runValidate({ paths, raw, ctx }));
}
