import fc from 'fast-check';
import {
  COLORS,
  EFFORT_LEVELS,
  ISOLATION_MODES,
  KNOWN_FIELDS,
  KNOWN_TOOLS,
  MEMORY_SCOPES,
  MODEL_ALIASES,
  PERMISSION_MODES,
} from '../../src/core/agent/schema.js';

/**
 * Generators for the property tests. Text is built from fragments that matter to the parser (fences,
 * YAML indicators, anchors, tags, BOM, NUL, CR, banners) mixed with arbitrary code points.
 */

// biome-ignore format: a hand-packed list of values, one line per group
const FRONT_MATTER_FRAGMENTS = [
  '---', '---\n', '\n---\n', '---js\n', '--- yaml\n', '---JS \n', '...\n', '\n', '\r\n', '\r', ' ', '  ', '\t',
  'name:', 'name: x', 'name: ml-engineer\n', 'description:', 'description: y\n', ': ', ':', '- ', '? ', '#', ' #',
  '&a ', '*a', '&b [*a, *a]', '!!', '!!js/function ', '!!python/object ', '!<tag:yaml.org,2002:js/undefined> ', '!x ',
  '[', ']', '{', '}', ',', '"', "'", '\\', '\\e', '|', '|-', '>', '>+', '%YAML 1.2\n', '%TAG ! x:\n',
  '\uFEFF', '\0', '\u2028', '\u0085', '\u001b[2J', '\u0007', '\u009b', '\u202e', '\ud800',
  '__proto__: ', 'constructor:', 'prototype: ', 'hooks:\n  ', 'tools: Read, Bash(git diff:*)\n', 'tools: []\n',
  'i18n:\n  source: ../../../agents/x.md\n  sourceHash: sha256:', 'model: opus\n', 'maxTurns: 0x10\n',
  '> **[English](../../../agents/x.md)** | **日本語**\n', '<!-- c -->\n', '日本語', 'é', 'e\u0301', '🧪', 'true', 'null', '~',
];

/** Any string: arbitrary code points, or a soup of parser-relevant fragments, or a front-matter-shaped mix. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.oneof(fc.constantFrom(...FRONT_MATTER_FRAGMENTS), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 60 }).map((parts) => parts.join('')),
  fc
    .tuple(
      fc.constantFrom('', '\uFEFF', '\n', '> **[English](x.md)** | **日本語**\n'),
      fc.array(fc.oneof(fc.constantFrom(...FRONT_MATTER_FRAGMENTS), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 30 }),
      fc.constantFrom('---\n', '---\r\n', '', '--- \n'),
      fc.string({ unit: 'binary', maxLength: 40 }),
    )
    .map(([lead, parts, close, body]) => `${lead}---\n${parts.join('')}\n${close}${body}`),
);

// biome-ignore format: a hand-packed list of values, one line per group
const TEXT_FRAGMENTS = [
  'a', 'ML', ' ', '  ', '\t', '\n', '\n\n', ': ', ':', '- ', '# ', ' #', '---', '\n---\n', '...', '"', "'", '\\', '`', '|', '>',
  '*a', '&a', '!!str', '%', '@', '{', '}', '[', ']', ',', '?', 'true', 'null', '~', '0x1F', '1e3', '.inf', '-0',
  '機械学習エンジニア', 'です。', '「引用」', 'é', 'e\u0301', 'ﬁ', '🧪', '\u00a0', '\u3000', '\u2028', '\u0085', '\uFEFF',
  '\u001b[31m', '\u0007', '<example>', '> **[English](x.md)** | **日本語**',
];

/** Human text (descriptions, prompts): fragments above plus printable graphemes of any script. */
export const humanText = (maxLength: number): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof(fc.constantFrom(...TEXT_FRAGMENTS), fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ unit: 'binary-ascii', maxLength: 3 })), {
      maxLength,
    })
    .map((parts) => parts.join(''));

const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON-like values for hooks, mcpServers and unknown keys, without the keys the parser drops. */
const jsonish: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3, noUnicodeString: false }).map(function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!UNSAFE.has(k)) out[k] = strip(v);
    return out;
  }
  return Object.is(value, -0) ? 0 : value;
});

const toolEntry = fc.oneof(
  fc.constantFrom(...KNOWN_TOOLS),
  fc.constantFrom('mcp__github__create_issue', 'Bash(git diff:*)', 'Bash(npm run test *)', 'Read(./src/**)', 'Bash(x', 'y)', '(', ')', 'Bash(a, b)'),
  fc.stringMatching(/^[A-Za-z_][\w()*:./-]{0,12}$/),
);
const tools = fc.oneof(
  fc.constant('*'),
  fc.constant([] as string[]),
  fc.array(toolEntry, { minLength: 1, maxLength: 6 }),
  toolEntry.map((t) => `${t}, Read`),
);

const portableName = fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,8}){0,4}$/);
const extraKey = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
  .filter((k) => !UNSAFE.has(k) && !(KNOWN_FIELDS as readonly string[]).includes(k) && k !== 'i18n');

/** The raw front-matter of a valid agent (before the schema normalises it). */
export const validSpecInput: fc.Arbitrary<Record<string, unknown>> = fc
  .record(
    {
      name: portableName,
      description: humanText(20).filter((d) => d.trim() !== ''),
      tools,
      disallowedTools: tools,
      model: fc.oneof(fc.constantFrom(...MODEL_ALIASES, 'claude-opus-4-1-20250805'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 })),
      permissionMode: fc.constantFrom(...PERMISSION_MODES),
      maxTurns: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
      skills: fc.oneof(humanText(4), fc.array(humanText(3), { maxLength: 3 })),
      mcpServers: fc.array(
        fc.oneof(
          fc.string({ maxLength: 10 }),
          fc.dictionary(
            fc.string({ maxLength: 6 }).filter((k) => !UNSAFE.has(k)),
            jsonish,
            { maxKeys: 3 },
          ),
        ),
        { maxLength: 3 },
      ),
      hooks: fc.dictionary(
        fc.string({ maxLength: 8 }).filter((k) => !UNSAFE.has(k)),
        jsonish,
        { maxKeys: 3 },
      ),
      memory: fc.constantFrom(...MEMORY_SCOPES),
      background: fc.boolean(),
      effort: fc.constantFrom(...EFFORT_LEVELS),
      isolation: fc.constantFrom(...ISOLATION_MODES),
      color: fc.constantFrom(...COLORS),
      initialPrompt: humanText(20),
    },
    { requiredKeys: ['name', 'description'] },
  )
  .chain((spec) => fc.dictionary(extraKey, jsonish, { maxKeys: 2 }).map((extra) => ({ ...extra, ...spec })));

/** A body (system prompt): Markdown-ish lines including `---` lines and banners, never a banner first. */
export const bodyText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      humanText(8),
      fc.constantFrom(
        '---',
        '--- ',
        '# Heading',
        '## 見出し',
        '- item',
        '> **[English](../../../agents/x.md)** | **日本語**',
        '',
        '   ',
        '```yaml',
        'name: not-front-matter',
      ),
    ),
    { maxLength: 12 },
  )
  .map((lines) => ['Intro line.', ...lines].join('\n'))
  .filter((b) => !b.includes('\0'));

/** Mutations of one rendered, valid agent: fragments inserted and slices deleted at random places. */
export const mutatedAgent = (render: (spec: Record<string, unknown>, body: string) => string): fc.Arbitrary<string> =>
  fc
    .tuple(
      validSpecInput,
      bodyText,
      fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...FRONT_MATTER_FRAGMENTS), fc.string({ unit: 'binary', maxLength: 3 })), fc.nat({ max: 6 })), {
        minLength: 1,
        maxLength: 4,
      }),
    )
    .map(([spec, body, edits]) => {
      let text = render(spec, body);
      for (const [at, insert, cut] of edits) {
        const i = at % (text.length + 1);
        text = text.slice(0, i) + insert + text.slice(i + cut);
      }
      return text;
    });
