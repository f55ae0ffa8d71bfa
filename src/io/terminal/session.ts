import { emitKeypressEvents } from 'node:readline';
import type { PickerKey } from '../../core/picker/keys.js';

/** The terminal the picker draws on (process.stdout in the CLI): a terminal's stream says when it was resized. */
interface TerminalOutput {
  write(text: string): unknown;
  columns?: number;
  rows?: number;
  on?(event: 'resize', listener: () => void): unknown;
  off?(event: 'resize', listener: () => void): unknown;
}

/** What the picker waits for: a key, or the terminal resized (the frame is then drawn again at the new size). */
type TerminalEvent = PickerKey | { kind: 'resize' };

/** What readline's keypress event says about one key. */
interface Keypress {
  name?: string | undefined;
  ctrl?: boolean | undefined;
  meta?: boolean | undefined;
}

export interface TerminalSession {
  screen(): { columns: number; rows: number };
  /** Draw `lines` in place of what the last paint drew. */
  paint(lines: readonly string[]): void;
  /** Replace what the last paint drew by `lines`, for good (a question becomes its answer). */
  settle(lines: readonly string[]): void;
  nextKey(): Promise<TerminalEvent>;
  /** Give the terminal back as it was: cooked mode, cursor shown, standard input no longer read. */
  close(): void;
}

const NAMED: Record<string, PickerKey['kind']> = {
  up: 'up',
  down: 'down',
  pageup: 'pageUp',
  pagedown: 'pageDown',
  home: 'home',
  end: 'end',
  space: 'space',
  return: 'enter',
  enter: 'enter',
  backspace: 'backspace',
  escape: 'escape',
  tab: 'tab',
};

/** One keypress as a picker key (undefined for keys the picker does not use). */
function keyOf(text: string | undefined, key: Keypress | undefined): PickerKey | undefined {
  if (key?.ctrl && key.name === 'c') return { kind: 'interrupt' };
  if (key?.ctrl || key?.meta) return key.name === 'escape' ? { kind: 'escape' } : undefined;
  const named = key?.name === undefined ? undefined : NAMED[key.name];
  if (named !== undefined && named !== 'text') return { kind: named } as PickerKey;
  return text !== undefined && text !== '' ? { kind: 'text', text } : undefined;
}

/**
 * Standard input in raw mode, read key by key; the picker's frame drawn in place on `output`. Only the picker
 * opens one, and only when standard input and output are both terminals (cli/program/interactive.ts).
 */
export function openTerminal(output: TerminalOutput): TerminalSession {
  const input = process.stdin;
  const queue: TerminalEvent[] = [];
  let waiting: ((event: TerminalEvent) => void) | undefined;
  let drawn = 0;
  const deliver = (event: TerminalEvent): void => {
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve(event);
    } else if (event.kind !== 'resize' || queue.at(-1)?.kind !== 'resize') queue.push(event);
  };
  const onKey = (text: string | undefined, key: Keypress | undefined): void => {
    const picked = keyOf(text, key);
    if (picked !== undefined) deliver(picked);
  };
  // The next paint erases the rows the last frame drew: exact where a resize cuts long lines (xterm); a terminal
  // that rewraps them when it narrows (tmux, most others) keeps a part of the old frame above the new one.
  const onResize = (): void => deliver({ kind: 'resize' });
  output.on?.('resize', onResize);
  emitKeypressEvents(input);
  input.setRawMode(true);
  input.on('keypress', onKey);
  input.resume();
  // The cursor is hidden while the frame is drawn, shown again by close().
  output.write('\x1b[?25l');
  const erase = (): void => {
    if (drawn > 1) output.write(`\r\x1b[${drawn - 1}A\x1b[J`);
    else if (drawn === 1) output.write('\r\x1b[J');
    drawn = 0;
  };
  return {
    // A terminal that reports no size (0 × 0) is drawn as 80 × 24.
    screen: () => ({ columns: output.columns || 80, rows: output.rows || 24 }),
    paint(lines) {
      erase();
      output.write(lines.join('\n'));
      drawn = lines.length;
    },
    settle(lines) {
      erase();
      if (lines.length > 0) output.write(`${lines.join('\n')}\n`);
    },
    nextKey: () => {
      const next = queue.shift();
      return next ? Promise.resolve(next) : new Promise((resolve) => (waiting = resolve));
    },
    close() {
      erase();
      output.off?.('resize', onResize);
      input.off('keypress', onKey);
      input.setRawMode(false);
      input.pause();
      output.write('\x1b[?25h');
    },
  };
}
