import { describe, expect, it } from 'vitest';
import { canonicalHash, canonicaliseText } from '../../../src/core/i18n/canonical-hash.js';
import { parseAgent } from '../../../src/core/agent/parse.js';
import { variantHash } from '../../../src/core/i18n/status.js';

const FM = ['---', 'name: demo', 'description: Reviews café menus for the kitchen team.', 'model: sonnet', '---'];
const BANNER = '> **[English](../../../agents/demo.md)** | **日本語**';
const BODY = ['You are a reviewer.', '', '## Purpose', 'Check every menu.', '', '## Steps', '- Read the menu', '- Mark problems', ''];
const file = (lines: string[]): string => lines.join('\n');
const BASE = file([...FM, '', ...BODY]);

/** Hash of a whole file as the catalog computes it: through the loader, banner and front-matter handled there. */
function hashOf(text: string): string {
  const hash = variantHash(parseAgent(text));
  if (hash === undefined) throw new Error(`does not load:\n${text}`);
  return hash;
}

// [name, variant of BASE, same hash as BASE?]
const pairs: Array<[string, string, boolean]> = [
  ['CRLF line endings', BASE.replace(/\n/g, '\r\n'), true],
  ['CR line endings in the body', `${file([...FM, ''])}\n${BODY.join('\r')}`, true],
  ['a BOM', `\uFEFF${BASE}`, true],
  ['NFD instead of NFC in the description', BASE.replace('café', 'cafe\u0301'), true],
  ['trailing spaces and tabs on lines', BASE.replace('You are a reviewer.', 'You are a reviewer.   \t').replace('## Purpose', '## Purpose  '), true],
  ['extra blank lines between paragraphs', BASE.replace('## Steps', '\n\n\n## Steps'), true],
  ['blank lines at the start and end of the body', file([...FM, '', '', '', ...BODY, '', '', '']), true],
  ['a banner as the first body line', file([...FM, '', BANNER, '', ...BODY]), true],
  ['the banner before the front-matter (the seed form)', file([BANNER, '', ...FM, '', ...BODY]), true],
  [
    'an i18n block in the front-matter',
    BASE.replace('model: sonnet', `model: sonnet\ni18n:\n  source: ../../../agents/demo.md\n  sourceHash: sha256:${'0'.repeat(64)}`),
    true,
  ],
  [
    'key order changed',
    BASE.replace(
      'description: Reviews café menus for the kitchen team.\nmodel: sonnet',
      'model: sonnet\ndescription: Reviews café menus for the kitchen team.',
    ),
    true,
  ],
  [
    'description quoted instead of plain',
    BASE.replace('description: Reviews café menus for the kitchen team.', 'description: "Reviews café menus for the kitchen team."'),
    true,
  ],
  [
    'description as a folded block',
    BASE.replace('description: Reviews café menus for the kitchen team.', 'description: >-\n  Reviews café menus\n  for the kitchen team.'),
    true,
  ],
  ['a non-translatable field changed (model)', BASE.replace('model: sonnet', 'model: inherit'), true],
  ['one word added to the description', BASE.replace('Reviews café menus', 'Reviews café dinner menus'), false],
  ['one word changed in the description', BASE.replace('kitchen team', 'bar team'), false],
  ['one word changed in the body', BASE.replace('Check every menu.', 'Check each menu.'), false],
  ['one word added to a list item', BASE.replace('- Mark problems', '- Mark all problems'), false],
  ['a heading level changed', BASE.replace('## Steps', '### Steps'), false],
  ['a list item removed', BASE.replace('- Mark problems\n', ''), false],
  ['a paragraph split by a blank line', BASE.replace('You are a reviewer.', 'You are\n\na reviewer.'), false],
  ['indentation at the start of a line', BASE.replace('- Mark problems', '  - Mark problems'), false],
];

describe('canonical hash (DESIGN §4)', () => {
  it('has at least 12 invariance/sensitivity pairs, with both kinds', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(12);
    expect(pairs.filter(([, , same]) => same).length).toBeGreaterThanOrEqual(12);
    expect(pairs.filter(([, , same]) => !same).length).toBeGreaterThanOrEqual(6);
  });

  it.each(pairs)('%s → %s', (_name, variant, same) => {
    expect(variant).not.toBe(BASE);
    if (same) expect(hashOf(variant)).toBe(hashOf(BASE));
    else expect(hashOf(variant)).not.toBe(hashOf(BASE));
  });

  it('NFD and NFC spellings of the same Japanese text hash alike', () => {
    const nfc = BASE.replace('Check every menu.', 'メニューをすべて確認します。ガイドに従います。');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(hashOf(nfd)).toBe(hashOf(nfc));
  });

  it('is sha256 over a versioned serialisation of description and body', () => {
    const h = canonicalHash({ description: 'd', body: 'b' });
    expect(h).toMatch(/^sha256:[0-9a-f]{64}$/);
    // description and body are kept apart: moving text from one to the other changes the hash
    expect(canonicalHash({ description: 'a b', body: '' })).not.toBe(canonicalHash({ description: 'a', body: 'b' }));
    expect(canonicalHash({ description: 'd', body: 'b\n' })).toBe(h);
  });

  it.each([
    ['\uFEFFa\r\nb\rc', 'a\nb\nc\n'],
    ['a  \t\n\n\n\nb\n\n', 'a\n\nb\n'],
    ['\n\n  indented\n', '  indented\n'],
    ['', ''],
    ['\n \n\t\n', ''],
    ['e\u0301', 'é\n'],
  ])('canonicaliseText(%j) = %j', (input, expected) => {
    expect(canonicaliseText(input)).toBe(expected);
  });
});
