import type { ChoiceState } from '../../core/picker/choice.js';
import { visibleRows, windowStart, type ListRow, type ListState } from '../../core/picker/list.js';
import type { Messages } from '../messages.js';
import { sanitizeForTerminal, type Style } from '../style.js';
import { displayWidth, padToWidth, truncateToWidth, wrapToWidth } from '../text-width.js';

/** The terminal the picker draws on: its columns and rows. */
export interface Screen {
  columns: number;
  rows: number;
}

/**
 * Widest a column of cells may grow, by what it holds: the name (first), a plugin or scope (between), the
 * languages (second to last) and where it is installed or its state (last); a longer cell is cut with `…`.
 * Narrower on a terminal of fewer than 80 columns.
 */
const CAPS = { name: 28, middle: 16, languages: 12, state: 18 };
const NARROW_CAPS = { name: 16, middle: 10, languages: 5, state: 10 };

function capOf(options: { index: number; count: number; narrow: boolean }): number {
  const caps = options.narrow ? NARROW_CAPS : CAPS;
  const { index, count } = options;
  if (index === 0) return caps.name;
  if (index === count - 1) return caps.state;
  if (index === count - 2) return caps.languages;
  return caps.middle;
}
/** Fewer columns than this left for the description: it is not drawn at all. */
const MIN_DESCRIPTION = 6;
/** Rows of the list at most, whatever the terminal's height. */
const MAX_LIST_ROWS = 12;

/** One line of text from a file, safe for the terminal and on one line. */
function plainText(text: string): string {
  return sanitizeForTerminal(text.replace(/\s+/g, ' ').trim());
}

/** Every line cut to one column less than the terminal: a full line would make the terminal wrap it. */
export function fitLines(lines: readonly string[], screen: Screen): string[] {
  const width = Math.max(10, screen.columns - 1);
  return lines.map((line) => truncateToWidth(line, width));
}

/** `width` is one column less than the terminal (fitLines): a terminal of 80 columns is not narrow. */
function cellWidths(rows: readonly ListRow[], width: number): number[] {
  const narrow = width + 1 < 80;
  const widths: number[] = [];
  for (const row of rows)
    row.cells.forEach((cell, i) => {
      widths[i] = Math.min(Math.max(widths[i] ?? 0, displayWidth(plainText(cell))), capOf({ index: i, count: row.cells.length, narrow }));
    });
  return widths;
}

function rowText(options: { row: ListRow; widths: number[]; width: number; selected: boolean; current: boolean }): string {
  const { row, widths, width } = options;
  // Columns empty in every row (nothing installed anywhere) take no room; the others are padded, so that every
  // row's description starts in the same column.
  let columns = widths.length;
  while (columns > 0 && (widths[columns - 1] ?? 0) === 0) columns--;
  const cells = row.cells.slice(0, columns).map((cell, i) => padToWidth(truncateToWidth(plainText(cell), widths[i] ?? 0), widths[i] ?? 0));
  const head = `${options.current ? '›' : ' '} ${options.selected ? '[x]' : '[ ]'} ${cells.join('  ')}`;
  const left = width - displayWidth(head) - 2;
  const description = plainText(row.description);
  return left >= MIN_DESCRIPTION && description !== '' ? `${head}  ${truncateToWidth(description, left)}` : head.trimEnd();
}

/** The keys a screen uses, wrapped rather than cut: at 60 columns the list's take two lines. */
function keyLines(text: string, width: number, style: Style): string[] {
  return wrapToWidth(text, width)
    .split('\n')
    .map((line) => style.dim(truncateToWidth(line, width)));
}

/** The multi-select: title, search line, the window of rows around the cursor, what is selected, the keys. */
export function drawList(options: { state: ListState; title: string; screen: Screen; messages: Messages; style: Style }): string[] {
  const { state, screen, messages, style } = options;
  const { t } = messages;
  const width = Math.max(10, screen.columns - 1);
  const shown = visibleRows(state);
  const height = Math.max(3, Math.min(MAX_LIST_ROWS, screen.rows - 6));
  const start = windowStart({ cursor: state.cursor, count: shown.length, height });
  const widths = cellWidths(state.rows, width);
  const lines = [style.bold(truncateToWidth(options.title, width)), truncateToWidth(`${t('picker.search')} ${plainText(state.query)}`, width)];
  if (shown.length === 0) lines.push(style.dim(truncateToWidth(`  ${t('picker.noMatch')}`, width)));
  for (const [i, row] of shown.slice(start, start + height).entries()) {
    const current = start + i === state.cursor;
    const text = truncateToWidth(rowText({ row, widths, width, selected: state.selected.has(row.id), current }), width);
    lines.push(current ? style.info(text) : text);
  }
  const more = shown.length > height ? ` · ${t('picker.position', { at: state.cursor + 1, count: shown.length })}` : '';
  const status = state.needsSelection ? style.warning(t('picker.needsSelection')) : `${t('picker.selected', { count: state.selected.size })}${more}`;
  lines.push(truncateToWidth(status, width), ...keyLines(t('picker.keys.list'), width, style));
  return lines;
}

/** A question: its title, one line per answer (the cursor on the default at first), the keys. */
export function drawChoice(options: {
  state: ChoiceState;
  title: string;
  screen: Screen;
  messages: Messages;
  style: Style;
  before?: readonly string[];
}): string[] {
  const { state, screen, messages, style } = options;
  const width = Math.max(10, screen.columns - 1);
  const lines = (options.before ?? []).map((line) => truncateToWidth(line, width));
  lines.push(style.bold(truncateToWidth(options.title, width)));
  for (const [i, option] of state.options.entries()) {
    const label = option.id === state.defaultId ? messages.t('picker.defaulted', { label: plainText(option.label) }) : plainText(option.label);
    const text = truncateToWidth(`${i === state.cursor ? '›' : ' '} ${label}`, width);
    lines.push(i === state.cursor ? style.info(text) : text);
  }
  lines.push(...keyLines(messages.t('picker.keys.choice'), width, style));
  return lines;
}

/** What stays on the screen once a question is answered: `✔ Language: 日本語 (ja)`. */
export function answerLine(options: { title: string; answer: string; screen: Screen; style: Style }): string {
  const width = Math.max(10, options.screen.columns - 1);
  return `${options.style.ok('✔')} ${truncateToWidth(`${options.title} ${plainText(options.answer)}`, width - 2)}`;
}

/** The files a run refused to touch (CONFLICT's details), named before asking whether to force it. */
export function forceLines(options: { details: unknown; messages: Messages }): string[] {
  const { messages } = options;
  const actions = (options.details as { actions?: { action?: string; path?: string; reason?: string }[] } | undefined)?.actions ?? [];
  const lines = [messages.t('picker.force.files')];
  for (const action of actions) {
    if (action.action !== 'conflict') continue;
    const reason = messages.find(`plan.reason.${action.reason ?? ''}`, { agent: '', others: '' }) ?? action.reason ?? '';
    lines.push(`  ${plainText(action.path ?? '')} (${plainText(reason)})`);
  }
  return lines;
}

/** `English (en)`, `日本語 (ja)`; a locale the catalogs do not name is shown by its tag. */
export function localeLabel(messages: Messages, locale: string): string {
  const name = messages.find(`picker.localeName.${locale}`);
  return name === undefined ? locale : `${name} (${locale})`;
}
