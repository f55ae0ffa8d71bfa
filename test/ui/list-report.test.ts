import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { ReadSourceResult } from '../../src/core/catalog/assemble-folder.js';
import { printSourceList, type ListRow } from '../../src/ui/list-report.js';
import { createStyle } from '../../src/ui/style.js';
import { memoryStream } from '../helpers/in-process.js';
import { messagesIn } from '../helpers/messages.js';

const scan: ReadSourceResult = {
  catalog: { root: '/c', agents: new Map(), orphans: [] },
  duplicates: [],
  conflicts: [],
  diagnostics: [],
  files: [],
  unreadable: [],
  skipped: [],
  from: 'c',
  root: '/c',
  single: false,
  picks: [],
};

const row = (name: string, plugin: string | undefined, description: string): ListRow => ({
  name,
  ...(plugin !== undefined ? { plugin } : {}),
  description,
  localDescription: description,
  locales: ['en'],
  files: { en: `plugins/${plugin ?? 'none'}/agents/${name}.md` },
});

function print(options: { rows: ListRow[]; columns?: number; json?: boolean; lang?: 'en' | 'ja' }): string {
  const stdout = memoryStream(options.columns !== undefined ? { isTTY: true, columns: options.columns } : {});
  const ctx = { messages: messagesIn(options.lang ?? 'en'), style: createStyle(false), json: options.json ?? false, stdout, stderr: memoryStream() };
  printSourceList({ ctx, rows: options.rows, scan, conflicts: [], retry: { args: ['list'], from: 'c' }, query: {} });
  return stdout.text();
}

const ROWS = [
  row('code-reviewer', 'review-suite', 'Reviews a change for bugs. Use it before merging.'),
  row('debugger', 'incident-response', 'Finds the cause of a failure.\n\n<example>x</example>'),
];

describe('printSourceList', () => {
  it('adds a PLUGIN column once any agent has a plugin (en and ja), and --json a plugin field', () => {
    const en = print({ rows: ROWS, columns: 100 }).split('\n');
    expect(en[0]).toMatch(/^AGENT +LANGUAGES +PLUGIN +DESCRIPTION$/);
    expect(en[2]).toMatch(/^code-reviewer +en +review-suite +Reviews a change for bugs\.$/);
    expect(en[3]).toMatch(/^debugger +en +incident-response +Finds the cause of a failure\.$/);
    expect(print({ rows: ROWS, columns: 100, lang: 'ja' }).split('\n')[0]).toMatch(/^エージェント +言語 +プラグイン +説明$/);
    const json = JSON.parse(print({ rows: ROWS, json: true })) as { agents: Record<string, unknown>[] };
    expect(json.agents[0]).toEqual({
      name: 'code-reviewer',
      description: 'Reviews a change for bugs. Use it before merging.',
      locales: ['en'],
      files: { en: 'plugins/review-suite/agents/code-reviewer.md' },
      plugin: 'review-suite',
    });
  });

  it('no PLUGIN column when no agent has one (negative control)', () => {
    const lines = print({ rows: ROWS.map((r) => row(r.name, undefined, r.description)), columns: 100 }).split('\n');
    expect(lines[0]).toMatch(/^AGENT +LANGUAGES +FILE +DESCRIPTION$/);
    expect(lines[2]).toMatch(/^code-reviewer +en +plugins\/none\/agents\/code-reviewer\.md +Reviews a change for bugs\.$/);
  });

  it('the file column shows on a wide terminal and gives way to the description on a narrow one', () => {
    const wide = print({ rows: ROWS, columns: 160 }).split('\n');
    expect(wide[0]).toMatch(/^AGENT +LANGUAGES +PLUGIN +FILE +DESCRIPTION$/);
    const narrow = print({ rows: ROWS, columns: 80 }).split('\n');
    expect(narrow[0]).toMatch(/^AGENT +LANGUAGES +PLUGIN +DESCRIPTION$/);
    for (const line of [...wide, ...narrow]) expect(stringWidth(line)).toBeLessThanOrEqual(160);
    for (const line of narrow) expect(stringWidth(line)).toBeLessThanOrEqual(80);
  });
});
