import { describe, expect, it } from 'vitest';
import { firstSentence } from '../../src/ui/first-sentence.js';

describe('firstSentence', () => {
  it.each([
    ['one sentence', 'Reviews code.', 'Reviews code.'],
    ['two sentences', 'Reviews code. Use it before merging.', 'Reviews code.'],
    ['no sentence end', 'Reviews code', 'Reviews code'],
    ['examples after a newline', 'Use when tests flake. Examples:\n\n<example>CI is red.</example>', 'Use when tests flake.'],
    ['a label before the examples', 'Use this agent for flaky tests Examples:\n\n<example>CI is red.</example>', 'Use this agent for flaky tests'],
    ['an example block never closed', 'Use this agent for X\n<example>user: "hi"\nassistant: hello', 'Use this agent for X'],
    ['examples and commentary inline', 'Helps. <example>a</example> <commentary>b</commentary>', 'Helps.'],
    ['a | block, a sentence per line', 'Coordinates the response.\nKeeps a timeline.\n', 'Coordinates the response.'],
    ['a block wrapped mid-sentence', 'Designs service boundaries\nand APIs. Use it early.', 'Designs service boundaries and APIs.'],
    ['a blank line ends the first paragraph', 'Use this agent when\n\nyou want more', 'Use this agent when'],
    ['leading blank lines', '\n\n  Reviews code.  \n', 'Reviews code.'],
    ['abbreviations do not end it', 'Formats files, e.g. JSON and YAML. Then more.', 'Formats files, e.g. JSON and YAML.'],
    ['version numbers do not end it', 'Writes PowerShell 5.1 scripts. More.', 'Writes PowerShell 5.1 scripts.'],
    ['a question', 'Not sure? Ask it. More.', 'Not sure?'],
    ['Japanese 。', '本番MLシステムを構築します。監視を実装します。', '本番MLシステムを構築します。'],
    ['Japanese wrapped in a block', '本番MLシステムを\n構築します。監視も。', '本番MLシステムを構築します。'],
    ['literal \\n from an old record', 'Use when tests flake.\\n\\n<example>CI</example>', 'Use when tests flake.'],
    ['tabs and runs of blanks', 'Reviews\t\tcode   fast.', 'Reviews code fast.'],
    ['only examples: the whole text on one line', '<example>a\nb</example>', '<example>a b</example>'],
    ['empty', '', ''],
  ])('%s', (_label, description, want) => {
    const got = firstSentence(description);
    expect(got).toBe(want);
    expect(got).not.toMatch(/\n|\\n/);
  });

  it('stays fast on many unclosed <example tags', () => {
    const hostile = '<example'.repeat(4000);
    const started = performance.now();
    firstSentence(hostile);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
