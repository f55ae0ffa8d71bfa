import { describe, expect, it } from 'vitest';
import { startChoice, stepChoice } from '../../../src/core/picker/choice.js';
import type { PickerKey } from '../../../src/core/picker/keys.js';
import { startList, stepList, visibleRows, windowStart, type ListRow, type ListState, type ListStep } from '../../../src/core/picker/list.js';

const row = (id: string, search: string, group?: string): ListRow => ({ id, cells: [id], description: '', search, ...(group ? { group } : {}) });
const ROWS = [
  row('api-designer', 'api-designer  designs rest endpoints'),
  row('review-kit:pr-summarizer', 'pr-summarizer review-kit summarises a pull request', 'pr-summarizer'),
  row('pr-summarizer', 'pr-summarizer  本番の変更を要約します', 'pr-summarizer'),
  row('release-planner', 'release-planner  plans a release'),
];

const key = (kind: Exclude<PickerKey['kind'], 'text'>): PickerKey => ({ kind }) as PickerKey;
const text = (value: string): PickerKey => ({ kind: 'text', text: value });

/** The state after each key (the run fails if a key ends the list). */
function press(state: ListState, ...keys: PickerKey[]): ListState {
  let current = state;
  for (const k of keys) {
    const step: ListStep = stepList(current, k);
    if (!('state' in step)) throw new Error(`ended at ${JSON.stringify(k)}: ${JSON.stringify(step)}`);
    current = step.state;
  }
  return current;
}

describe('the multi-select list', () => {
  it('filters by every typed word, in any case and order, over name, plugin and description', () => {
    const start = startList(ROWS);
    expect(visibleRows(press(start, text('REVIEW')))).toEqual([ROWS[1]]);
    expect(visibleRows(press(start, text('release plans'))).map((r) => r.id)).toEqual(['release-planner']);
    expect(visibleRows(press(start, text('本番'))).map((r) => r.id)).toEqual(['pr-summarizer']);
    expect(visibleRows(press(start, text('nothing-like-it')))).toEqual([]);
    // Backspace takes the last character (a Japanese one whole) and brings rows back.
    expect(visibleRows(press(start, text('本番x'), key('backspace'))).map((r) => r.id)).toEqual(['pr-summarizer']);
    expect(press(start, text('本'), key('backspace')).query).toBe('');
    // Control characters never reach the query.
    expect(press(start, text('\u0007a')).query).toBe('a');
  });

  it('moves within the rows shown and keeps the cursor in them', () => {
    const start = startList(ROWS);
    expect(press(start, key('up')).cursor).toBe(0);
    expect(press(start, key('down'), key('down'), key('down'), key('down'), key('down')).cursor).toBe(3);
    expect(press(start, key('end')).cursor).toBe(3);
    expect(press(start, key('end'), key('home')).cursor).toBe(0);
    // Typing starts again from the first row the filter keeps.
    expect(press(start, key('down'), key('down'), text('api')).cursor).toBe(0);
  });

  it('Space selects and unselects the row under the cursor; Enter gives the selection in the rows order', () => {
    const state = press(startList(ROWS), key('end'), key('space'), key('home'), key('space'));
    expect([...state.selected].sort()).toEqual(['api-designer', 'release-planner']);
    expect(stepList(state, key('enter'))).toEqual({ done: ['api-designer', 'release-planner'] });
    expect([...press(state, key('space')).selected]).toEqual(['release-planner']);
    // What a filter hides stays selected.
    expect(stepList(press(state, text('release')), key('enter'))).toEqual({ done: ['api-designer', 'release-planner'] });
  });

  it('two rows of one group (one name) exclude each other', () => {
    const state = press(startList(ROWS), key('down'), key('space'), key('down'), key('space'));
    expect([...state.selected]).toEqual(['pr-summarizer']);
  });

  it('Enter with nothing selected asks for a selection instead of ending', () => {
    const step = stepList(startList(ROWS), key('enter'));
    expect(step).toEqual({ state: expect.objectContaining({ needsSelection: true }) });
    // Negative control: the same Enter after a Space ends the list.
    expect(stepList(press(startList(ROWS), key('space')), key('enter'))).toEqual({ done: ['api-designer'] });
  });

  it('Esc and Ctrl-C cancel, whatever is selected', () => {
    const state = press(startList(ROWS), key('space'));
    expect(stepList(state, key('escape'))).toEqual({ cancel: 'escape' });
    expect(stepList(state, key('interrupt'))).toEqual({ cancel: 'interrupt' });
  });

  it('the window of rows keeps the cursor in view', () => {
    expect(windowStart({ cursor: 0, count: 30, height: 10 })).toBe(0);
    expect(windowStart({ cursor: 15, count: 30, height: 10 })).toBe(10);
    expect(windowStart({ cursor: 29, count: 30, height: 10 })).toBe(20);
    expect(windowStart({ cursor: 3, count: 5, height: 10 })).toBe(0);
  });
});

describe('a question with a default', () => {
  const options = [
    { id: 'en', label: 'English (en)' },
    { id: 'ja', label: '日本語 (ja)' },
  ];

  it('starts on its default, which Enter takes', () => {
    const state = startChoice({ options, defaultId: 'ja' });
    expect(state.cursor).toBe(1);
    expect(stepChoice(state, { kind: 'enter' })).toEqual({ done: 'ja' });
  });

  it('↑/↓ move round the answers; a default not among them is the first answer', () => {
    const state = startChoice({ options, defaultId: 'fr' });
    expect(state.defaultId).toBe('en');
    const down = stepChoice(state, { kind: 'down' });
    expect(down).toEqual({ state: expect.objectContaining({ cursor: 1 }) });
    if (!('state' in down)) throw new Error('ended');
    expect(stepChoice(down.state, { kind: 'down' })).toEqual({ state: expect.objectContaining({ cursor: 0 }) });
    expect(stepChoice(state, { kind: 'up' })).toEqual({ state: expect.objectContaining({ cursor: 1 }) });
    expect(stepChoice(state, { kind: 'text', text: 'x' })).toEqual({ state });
  });

  it('Esc and Ctrl-C cancel', () => {
    const state = startChoice({ options, defaultId: 'en' });
    expect(stepChoice(state, { kind: 'escape' })).toEqual({ cancel: 'escape' });
    expect(stepChoice(state, { kind: 'interrupt' })).toEqual({ cancel: 'interrupt' });
  });
});
