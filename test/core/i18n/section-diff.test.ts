import { describe, expect, it } from 'vitest';
import { diffSource } from '../../../src/core/i18n/section-diff.js';
import { countMarked, TRANSLATE_MARKER } from '../../../src/core/i18n/skeleton.js';

const body = ['Intro line.', '', '## One', '- a', '- b', '', '```sh', '## not a heading', '```', '', '## Two', 'Text.', ''].join('\n');

describe('what changed in a source', () => {
  it('nothing: no sections; formatting only (trailing blanks, CRLF): none either', () => {
    expect(diffSource({ before: { description: 'd', body }, after: { description: 'd', body } })).toEqual([]);
    expect(diffSource({ before: { description: 'd', body }, after: { description: 'd ', body: body.replaceAll('\n', '\r\n') } })).toEqual([]);
  });

  it('a changed bullet: the old and the new line under their heading; a code line that looks like a heading is not one', () => {
    const after = body.replace('- b', '- c').replace('## not a heading', '## still code');
    expect(diffSource({ before: { description: 'd', body }, after: { description: 'd', body: after } })).toEqual([
      { section: '## One', removed: ['- b', '## not a heading'], added: ['- c', '## still code'] },
    ]);
  });

  it('lines before the first heading, an added section, and the description each get their own group', () => {
    const after = `${body.replace('Intro line.', 'Intro line, longer.')}\n## Three\nNew.\n`;
    expect(diffSource({ before: { description: 'old', body }, after: { description: 'new', body: after } })).toEqual([
      { section: 'description:', removed: ['old'], added: ['new'] },
      { section: '', removed: ['Intro line.'], added: ['Intro line, longer.'] },
      { section: '## Three', removed: [], added: ['## Three', 'New.'] },
    ]);
  });
});

describe('a paragraph split in two', () => {
  it('shows the blank line that is the only change', () => {
    const before = 'One. Two.\nThree.\n';
    expect(diffSource({ before: { description: 'd', body: before }, after: { description: 'd', body: 'One. Two.\n\nThree.\n' } })).toEqual([
      { section: '', removed: [], added: [''] },
    ]);
  });
});

describe('skeleton markers', () => {
  it('are counted outside fenced code only', () => {
    expect(countMarked({ description: `${TRANSLATE_MARKER} d`, body: `${TRANSLATE_MARKER} a\n\`\`\`\n${TRANSLATE_MARKER} in code\n\`\`\`\n` })).toBe(2);
    expect(countMarked({ description: 'd', body: 'a\n' })).toBe(0);
  });
});
