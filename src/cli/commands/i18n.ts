import { Option, type Command } from 'commander';
import { collect } from '../program/collect.js';
import type { CliContext } from '../program/context.js';

/** `i18n status | diff | new | stamp`: the link between an agent's variants, for the people who keep translations. */
export function registerI18n(program: Command, ctx: CliContext): void {
  const { t } = ctx.messages;
  const i18n = program.command('i18n').description(t('cmd.i18n.description'));
  const catalogOptions = (command: Command): Command =>
    command
      .addOption(new Option('--root <dir>', t('cli.opt.root')))
      .addOption(new Option('--from <path>', t('cli.opt.from')).conflicts('root'))
      .addOption(new Option('--pick <path>', t('cli.opt.pick')).argParser(collect));
  catalogOptions(i18n.command('status').description(t('cmd.i18n.status.description'))).action(async (raw: unknown) =>
    (await import('../actions/i18n-status.js')).runI18nStatus({ raw, ctx }),
  );
  catalogOptions(
    i18n
      .command('diff')
      .description(t('cmd.i18n.diff.description'))
      .argument('<agent>', t('cli.arg.agent'))
      .addOption(new Option('-l, --locale <locale>', t('cli.opt.diffLocale')).makeOptionMandatory()),
  ).action(async (agent: string, raw: unknown) => (await import('../actions/i18n-diff.js')).runI18nDiff({ agent, raw, ctx }));
  catalogOptions(
    i18n
      .command('new')
      .description(t('cmd.i18n.new.description'))
      .argument('<agent>', t('cli.arg.agent'))
      .addOption(new Option('-l, --locale <locale>', t('cli.opt.newLocale')).makeOptionMandatory())
      .addOption(new Option('--force', t('cli.opt.forceNew'))),
  ).action(async (agent: string, raw: unknown) => (await import('../actions/i18n-new.js')).runI18nNew({ agent, raw, ctx }));
  catalogOptions(
    i18n
      .command('stamp')
      .description(t('cmd.i18n.stamp.description'))
      .argument('[agent]', t('cli.arg.agent'))
      .addOption(new Option('-l, --locale <locale>', t('cli.opt.stampLocale')))
      .addOption(new Option('--all', t('cli.opt.stampAll'))),
  ).action(async (agent: string | undefined, raw: unknown) => (await import('../actions/i18n-stamp.js')).runI18nStamp({ agent, raw, ctx }));
  for (const command of i18n.commands) command.helpOption('-h, --help', t('cli.opt.help'));
}
