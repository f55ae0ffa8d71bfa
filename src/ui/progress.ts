import type { UiContext } from './context.js';
import { displayWidth } from './text-width.js';

/** Runs touching more files than this show a progress line (on a terminal only). */
const PROGRESS_THRESHOLD = 50;

/**
 * A progress line on stderr, `Reading 120/1000 files…` (or `Writing …`), rewritten in place; only on a terminal, never with
 * `--json`, and only when there are more than PROGRESS_THRESHOLD files. `done()` erases it.
 */
export function progressLine(options: {
  ctx: Pick<UiContext, 'json' | 'stderr' | 'messages'>;
  /** `Reading {done}/{total} files…` by default; `install.progress` while writing. */
  message?: 'source.progress' | 'install.progress';
}): { update(progress: { done: number; total: number }): void; done(): void } {
  const { ctx } = options;
  const message = options.message ?? 'source.progress';
  const enabled = !ctx.json && Boolean(ctx.stderr.isTTY);
  let width = 0;
  let last = -1;
  return {
    update({ done, total }) {
      if (!enabled || total <= PROGRESS_THRESHOLD) return;
      const step = Math.max(1, Math.floor(total / 100));
      if (done !== total && done - last < step) return;
      last = done;
      const text = ctx.messages.t(message, { done, total });
      const pad = Math.max(0, width - displayWidth(text));
      width = displayWidth(text);
      ctx.stderr.write(`\r${text}${' '.repeat(pad)}`);
    },
    done() {
      if (width > 0) ctx.stderr.write(`\r${' '.repeat(width)}\r`);
      width = 0;
    },
  };
}
