import { cancelOf, type CancelReason, type PickerKey } from './keys.js';

/** One answer of a question: its id and its label. */
export interface ChoiceOption {
  id: string;
  label: string;
}

export interface ChoiceState {
  options: readonly ChoiceOption[];
  cursor: number;
  /** The option Enter takes when nothing moved: marked as the default. */
  defaultId: string;
}

export type ChoiceStep = { state: ChoiceState } | { done: string } | { cancel: CancelReason };

/** A question whose cursor starts on its default (the first option when the default is not among them). */
export function startChoice(options: { options: readonly ChoiceOption[]; defaultId: string }): ChoiceState {
  const index = options.options.findIndex((o) => o.id === options.defaultId);
  const cursor = Math.max(0, index);
  return { options: options.options, cursor, defaultId: options.options[cursor]?.id ?? '' };
}

/** ↑/↓ move, Enter takes the option under the cursor, Esc or Ctrl-C cancel. */
export function stepChoice(state: ChoiceState, key: PickerKey): ChoiceStep {
  const cancel = cancelOf(key);
  if (cancel) return { cancel };
  const count = state.options.length;
  if (key.kind === 'up' || key.kind === 'down' || key.kind === 'tab') {
    const delta = key.kind === 'up' ? -1 : 1;
    return { state: { ...state, cursor: (state.cursor + delta + count) % count } };
  }
  if (key.kind === 'home') return { state: { ...state, cursor: 0 } };
  if (key.kind === 'end') return { state: { ...state, cursor: count - 1 } };
  if (key.kind === 'enter') {
    const option = state.options[state.cursor];
    return option ? { done: option.id } : { state };
  }
  return { state };
}
