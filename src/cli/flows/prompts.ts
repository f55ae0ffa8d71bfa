import { startChoice, stepChoice, type ChoiceOption } from '../../core/picker/choice.js';
import type { CancelReason } from '../../core/picker/keys.js';
import { startList, stepList, type ListRow } from '../../core/picker/list.js';
import { openTerminal, type TerminalSession } from '../../io/terminal/session.js';
import { answerLine, drawChoice, drawList, fitLines } from '../../ui/picker/draw.js';
import type { CliContext } from '../program/context.js';

/** Esc or Ctrl-C in a question: the picker stops before anything is written. */
export class PickerCancelled extends Error {
  constructor(readonly reason: CancelReason) {
    super(reason);
  }
}

/** The questions of one picker run, on one terminal session at a time (closed while a command writes its report). */
export interface Prompts {
  pickMany(options: { title: string; rows: readonly ListRow[]; answer: (ids: string[]) => string }): Promise<string[]>;
  pickOne(options: { title: string; options: readonly ChoiceOption[]; defaultId: string; before?: readonly string[] }): Promise<string>;
  /** Stop reading keys (before a command runs and prints). */
  pause(): void;
}

export function createPrompts(ctx: CliContext): Prompts {
  let session: TerminalSession | undefined;
  const open = (): TerminalSession => (session ??= openTerminal(ctx.stdout));
  const { messages, style } = ctx;
  return {
    async pickMany({ title, rows, answer }) {
      const term = open();
      let state = startList(rows);
      for (;;) {
        term.paint(fitLines(drawList({ state, title, screen: term.screen(), messages, style }), term.screen()));
        const key = await term.nextKey();
        // A resized terminal: the same state drawn again at its new size.
        if (key.kind === 'resize') continue;
        const step = stepList(state, key);
        if ('cancel' in step) throw new PickerCancelled(step.cancel);
        if ('done' in step) {
          term.settle([answerLine({ title: `${title}:`, answer: answer(step.done), screen: term.screen(), style })]);
          return step.done;
        }
        state = step.state;
      }
    },
    async pickOne({ title, options, defaultId, before }) {
      const term = open();
      let state = startChoice({ options, defaultId });
      for (;;) {
        term.paint(fitLines(drawChoice({ state, title, screen: term.screen(), messages, style, ...(before ? { before } : {}) }), term.screen()));
        const key = await term.nextKey();
        if (key.kind === 'resize') continue;
        const step = stepChoice(state, key);
        if ('cancel' in step) throw new PickerCancelled(step.cancel);
        if ('done' in step) {
          const label = options.find((o) => o.id === step.done)?.label ?? step.done;
          term.settle([...(before ?? []), answerLine({ title, answer: label, screen: term.screen(), style })]);
          return step.done;
        }
        state = step.state;
      }
    },
    pause() {
      session?.close();
      session = undefined;
    },
  };
}
