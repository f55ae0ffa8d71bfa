import { AgentpackError } from '../../core/errors.js';
import type { PackageRenders } from '../../core/plan/renders.js';
import { withInstalledSources, type InstalledSources } from '../../io/source/recorded-sources.js';
import { resolveTarget, type Scope } from '../../io/target/resolve.js';
import { progressLine } from '../../ui/progress.js';
import type { CliContext } from '../program/context.js';
import type { ToolId } from '../../core/target.js';

/** One scope of `list` or `status`: what `read` found in its folder, or why the scope was left out. */
export type ScopeRead<T> = { scope: Scope; dir: string; sources: InstalledSources; value: T } | { scope: Scope; skipped: 'project-is-home'; home: string };

/**
 * The scopes asked for (`scopesOf` in program/scope.ts: the user and project folders by default), one after the other. In each, the agents installed
 * with `--from` are read again from their recorded folder (a folder that vanished or a file that moved is
 * listed in `sources.problems`, never guessed), then `read` looks at the folder with those renders. The
 * project is left out when the working folder is the home folder (its agents are the user's).
 */
export async function readScopes<T>(options: {
  ctx: CliContext;
  scopes: readonly Scope[];
  /** The folder of the `dir` scope. */
  dir: string | undefined;
  pkg: PackageRenders;
  /** Another tool's folders (`status --target`): their renders are converted from the bytes, so a recorded folder is always read. */
  tool?: ToolId | undefined;
  read: (scope: { scope: Scope; dir: string; sources: InstalledSources }) => Promise<T>;
}): Promise<ScopeRead<T>[]> {
  const { ctx, dir, pkg, scopes } = options;
  const out: ScopeRead<T>[] = [];
  for (const scope of scopes) {
    let target;
    try {
      target = resolveTarget({ scope, dir, env: ctx.env, cwd: ctx.cwd, tool: options.tool });
    } catch (error) {
      if (error instanceof AgentpackError && error.code === 'PROJECT_IS_HOME') {
        out.push({ scope, skipped: 'project-is-home', home: String(error.params['home']) });
        continue;
      }
      throw error;
    }
    const progress = progressLine({ ctx });
    const sources = await withInstalledSources({
      pkg,
      dir: target.dir,
      cwd: ctx.cwd,
      collect: true,
      recorded: options.tool === undefined || options.tool === 'claude',
      onProgress: (p) => progress.update(p),
    }).finally(() => progress.done());
    out.push({ scope, dir: target.dir, sources, value: await options.read({ scope, dir: target.dir, sources }) });
  }
  return out;
}
