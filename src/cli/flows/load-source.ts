import { AgentpackError } from '../../core/errors.js';
import { readSource, type ReadSourceResult } from '../../io/source/read-source.js';
import { progressLine } from '../../ui/progress.js';
import type { CliContext } from '../program/context.js';

/** `--from <path>` and repeatable `--pick <path>`, as commander hands them over. */
export const SOURCE_OPTIONS = { from: 'value', pick: 'list' } as const;

/** `--pick` means nothing without `--from`: a usage error rather than a silently ignored choice. */
export function requireFromForPick(options: { from: string | undefined; pick: readonly string[]; ctx: CliContext }): void {
  if (options.from === undefined && options.pick.length > 0) {
    throw new AgentpackError({ code: 'USAGE', params: { detail: options.ctx.messages.t('usage.pickWithoutFrom') }, exitCode: 2 });
  }
}

/** Read `--from` with a progress line on a terminal for big folders. */
export async function loadSource(options: { from: string; pick: readonly string[]; ctx: CliContext }): Promise<ReadSourceResult> {
  const { ctx } = options;
  const progress = progressLine({ ctx });
  try {
    return await readSource({ from: options.from, cwd: ctx.cwd, picks: options.pick, onProgress: (p) => progress.update(p) });
  } finally {
    progress.done();
  }
}
