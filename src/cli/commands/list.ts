import { Option, type Command } from 'commander';
import { collect } from '../program/collect.js';
import type { CliContext } from '../program/context.js';
import { globalOption } from './scope-options.js';

export function registerList(program: Command, ctx: CliContext): void {
  program
    .command('list')
    .alias('ls')
    .description(ctx.messages.t('cmd.list.description'))
    .argument('[word]', ctx.messages.t('cli.arg.listWord'))
    .addOption(new Option('-l, --locale <locale>', ctx.messages.t('cli.opt.listLocale')))
    .addOption(new Option('-g, --user', ctx.messages.t('cli.opt.onlyUser')))
    .addOption(globalOption())
    .addOption(new Option('-p, --project', ctx.messages.t('cli.opt.onlyProject')))
    .addOption(new Option('--dir <path>', ctx.messages.t('cli.opt.onlyDir')))
    .addOption(new Option('--from <path>', ctx.messages.t('cli.opt.from')))
    .addOption(new Option('--pick <path>', ctx.messages.t('cli.opt.pick')).argParser(collect))
    .addOption(new Option('--plugin <plugin>', ctx.messages.t('cli.opt.plugin')))
    .action(async (word: string | undefined, raw: unknown) => (await import('../actions/list.js')).runList({ word, raw, ctx }));
}
