import type { UiContext } from './context.js';
import { shortCommit } from '../core/catalog/git-spec.js';
import { sanitizeForTerminal } from './style.js';

/** Said on stderr before git reaches the network (also with `--json`, whose stdout stays the envelope alone). */
export function printGitNotice(options: { notice: { kind: 'clone' | 'fetch'; url: string; dir: string }; ctx: Pick<UiContext, 'messages' | 'stderr'> }): void {
  const { notice, ctx } = options;
  const params = { url: sanitizeForTerminal(notice.url), dir: sanitizeForTerminal(notice.dir) };
  ctx.stderr.write(`${ctx.messages.t(notice.kind === 'clone' ? 'git.clone' : 'git.fetch', params)}\n`);
}

/** After `update` fetched a repository again: `github:owner/repo: abc1234 → def5678`, or that it has no new commit. */
export function printCommitChange(options: { from: string; before: string | undefined; after: string; ctx: Pick<UiContext, 'messages' | 'stderr'> }): void {
  const { ctx, before, after } = options;
  const from = sanitizeForTerminal(options.from);
  const text =
    before === undefined || before === after
      ? ctx.messages.t('git.commit.same', { from, commit: shortCommit(after) })
      : ctx.messages.t('git.commit.changed', { from, before: shortCommit(before), after: shortCommit(after) });
  ctx.stderr.write(`${text}\n`);
}

/** Where an agent came from, as `list` and `status` show it: `--from` as given, and for a repository `@ <short commit>`. */
export function originFrom(source: { from: string; commit?: string | undefined }): string {
  return source.commit === undefined ? source.from : `${source.from} @ ${shortCommit(source.commit)}`;
}
