import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { startChoice } from '../../src/core/picker/choice.js';
import type { PickerEntry } from '../../src/core/picker/entries.js';
import { startList, stepList } from '../../src/core/picker/list.js';
import { answerLine, drawChoice, drawList, fitLines } from '../../src/ui/picker/draw.js';
import { installRows } from '../../src/ui/picker/rows.js';
import { createStyle } from '../../src/ui/style.js';
import { messagesIn } from '../helpers/messages.js';

const entries: PickerEntry[] = [
  {
    source: 'package',
    selector: 'ml-engineer',
    name: 'ml-engineer',
    locales: ['en', 'ja'],
    description: 'PyTorch 2.x、TensorFlow、および現代のMLフレームワークで本番MLシステムを構築します。',
  },
  {
    source: 'from' as const,
    selector: 'pr-summarizer',
    name: 'pr-summarizer',
    plugin: 'review-kit',
    locales: ['en', 'ja'],
    description: 'プルリクエストの変更点を、レビューする人のために三行で要約します。\u001b[31m赤\u001b[0m',
  },
];

const installed = new Map([['user' as const, new Map([['ml-engineer', { locale: 'ja', state: 'ok' as const }]])]]);

describe('the picker drawn at 60 columns', () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`${lang}: every line fits in 59 columns (full-width characters count two), and each row says name, plugin, languages, installed`, () => {
      const messages = messagesIn(lang);
      const rows = installRows({ entries, installed, messages });
      const lines = drawList({
        state: startList(rows),
        title: messages.t('picker.install.title'),
        screen: { columns: 60, rows: 24 },
        messages,
        style: createStyle(false),
      });
      for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(59);
      const first = lines.find((l) => l.includes('ml-engineer')) ?? '';
      expect(first).toMatch(lang === 'en' ? /^› \[ \] ml-engineer +en ja +✓ user +PyTorch/ : /^› \[ \] ml-engineer +en ja +✓ ユーザー +PyTo/);
      // Cut, with the ellipsis: the description does not fit.
      expect(first.endsWith('…')).toBe(true);
      const second = lines.find((l) => l.includes('pr-summarizer')) ?? '';
      expect(second).toMatch(/^ {2}\[ \] pr-summarizer +review-kit +en ja +プルリ/);
      // The descriptions start in one column: the empty installed cell of the second row is padded, not dropped.
      const start = (line: string, text: string): number => stringWidth(line.slice(0, line.indexOf(text)));
      expect(start(second, 'プルリ')).toBe(start(first, 'PyTo'));
      // A control character from a file never reaches the terminal as it is.
      expect(lines.join('\n')).not.toContain('\u001b');
      // Negative control: at 120 columns the same rows are drawn whole.
      const wide = drawList({ state: startList(rows), title: 'x', screen: { columns: 120, rows: 24 }, messages, style: createStyle(false) });
      expect(wide.some((l) => stringWidth(l) > 60)).toBe(true);
    });
  }

  it('each column keeps its own width limit whatever columns come before it; 80 columns is not narrow', () => {
    const messages = messagesIn('en');
    const both = new Map([
      ['user' as const, new Map([['ml-engineer', { locale: 'en', state: 'ok' as const }]])],
      ['project' as const, new Map([['ml-engineer', { locale: 'en', state: 'ok' as const }]])],
    ]);
    // No plugin column: the installed cell is the last one and keeps the widest limit.
    const rows = installRows({ entries: entries.slice(0, 1), installed: both, messages });
    for (const columns of [80, 81, 120]) {
      const lines = drawList({ state: startList(rows), title: 't', screen: { columns, rows: 24 }, messages, style: createStyle(false) });
      expect(
        lines.find((l) => l.includes('ml-engineer')),
        String(columns),
      ).toContain('✓ user, project');
    }
    // Narrow: cut, but still there.
    const narrow = drawList({ state: startList(rows), title: 't', screen: { columns: 60, rows: 24 }, messages, style: createStyle(false) });
    expect(narrow.find((l) => l.includes('ml-engineer'))).toMatch(/✓ user, p…/);
  });

  it('the selection, the filter with no match and the reminder to select are drawn', () => {
    const messages = messagesIn('ja');
    const rows = installRows({ entries, installed: new Map(), messages });
    const screen = { columns: 60, rows: 24 };
    const style = createStyle(false);
    const none = stepList(startList(rows), { kind: 'enter' });
    if (!('state' in none)) throw new Error('ended');
    expect(drawList({ state: none.state, title: 't', screen, messages, style })).toContain('Space で 1 個以上選んでから Enter を押してください。');
    const typed = stepList(startList(rows), { kind: 'text', text: 'zzz' });
    if (!('state' in typed)) throw new Error('ended');
    const drawn = drawList({ state: typed.state, title: 't', screen, messages, style });
    expect(drawn).toContain('検索: zzz');
    expect(drawn).toContain('  検索に一致するものはありません。');
    expect(drawn).toContain('0 個選択中');
  });

  it('a question marks its default; colour only when the style has it (NO_COLOR, --no-color)', () => {
    const messages = messagesIn('ja');
    const options = [
      { id: 'en', label: '英語 (en)' },
      { id: 'ja', label: '日本語 (ja)' },
    ];
    const state = startChoice({ options, defaultId: 'ja' });
    const plain = drawChoice({ state, title: '言語:', screen: { columns: 60, rows: 24 }, messages, style: createStyle(false) });
    expect(plain).toEqual(['言語:', '  英語 (en)', '› 日本語 (ja)（既定）', '↑↓ 移動 · Enter 決定 · Esc 中止']);
    const coloured = drawChoice({ state, title: '言語:', screen: { columns: 60, rows: 24 }, messages, style: createStyle(true) });
    expect(coloured.join('\n')).toContain('\u001b[');
    expect(answerLine({ title: '言語:', answer: '日本語 (ja)', screen: { columns: 60, rows: 24 }, style: createStyle(false) })).toBe('✔ 言語: 日本語 (ja)');
  });

  it('fitLines cuts any line to one column less than the terminal', () => {
    expect(fitLines(['あ'.repeat(40), 'short'], { columns: 60, rows: 24 })).toEqual([`${'あ'.repeat(29)}…`, 'short']);
  });
});
