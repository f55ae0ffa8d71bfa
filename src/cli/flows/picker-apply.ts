import { isAgentpackError } from '../../core/errors.js';
import { forceLines } from '../../ui/picker/draw.js';
import type { CliContext } from '../program/context.js';
import { PickerCancelled, type Prompts } from './prompts.js';

/** One command the picker runs (install, locale, update, uninstall), as its options would say. */
export type PickerRun = (flags: { dryRun: boolean; force: boolean }) => Promise<void>;

/**
 * What every picker action does once its questions are answered, through the commands' own plan and apply:
 * each run's plan printed (a dry run, nothing written), a confirmation, then the runs. A run refused because
 * of edited files (CONFLICT) names them and asks again; only a yes runs it with `--force` (a backup of each).
 * With `--dry-run` it stops after the plan.
 */
export async function confirmAndApply(options: {
  ctx: CliContext;
  prompts: Prompts;
  runs: readonly PickerRun[];
  dryRun: boolean;
  force: boolean;
}): Promise<void> {
  const { ctx, prompts, runs, force } = options;
  const { t } = ctx.messages;
  prompts.pause();
  for (const run of runs) await run({ dryRun: true, force });
  if (options.dryRun) return;
  const yes = await prompts.pickOne({
    title: t('picker.confirm.title'),
    options: [
      { id: 'yes', label: t('picker.confirm.yes') },
      { id: 'no', label: t('picker.confirm.no') },
    ],
    defaultId: 'yes',
  });
  if (yes !== 'yes') throw new PickerCancelled('escape');
  prompts.pause();
  ctx.exitCode = 0;
  for (const run of runs) {
    try {
      await run({ dryRun: false, force });
    } catch (error) {
      if (force || !isAgentpackError(error) || error.code !== 'CONFLICT' || error.params['suggestion'] === undefined) throw error;
      // Esc or Ctrl-C here is a no: an earlier run may have written already, so the refusal is what is reported.
      const answer = await prompts
        .pickOne({
          before: forceLines({ details: error.details, messages: ctx.messages }),
          title: t('picker.force.title'),
          options: [
            { id: 'no', label: t('picker.force.no') },
            { id: 'yes', label: t('picker.force.yes') },
          ],
          defaultId: 'no',
        })
        .catch((cancelled: unknown) => {
          if (cancelled instanceof PickerCancelled) return 'no';
          throw cancelled;
        });
      // Left as they are: the refusal is reported as the command reports it (exit 1).
      if (answer !== 'yes') {
        prompts.pause();
        throw error;
      }
      prompts.pause();
      await run({ dryRun: false, force: true });
    }
  }
}
