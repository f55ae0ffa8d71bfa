import { cancelOf, type CancelReason, type PickerKey } from './keys.js';

/** One row of a multi-select: its id, the text typed words are looked for in, and what ui draws. */
export interface ListRow {
  id: string;
  /** Cells drawn as columns, left to right (name first). */
  cells: readonly string[];
  /** Drawn last, cut to what is left of the line. */
  description: string;
  /** Lower-case text the filter searches (name, plugin, description). */
  search: string;
  /** Rows of one group exclude each other: selecting one unselects the others (one file per agent name). */
  group?: string;
}

export interface ListState {
  rows: readonly ListRow[];
  query: string;
  /** Index into the rows the query keeps. */
  cursor: number;
  selected: ReadonlySet<string>;
  /** Enter was pressed with nothing selected: ui says how to select. */
  needsSelection: boolean;
}

export type ListStep = { state: ListState } | { done: string[] } | { cancel: CancelReason };

/** Rows per page for Page Up / Page Down. */
const PAGE = 10;

export function startList(rows: readonly ListRow[], selected: readonly string[] = []): ListState {
  return { rows, query: '', cursor: 0, selected: new Set(selected), needsSelection: false };
}

/** The rows whose search text holds every word of the query (any case, any order). */
export function visibleRows(state: Pick<ListState, 'rows' | 'query'>): ListRow[] {
  const words = state.query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...state.rows];
  return state.rows.filter((row) => words.every((w) => row.search.includes(w)));
}

const clamp = (value: number, count: number): number => Math.max(0, Math.min(value, count - 1));

/** What a key does to the list: type to filter, ↑/↓ to move, Space to select, Enter to confirm, Esc or Ctrl-C to cancel. */
export function stepList(state: ListState, key: PickerKey): ListStep {
  const cancel = cancelOf(key);
  if (cancel) return { cancel };
  const shown = visibleRows(state);
  const at = (cursor: number): ListStep => ({ state: { ...state, cursor: clamp(cursor, shown.length), needsSelection: false } });
  switch (key.kind) {
    case 'up':
      return at(state.cursor - 1);
    case 'down':
      return at(state.cursor + 1);
    case 'pageUp':
      return at(state.cursor - PAGE);
    case 'pageDown':
      return at(state.cursor + PAGE);
    case 'home':
      return at(0);
    case 'end':
      return at(shown.length - 1);
    case 'space': {
      const row = shown[state.cursor];
      if (!row) return { state };
      const selected = new Set(state.selected);
      if (selected.has(row.id)) selected.delete(row.id);
      else {
        if (row.group !== undefined) for (const other of state.rows) if (other.group === row.group) selected.delete(other.id);
        selected.add(row.id);
      }
      return { state: { ...state, selected, needsSelection: false } };
    }
    case 'enter': {
      // In the order of the rows, whatever the filter shows now.
      const done = state.rows.filter((r) => state.selected.has(r.id)).map((r) => r.id);
      return done.length > 0 ? { done } : { state: { ...state, needsSelection: true } };
    }
    case 'backspace':
      return { state: { ...state, query: [...state.query].slice(0, -1).join(''), cursor: 0, needsSelection: false } };
    case 'text': {
      // Control characters never reach the query (the terminal sends them for keys the picker does not use).
      const text = key.text.replace(/\p{Cc}/gu, '');
      return text === '' ? { state } : { state: { ...state, query: state.query + text, cursor: 0, needsSelection: false } };
    }
    default:
      return { state };
  }
}

/** The first row of the window of `height` rows that keeps the cursor in view. */
export function windowStart(options: { cursor: number; count: number; height: number }): number {
  const { cursor, count, height } = options;
  if (count <= height) return 0;
  return Math.max(0, Math.min(cursor - Math.floor(height / 2), count - height));
}
