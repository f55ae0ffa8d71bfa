import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { formatTable } from '../../src/ui/table.js';
import { graphemes, truncateToWidth, wrapToWidth } from '../../src/ui/text-width.js';
import { isolatedEnv, runCli } from '../helpers/cli.js';
import { memoryStream, runInProcess } from '../helpers/in-process.js';

const LONG_JA =
  'PyTorch 2.x、TensorFlow、および現代のMLフレームワークで本番MLシステムを構築します。モデルサービング、特徴量エンジニアリング、A/Bテスト、監視を実装します。';

describe('truncateToWidth', () => {
  it.each([
    ['abcdef', 4, 'abc…'],
    ['abc', 3, 'abc'],
    ['abc', 5, 'abc'],
    ['日本語です', 6, '日本…'], // 2+2 = 4, the next 語 would make 6 with no room for … → 5 columns
    ['日本語です', 7, '日本語…'],
    ['a日本', 4, 'a日…'],
    ['👩‍👩‍👧‍👦家族', 3, '👩‍👩‍👧‍👦…'], // a family emoji is one grapheme of width 2, never split
    ['x', 0, ''],
  ])('%s to %i columns → %s', (text, width, want) => {
    expect(truncateToWidth(text, width)).toBe(want);
    expect(stringWidth(truncateToWidth(text, width))).toBeLessThanOrEqual(width);
  });

  it('never splits a grapheme (combining marks stay with their base)', () => {
    const text = 'か\u3099か\u3099か\u3099'; // が written as か + combining dakuten
    const cut = truncateToWidth(text, 4);
    expect(cut).toBe('か\u3099…');
    expect(graphemes(cut)).toEqual(['か\u3099', '…']);
  });
});

describe('formatTable', () => {
  const header = ['エージェント', '言語', '説明'];
  const rows = [
    ['ml-engineer', 'en, ja', LONG_JA],
    ['short', 'en', '短い説明'],
  ];

  it('a long Japanese description fits an 80-column terminal: every line ≤ 80, the cut line exactly 80', () => {
    const table = formatTable({ header, rows, maxWidth: 80 });
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    const cut = lines[2] ?? '';
    expect(cut.endsWith('…')).toBe(true);
    // "ml-engineer   " (14) + "en, ja  " (8) = 22 columns before the description; 58 are left for it:
    // 57 columns of text (the mix of ASCII and wide characters lands exactly) and the ellipsis.
    expect(stringWidth(cut)).toBe(80);
    expect(lines[1]).toBe('-'.repeat(80));
    // Columns line up by display width: the description starts at the same column on every line.
    const starts = (
      [
        [lines[0], '説明'],
        [lines[2], 'PyTorch'],
        [lines[3], '短い説明'],
      ] as const
    ).map(([l = '', cell]) => stringWidth(l.slice(0, l.indexOf(cell))));
    expect(starts).toEqual([22, 22, 22]);
  });

  it('when the next character is wide and only one column is left, the line is 79 (never 81)', () => {
    // 22 columns of lead + 57 of all-wide text: 28 wide characters take 56, the 29th does not fit with the
    // ellipsis, so the line is 22 + 56 + 1 = 79.
    const table = formatTable({ header, rows: [['ml-engineer', 'en, ja', 'あ'.repeat(60)]], maxWidth: 80 });
    const cut = table.split('\n')[2] ?? '';
    expect(stringWidth(cut)).toBe(79);
    expect(cut).toBe(`ml-engineer   en, ja  ${'あ'.repeat(28)}…`);
    // Shift by one ASCII character and the same text fills exactly 80.
    const shifted = formatTable({ header, rows: [['ml-engineer', 'en, ja', `a${'あ'.repeat(60)}`]], maxWidth: 80 });
    expect(stringWidth(shifted.split('\n')[2] ?? '')).toBe(80);
  });

  it('prints every cell in full without maxWidth (not a terminal, or --json)', () => {
    const table = formatTable({ header, rows });
    expect(table).toContain(LONG_JA);
    expect(table).not.toContain('…');
  });

  it('uses ASCII only for its own separators', () => {
    const table = formatTable({ header: ['A', 'B'], rows: [['x', 'y']], maxWidth: 40 });
    expect(table).toBe('A  B\n----\nx  y');
  });

  it('an optional column gives way when the last would get fewer than minLast columns, and stays when it fits', () => {
    const options = { header: ['NAME', 'PATH', 'DESCRIPTION'], rows: [['a', 'p'.repeat(30), 'd'.repeat(50)]], optional: [1], minLast: 40 };
    // NAME (4+2) + PATH (30+2) = 38 columns before the description: 40 left at 78, 39 at 77.
    expect(formatTable({ ...options, maxWidth: 78 }).split('\n')[0]).toBe('NAME  PATH                            DESCRIPTION');
    expect(formatTable({ ...options, maxWidth: 77 }).split('\n')[0]).toBe('NAME  DESCRIPTION');
    // A description narrower than minLast only needs its own width.
    expect(formatTable({ ...options, rows: [['a', 'p'.repeat(30), 'short']], maxWidth: 50 }).split('\n')[0]).toBe(
      'NAME  PATH                            DESCRIPTION',
    );
    // The rule is as wide as the widest line, never the width of the terminal.
    const table = formatTable({ ...options, rows: [['a', 'p', 'd']], maxWidth: 200 }).split('\n');
    expect(table[1]).toBe('-'.repeat(Math.max(...table.map((l) => stringWidth(l)))));
  });

  it('even an over-wide first column cannot push a line past the width', () => {
    const table = formatTable({ header: ['NAME', 'DESCRIPTION'], rows: [['x'.repeat(100), 'text']], maxWidth: 40 });
    for (const line of table.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(40);
  });
});

describe('wrapToWidth', () => {
  it('wraps English at spaces', () => {
    expect(wrapToWidth('one two three four', 9)).toBe('one two\nthree\nfour');
  });

  it('wraps Japanese between characters, keeping 、。） off the start of a line', () => {
    const wrapped = wrapToWidth('フロントマターの JSON Schema を出力します（エディター用）', 20);
    for (const line of wrapped.split('\n')) {
      expect(stringWidth(line)).toBeLessThanOrEqual(20);
      expect(line).not.toMatch(/^[、。）]/);
      expect(line).not.toMatch(/（$/);
    }
    const squash = (t: string): string => t.replace(/\s+/g, '');
    expect(squash(wrapped)).toBe(squash('フロントマターの JSON Schema を出力します（エディター用）'));
    expect(wrapped.split('\n').length).toBeGreaterThan(1);
  });

  it('breaks Japanese between phrases (a kanji/katakana run with its hiragana), not inside them', () => {
    expect(wrapToWidth('利用できるエージェントと対応言語を一覧表示します', 36)).toBe('利用できるエージェントと対応言語を\n一覧表示します');
    expect(wrapToWidth('install で書き込まれるファイルの内容をそのまま表示します', 34)).toBe('install で書き込まれるファイルの\n内容をそのまま表示します');
  });

  it('never breaks inside a compound word: kanji with one okurigana kana before kanji, kanji next to katakana', () => {
    const text = 'インストール済みのエージェントの言語を切り替え、読み込みの結果を問い合わせます';
    for (let width = 18; width <= 40; width++) {
      const lines = wrapToWidth(text, width).split('\n');
      for (const word of ['切り替え', '読み込み', '問い合わせ', 'インストール済み'])
        expect(
          lines.some((l) => l.includes(word)),
          `${width}: ${word}`,
        ).toBe(true);
    }
    // A particle still ends a phrase: `言語を` | `一覧`.
    expect(wrapToWidth('言語を一覧表示します', 14)).toBe('言語を\n一覧表示します');
    // A Japanese line never starts with the particle after a word of narrow text.
    for (let width = 8; width <= 24; width++) {
      for (const line of wrapToWidth('JSON Schema を出力します', width).split('\n')) expect(line, `${width}`).not.toMatch(/^を/);
    }
    expect(wrapToWidth('JSON Schema を出力します', 12)).toBe('JSON\nSchema を\n出力します');
  });

  it('keeps opening punctuation with what follows and closing punctuation with what precedes', () => {
    expect(wrapToWidth('出力します（エディター用）', 16)).toBe('出力します\n（エディター用）');
    expect(wrapToWidth('ああああ、いいいい。', 10)).toBe('ああああ、\nいいいい。');
  });

  it('breaks a phrase wider than the line between characters, never overflowing', () => {
    const wrapped = wrapToWidth('あ'.repeat(30), 20);
    expect(wrapped.split('\n').map((l) => stringWidth(l))).toEqual([20, 20, 20]);
  });

  it('never breaks inside a word that holds a placeholder (github:<オーナー>/<リポジトリ>), in either language', () => {
    for (const text of ['（URL または github:<オーナー>/<リポジトリ>）を指定します', 'a repository (its URL, or github:<owner>/<repo>) instead']) {
      for (let width = 34; width <= 60; width++) {
        const lines = wrapToWidth(text, width).split('\n');
        const token = text.includes('オーナー') ? 'github:<オーナー>/<リポジトリ>' : 'github:<owner>/<repo>)';
        for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
        expect(
          lines.some((l) => l.includes(token)),
          `${width}: ${lines.join(' | ')}`,
        ).toBe(true);
      }
    }
    // Negative control: without the placeholder, the Japanese words break between them as before.
    expect(wrapToWidth('URL または オーナー リポジトリ', 8).split('\n').length).toBeGreaterThan(1);
  });

  it('keeps a word longer than the width whole, on its own line', () => {
    expect(wrapToWidth('see https://example.com/a/very/long/path now', 10)).toBe('see\nhttps://example.com/a/very/long/path\nnow');
  });
});

describe('agentpack list on a terminal and off it', () => {
  it('on an 80-column terminal (ja) each line fits and the description is cut with …', async () => {
    const stdout = memoryStream({ isTTY: true, columns: 80 });
    const r = await runInProcess({ argv: ['list'], env: { LANG: 'ja_JP.UTF-8' }, stdout });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^エージェント +言語 +ユーザー +プロジェクト +説明$/);
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    const row = lines.find((l) => l.startsWith('ml-engineer')) ?? '';
    expect(row.endsWith('…')).toBe(true);
    expect(stringWidth(row)).toBeGreaterThanOrEqual(79);
  });

  it('a 40-column terminal cuts shorter', async () => {
    const stdout = memoryStream({ isTTY: true, columns: 40 });
    const r = await runInProcess({ argv: ['list'], env: { LANG: 'C' }, stdout });
    for (const line of r.stdout.trimEnd().split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(40);
  });

  it('piped (spawned, not a terminal) it prints the first sentence of the description whole', async () => {
    const { env } = isolatedEnv({ LANG: 'ja_JP.UTF-8' });
    const r = await runCli(['list'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(LONG_JA.slice(0, LONG_JA.indexOf('。') + 1));
    expect(r.stdout).not.toContain(LONG_JA);
    expect(r.stdout).not.toContain('…');
  });
});
