import { Option, type Command } from 'commander';
import { collect } from '../program/collect.js';
import type { CliContext } from '../program/context.js';

/** `i18n status` and `i18n stamp <agent> --locale <l>`: the link between an agent's variants. */
export function registerI18n(program: Command, ctx: CliContext): void {
  const { t } = ctx.messages;
  const i18n = program.command('i18n').description(t('cmd.i18n.description'));
  i18n
    .command('status')
    .description(t('cmd.i18n.status.description'))
    .addOption(new Option('--root <dir>', t('cli.opt.root')))
    .addOption(new Option('--from <path>', t('cli.opt.from')).conflicts('root'))
    .addOption(new Option('--pick <path>', t('cli.opt.pick')).argParser(collect))
    .action(async (raw: unknown) => (await import('../actions/i18n-status.js')).runI18nStatus({ raw, ctx }));
  i18n
    .command('stamp')
    .description(t('cmd.i18n.stamp.description'))
    .argument('<agent>', t('cli.arg.agent'))
    .addOption(new Option('-l, --locale <locale>', t('cli.opt.stampLocale')).makeOptionMandatory())
    .addOption(new Option('--root <dir>', t('cli.opt.root')))
    .addOption(new Option('--from <path>', t('cli.opt.from')).conflicts('root'))
    .addOption(new Option('--pick <path>', t('cli.opt.pick')).argParser(collect))
    .action(async (agent: string, raw: unknown) => (await import('../actions/i18n-stamp.js')).runI18nStamp({ agent, raw, ctx }));
  for (const command of i18n.commands) command.helpOption('-h, --help', t('cli.opt.help'));
}
