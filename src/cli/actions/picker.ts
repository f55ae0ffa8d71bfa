import type { CliContext } from '../program/context.js';
import type { PickerStart } from '../program/interactive.js';
import { manageInstalled } from '../flows/picker-manage.js';
import { pickAndInstall } from '../flows/picker-install.js';
import { createPrompts, PickerCancelled } from '../flows/prompts.js';

/** Exit code of a picker cancelled by Ctrl-C, as for any program a terminal interrupts (128 + SIGINT). */
const INTERRUPTED = 130;

/**
 * The picker and manager (`agentpack` alone, or `install` with no names, in a terminal). Esc, Ctrl-C or a
 * "no" at the confirmation stop it before anything is written: "Cancelled, nothing was written", exit 1 (130
 * for Ctrl-C).
 */
export async function runPicker(options: { ctx: CliContext; start: PickerStart; raw: unknown }): Promise<void> {
  const { ctx } = options;
  const { t } = ctx.messages;
  const prompts = createPrompts(ctx);
  try {
    if (options.start === 'install') {
      await pickAndInstall({ ctx, prompts, raw: options.raw });
      return;
    }
    const first = await prompts.pickOne({
      title: t('picker.menu.title'),
      options: [
        { id: 'install', label: t('picker.menu.install') },
        { id: 'manage', label: t('picker.menu.manage') },
      ],
      defaultId: 'install',
    });
    if (first === 'manage') await manageInstalled({ ctx, prompts });
    else await pickAndInstall({ ctx, prompts, raw: {} });
  } catch (error) {
    if (!(error instanceof PickerCancelled)) throw error;
    prompts.pause();
    ctx.stderr.write(`${t('picker.cancelled')}\n`);
    ctx.exitCode = error.reason === 'interrupt' ? INTERRUPTED : 1;
  } finally {
    prompts.pause();
  }
}
