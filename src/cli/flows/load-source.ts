import { AgentpackError } from '../../core/errors.js';
import type { Selection } from '../../core/catalog/select.js';
import { readSource, type ReadSourceResult } from '../../io/source/read-source.js';
import { progressLine } from '../../ui/progress.js';
import type { CliContext } from '../program/context.js';

/** `--from <path>`, repeatable `--pick <path>` and `--plugin <plugin>`, as commander hands them over. */
export const SOURCE_OPTIONS = { from: 'value', pick: 'list', plugin: 'value' } as const;

/** `--pick` and `--plugin` mean nothing without `--from`: a usage error rather than a silently ignored choice. */
export function requireFromForPick(options: { from: string | undefined; pick: readonly string[]; plugin?: string | undefined; ctx: CliContext }): void {
  if (options.from === undefined && options.pick.length > 0) {
    throw new AgentpackError({ code: 'USAGE', params: { detail: options.ctx.messages.t('usage.pickWithoutFrom') }, exitCode: 2 });
  }
  if (options.from === undefined && options.plugin !== undefined) {
    throw new AgentpackError({ code: 'USAGE', params: { detail: options.ctx.messages.t('usage.pluginWithoutFrom') }, exitCode: 2 });
  }
}

/** Read `--from` with a progress line on a terminal for big folders; `select` chooses plugin agents (`<plugin>:<name>`, `--plugin`). */
export async function loadSource(options: { from: string; pick: readonly string[]; select?: Selection; ctx: CliContext }): Promise<ReadSourceResult> {
  const { ctx } = options;
  const progress = progressLine({ ctx });
  try {
    return await readSource({
      from: options.from,
      cwd: ctx.cwd,
      picks: options.pick,
      ...(options.select ? { select: options.select } : {}),
      onProgress: (p) => progress.update(p),
    });
  } finally {
    progress.done();
  }
}
