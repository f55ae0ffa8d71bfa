import { Option, type Command } from 'commander';
import { collect } from '../program/collect.js';
import { installPickerOptions, openPicker } from './picker.js';
import type { CliContext } from '../program/context.js';
import { isOneFileSource } from '../../io/source/one-file.js';
import { addScopeOptions, addToolOption, addWriteOptions } from './scope-options.js';

export function registerInstall(program: Command, ctx: CliContext): void {
  const { t } = ctx.messages;
  const command = program
    .command('install')
    .aliases(['add', 'i'])
    .description(t('cmd.install.description'))
    .argument('[agents...]', t('cli.arg.agents'))
    .addOption(new Option('-a, --all', t('cli.opt.all')))
    .addOption(new Option('-l, --locale <locale>', t('cli.opt.locale')))
    .addOption(new Option('--as <name>', t('cli.opt.as')))
    .addOption(new Option('--from <path>', t('cli.opt.from')))
    .addOption(new Option('--pick <path>', t('cli.opt.pick')).argParser(collect))
    .addOption(new Option('--plugin <plugin>', t('cli.opt.plugin')));
  addWriteOptions(addToolOption(addScopeOptions(command, ctx), ctx), ctx).action(async (agents: string[], raw: unknown) => {
    const picker = installPickerOptions({ agents, raw, ctx });
    // `--from <file>` names its one agent: nothing to choose.
    if (picker !== undefined && !(await isOneFileSource({ from: picker['from'] as string | undefined, cwd: ctx.cwd })))
      return openPicker({ ctx, start: 'install', raw: picker });
    return (await import('../actions/install.js')).runInstall({ agents, raw, ctx });
  });
}
