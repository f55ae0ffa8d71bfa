/** A key the picker understands, already decoded from the terminal's bytes (io/terminal/keys.ts). */
export type PickerKey =
  | { kind: 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'space' | 'enter' | 'backspace' | 'escape' | 'interrupt' | 'tab' }
  | { kind: 'text'; text: string };

/** How a question ended without an answer: Esc, or Ctrl-C (which exits 130, as an interrupted program does). */
export type CancelReason = 'escape' | 'interrupt';

/** The cancelling keys, for every question alike. */
export function cancelOf(key: PickerKey): CancelReason | undefined {
  return key.kind === 'escape' || key.kind === 'interrupt' ? key.kind : undefined;
}
