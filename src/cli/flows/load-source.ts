import { AgentpackError } from '../../core/errors.js';
import { commandLine } from '../../core/hints.js';
import { fromOfFolder } from '../../core/catalog/git-spec.js';
import type { Selection } from '../../core/catalog/select.js';
import { readSource, type ReadSourceResult } from '../../io/source/read-source.js';
import { resolveSource, type GitAccess, type GitRefresh } from '../../io/source/resolve-source.js';
import { printGitNotice } from '../../ui/git-report.js';
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

/** How this run may fetch a git repository: with the run's environment, saying so on stderr before git runs. */
export function gitAccess(options: { ctx: CliContext; refresh: GitRefresh }): GitAccess {
  const { ctx } = options;
  return { env: ctx.env, refresh: options.refresh, notify: (notice) => printGitNotice({ notice, ctx }) };
}

/**
 * Read `--from` (a folder, a file, or a git repository fetched into the cache: resolve-source.ts) with a
 * progress line on a terminal for big folders; `select` chooses plugin agents (`<plugin>:<name>`,
 * `--plugin`). `refresh`: whether a cached repository is asked for a new commit (install, update) or reused
 * while fresh (read-only commands, the default). A repository without any agent is GIT_NO_AGENTS; a single
 * file that defines none, FROM_NOT_AGENT.
 */
export async function loadSource(options: {
  from: string;
  pick: readonly string[];
  select?: Selection;
  ctx: CliContext;
  refresh?: GitRefresh;
  /** validate: a single file that defines no agent is reported like any other, not refused. */
  anyFile?: boolean;
}): Promise<ReadSourceResult> {
  const { ctx } = options;
  const resolved = await resolveSource({ from: options.from, cwd: ctx.cwd, git: gitAccess({ ctx, refresh: options.refresh ?? 'stale' }) });
  const progress = progressLine({ ctx });
  try {
    const scan = await readSource({
      from: options.from,
      path: resolved.path,
      cwd: ctx.cwd,
      picks: options.pick,
      ...(options.select ? { select: options.select } : {}),
      onProgress: (p) => progress.update(p),
    });
    // One file that defines no agent (a README, front-matter without a name, or one that cannot be read): said at
    // once, not "no agents".
    if (scan.single && options.anyFile !== true && scan.catalog.agents.size === 0) {
      if (scan.unreadable.length > 0)
        throw new AgentpackError({ code: 'FROM_UNREADABLE', params: { from: options.from, command: commandLine({ args: ['validate'], from: options.from }) } });
      throw new AgentpackError({
        code: 'FROM_NOT_AGENT',
        params: { from: options.from, command: commandLine({ args: ['list'], from: fromOfFolder(options.from) }) },
      });
    }
    if (resolved.git === undefined) return scan;
    if (scan.files.length === 0 && scan.unreadable.length === 0) throw new AgentpackError({ code: 'GIT_NO_AGENTS', params: { url: resolved.git.url } });
    return { ...scan, git: resolved.git };
  } finally {
    progress.done();
  }
}
