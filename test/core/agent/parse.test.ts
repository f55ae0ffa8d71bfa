import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiagnosticCode } from '../../../src/core/codes.js';
import type { Severity } from '../../../src/core/diagnostics.js';
import { parseAgent, type ParsedAgent } from '../../../src/core/agent/parse.js';
import { renderAgent } from '../../../src/core/agent/render.js';
import { loadAgent } from '../../../src/io/read-agent.js';
import { messagesIn } from '../../helpers/messages.js';
import { tempDir } from '../../helpers/cli.js';

/** A minimal valid agent with extra front-matter lines and an optional body. */
const agent = (extra = '', body = 'You are a test agent.\n'): string => `---\nname: test-agent\ndescription: Use for tests.\n${extra}---\n\n${body}`;

interface Row {
  name: string;
  text: string;
  /** Every diagnostic, as `severity CODE`, in any order. */
  diagnostics: Array<`${Severity} ${DiagnosticCode}`>;
  loadableAsIs: boolean;
  /** Defaults to true. */
  isAgent?: boolean;
  check?: (parsed: ParsedAgent) => void;
}

const billionLaughs = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
].join('\n');

const deepBlock = `x:\n${Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} end\n`;

const ROWS: Row[] = [
  // --- required fields and names (errors: the agent is unusable) ---
  { name: 'missing name', text: '---\ndescription: Use for tests.\n---\nbody\n', diagnostics: ['error NAME_MISSING'], loadableAsIs: false },
  { name: 'empty name', text: '---\nname: ""\ndescription: x\n---\nbody\n', diagnostics: ['error NAME_MISSING'], loadableAsIs: false },
  { name: 'missing description', text: '---\nname: a\n---\nbody\n', diagnostics: ['error DESCRIPTION_MISSING'], loadableAsIs: false },
  { name: 'empty description', text: '---\nname: a\ndescription: ""\n---\nbody\n', diagnostics: ['error DESCRIPTION_MISSING'], loadableAsIs: false },
  { name: 'blank description', text: '---\nname: a\ndescription:   \n---\nbody\n', diagnostics: ['error DESCRIPTION_MISSING'], loadableAsIs: false },
  { name: 'description is a number', text: '---\nname: a\ndescription: 42\n---\nbody\n', diagnostics: ['error DESCRIPTION_INVALID'], loadableAsIs: false },
  {
    name: 'name containing ":"',
    text: '---\nname: "ml:engineer"\ndescription: x\n---\nbody\n',
    diagnostics: ['error NAME_INVALID'],
    loadableAsIs: false,
    check: (p) => expect(p.diagnostics[0]?.params).toEqual({ name: 'ml:engineer', reason: 'colon' }),
  },
  {
    name: 'name starting with "-"',
    text: '---\nname: -ml-engineer\ndescription: x\n---\nbody\n',
    diagnostics: ['error NAME_INVALID'],
    loadableAsIs: false,
    check: (p) => expect(p.diagnostics[0]?.params['reason']).toBe('dash'),
  },
  { name: 'name is a number', text: '---\nname: 123\ndescription: x\n---\nbody\n', diagnostics: ['error NAME_INVALID'], loadableAsIs: false },
  {
    name: 'Japanese name (loads, not portable)',
    text: '---\nname: 機械学習エンジニア\ndescription: 本番MLに使用\n---\nbody\n',
    diagnostics: ['warning NAME_NOT_PORTABLE'],
    loadableAsIs: true,
    check: (p) => expect(p.spec?.name).toBe('機械学習エンジニア'),
  },
  {
    name: 'name with upper case and space',
    text: '---\nname: ML Engineer\ndescription: x\n---\nbody\n',
    diagnostics: ['warning NAME_NOT_PORTABLE'],
    loadableAsIs: true,
  },

  // --- fences and what stands before them ---
  { name: 'unclosed front-matter', text: '---\nname: a\ndescription: x\n\nbody\n', diagnostics: ['error FRONTMATTER_UNCLOSED'], loadableAsIs: false },
  {
    name: 'a quoted value containing a --- line (cut short, does not parse)',
    text: '---\nname: a\ndescription: "first\n---\nsecond"\n---\nbody\n',
    diagnostics: ['error FRONTMATTER_CUT_SHORT'],
    loadableAsIs: false,
    check: (p) => expect(p.diagnostics[0]?.line).toBe(4),
  },
  {
    name: 'a block value containing a --- line (cut short, still parses)',
    text: '---\nname: a\ndescription: |\n  first\n---\n  second\n---\nbody\n',
    diagnostics: ['warning FRONTMATTER_CUT_SHORT'],
    loadableAsIs: true,
    check: (p) => expect(p.spec?.description).toBe('first'),
  },
  {
    name: 'BOM',
    text: `\uFEFF${agent()}`,
    diagnostics: ['warning BOM'],
    loadableAsIs: false,
    check: (p) => expect(p.spec?.name).toBe('test-agent'),
  },
  {
    name: 'CRLF (Claude Code reads it)',
    text: agent('model: sonnet\n', 'line one\nline two\n').replace(/\n/g, '\r\n'),
    diagnostics: ['warning CRLF'],
    loadableAsIs: true,
    check: (p) => {
      expect(p.body).toBe('line one\nline two\n');
      expect(p.spec?.model).toBe('sonnet');
    },
  },
  { name: 'BOM and CRLF', text: `\uFEFF${agent().replace(/\n/g, '\r\n')}`, diagnostics: ['warning BOM', 'warning CRLF'], loadableAsIs: false },
  {
    name: 'blank line before ---',
    text: `\n${agent()}`,
    diagnostics: ['warning CONTENT_BEFORE_FRONTMATTER'],
    loadableAsIs: false,
    check: (p) => expect(p.diagnostics[0]?.params).toEqual({ what: 'blank' }),
  },
  {
    name: 'HTML comment before ---',
    text: `<!-- generated -->\n${agent()}`,
    diagnostics: ['warning CONTENT_BEFORE_FRONTMATTER'],
    loadableAsIs: false,
    check: (p) => expect(p.diagnostics[0]?.params).toEqual({ what: 'comment' }),
  },
  {
    name: 'banner before --- (the seed form)',
    text: `> **[English](../en.md)** | **日本語**\n\n${agent()}`,
    diagnostics: ['warning BANNER_BEFORE_FRONTMATTER'],
    loadableAsIs: false,
    check: (p) => {
      expect(p.banner?.links).toEqual([{ label: 'English', href: '../en.md' }]);
      expect(p.body).toBe('You are a test agent.\n');
    },
  },
  {
    name: 'banner as first body line (the package form)',
    text: agent('', '> **English** | **[日本語](ja/x.md)**\n\nYou are a test agent.\n'),
    diagnostics: [],
    loadableAsIs: true,
    check: (p) => {
      expect(p.bannerPosition).toBe('body');
      expect(p.body).toBe('You are a test agent.\n');
    },
  },
  {
    name: 'banner both before --- and as first body line: the body keeps neither',
    text: `> **[English](../en.md)** | **日本語**\n\n${agent('', '> **[English](../en.md)** | **日本語**\n\nYou are a test agent.\n')}`,
    diagnostics: ['warning BANNER_BEFORE_FRONTMATTER'],
    loadableAsIs: false,
    check: (p) => {
      expect(p.bannerPosition).toBe('before-front-matter');
      expect(p.body).toBe('You are a test agent.\n');
    },
  },
  {
    name: 'a blockquote that is not a banner stays in the body',
    text: agent('', '> Note: be careful | very careful\n'),
    diagnostics: [],
    loadableAsIs: true,
    check: (p) => {
      expect(p.banner).toBeUndefined();
      expect(p.body).toBe('> Note: be careful | very careful\n');
    },
  },
  {
    name: '---yaml fence',
    text: agent().replace(/^---/, '---yaml'),
    diagnostics: ['warning FRONTMATTER_LANGUAGE_TAG'],
    loadableAsIs: false,
    check: (p) => expect(p.spec?.name).toBe('test-agent'),
  },
  { name: '---js fence', text: "---js\n{ name: 'a', description: 'x' }\n---\nbody\n", diagnostics: ['error FRONTMATTER_CODE'], loadableAsIs: false },
  { name: '---coffee fence', text: "---coffee\nname: 'a'\ndescription: 'x'\n---\nbody\n", diagnostics: ['error FRONTMATTER_CODE'], loadableAsIs: false },

  // --- not agents at all ---
  {
    name: 'Markdown without front-matter',
    text: '# README\n\nSome documentation.\n\n---\n\nMore.\n',
    diagnostics: ['info NOT_AN_AGENT'],
    loadableAsIs: false,
    isAgent: false,
  },
  { name: 'empty file', text: '', diagnostics: ['info NOT_AN_AGENT'], loadableAsIs: false, isAgent: false },
  {
    name: 'README with BOM, CRLF and a NUL byte (documentation: only "not an agent")',
    text: '\uFEFF# README\r\n\r\nText\0\r\n',
    diagnostics: ['info NOT_AN_AGENT'],
    loadableAsIs: false,
    isAgent: false,
  },
  {
    name: 'front-matter without name or description (a Jekyll page)',
    text: '---\ntitle: Page\nlayout: post\n---\ntext\n',
    diagnostics: ['info NOT_AN_AGENT'],
    loadableAsIs: false,
    isAgent: false,
  },

  // --- YAML shape and hostile YAML ---
  {
    name: 'front-matter that is a list',
    text: '---\n- name: a\n- description: x\n---\nbody\n',
    diagnostics: ['error FRONTMATTER_NOT_MAPPING'],
    loadableAsIs: false,
  },
  { name: 'front-matter that is a scalar', text: '---\njust text\n---\nbody\n', diagnostics: ['error FRONTMATTER_NOT_MAPPING'], loadableAsIs: false },
  {
    name: 'tab indentation',
    text: '---\nname: a\ndescription: x\ntools:\n\t- Read\n---\nbody\n',
    // Claude Code 2.1.332 reads tab indentation (see test/core/claude/rules.test.ts): a warning, still loadable.
    diagnostics: ['warning YAML_LENIENT'],
    loadableAsIs: true,
    check: (p) => expect(p.diagnostics[0]?.line).toBe(5),
  },
  { name: 'unclosed quote', text: '---\nname: a\ndescription: "oops\n---\nbody\n', diagnostics: ['error YAML_INVALID'], loadableAsIs: false },
  {
    name: 'duplicate key',
    text: '---\nname: a\nname: b\ndescription: x\n---\nbody\n',
    // Claude Code 2.1.332 lets a repeated key pass, the last one winning: a warning, still loadable.
    diagnostics: ['warning YAML_LENIENT'],
    loadableAsIs: true,
    check: (p) => expect(p.diagnostics[0]?.line).toBe(3),
  },
  {
    name: 'unquoted "description: Use when: x" (Claude Code retries leniently)',
    text: '---\nname: a\ndescription: Use when: x\n---\nbody\n',
    diagnostics: ['warning YAML_LENIENT'],
    loadableAsIs: true,
    check: (p) => {
      expect(p.spec?.description).toBe('Use when: x');
      expect(p.diagnostics[0]?.line).toBe(3);
    },
  },
  {
    name: 'alias bomb (billion laughs)',
    text: `---\nname: a\ndescription: x\n${billionLaughs}\n---\nbody\n`,
    diagnostics: ['warning YAML_ALIAS_LIMIT', ...Array.from({ length: 7 }, () => 'warning UNKNOWN_KEY' as const)],
    loadableAsIs: true,
    check: (p) => expect(JSON.stringify(p.spec).length).toBeLessThan(2000),
  },
  {
    name: 'deep block nesting (100 levels)',
    text: `---\nname: a\ndescription: x\n${deepBlock}---\nbody\n`,
    diagnostics: ['error YAML_TOO_DEEP'],
    loadableAsIs: false,
  },
  {
    // 10,000 pairs stay under the 32 KiB front-matter limit, so the nesting pre-scan is what refuses them.
    name: 'deep flow nesting (10,000 brackets)',
    text: `---\nname: a\ndescription: x\nx: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\nbody\n`,
    diagnostics: ['error YAML_TOO_DEEP'],
    loadableAsIs: false,
  },
  {
    name: 'oversized front-matter',
    text: `---\nname: a\ndescription: x\n# ${'c'.repeat(300_000)}\n---\nbody\n`,
    diagnostics: ['error FRONTMATTER_TOO_LARGE'],
    loadableAsIs: false,
  },
  {
    name: '!!js/function tag (kept as text, never run)',
    text: '---\nname: a\ndescription: !!js/function "function () { globalThis.ranTag = true; return \'x\'; }"\n---\nbody\n',
    diagnostics: ['warning YAML_TAG_IGNORED'],
    loadableAsIs: true,
    check: (p) => {
      expect(typeof p.spec?.description).toBe('string');
      expect((globalThis as Record<string, unknown>)['ranTag']).toBeUndefined();
    },
  },
  {
    name: '__proto__ key',
    text: '---\nname: a\ndescription: x\n__proto__:\n  polluted: yes\n---\nbody\n',
    diagnostics: ['warning UNSAFE_KEY'],
    loadableAsIs: true,
    check: (p) => {
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(Object.keys(p.spec ?? {})).toEqual(['name', 'description']);
      expect(Object.hasOwn(p.spec ?? {}, '__proto__')).toBe(false);
      expect((p.spec as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(p.diagnostics[0]?.params).toEqual({ key: '__proto__' });
    },
  },
  {
    name: 'nested __proto__ and constructor keys',
    text: '---\nname: a\ndescription: x\nhooks:\n  __proto__:\n    polluted: yes\n  constructor:\n    prototype:\n      polluted: yes\n---\nbody\n',
    diagnostics: ['warning UNSAFE_KEY', 'warning UNSAFE_KEY'],
    loadableAsIs: true,
    check: (p) => {
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(p.diagnostics.map((d) => d.params['key'])).toEqual(['hooks.__proto__', 'hooks.constructor']);
      expect(Object.keys(p.spec?.hooks ?? {})).toEqual([]);
    },
  },
  { name: 'NUL byte', text: agent('', 'bo\0dy\n'), diagnostics: ['error NUL_BYTE'], loadableAsIs: false, check: (p) => expect(p.diagnostics[0]?.line).toBe(6) },
  {
    name: '5 MB file',
    text: agent('', 'x'.repeat(5 * 1024 * 1024)),
    diagnostics: ['error FILE_TOO_LARGE'],
    loadableAsIs: false,
    check: (p) => expect(p.diagnostics[0]?.params).toEqual({ size: 5 * 1024 * 1024 + 54, limit: 2 * 1024 * 1024 }),
  },

  // --- tools: tri-state ---
  { name: 'tools absent (all tools)', text: agent(), diagnostics: [], loadableAsIs: true, check: (p) => expect(p.spec?.tools).toBeUndefined() },
  {
    name: 'tools as a comma string',
    text: agent('tools: Read, Grep,Glob Bash(git diff:*)\n'),
    diagnostics: [],
    loadableAsIs: true,
    check: (p) => expect(p.spec?.tools).toEqual({ kind: 'list', tools: ['Read', 'Grep', 'Glob', 'Bash(git diff:*)'] }),
  },
  {
    name: 'tools as a YAML list',
    text: agent('tools:\n  - Read\n  - mcp__github__*\n'),
    diagnostics: [],
    loadableAsIs: true,
    check: (p) => expect(p.spec?.tools).toEqual({ kind: 'list', tools: ['Read', 'mcp__github__*'] }),
  },
  {
    name: 'tools empty (no tools)',
    text: agent('tools:\n'),
    diagnostics: [],
    loadableAsIs: true,
    check: (p) => expect(p.spec?.tools).toEqual({ kind: 'none' }),
  },
  {
    name: 'tools "" (no tools)',
    text: agent('tools: ""\n'),
    diagnostics: [],
    loadableAsIs: true,
    check: (p) => expect(p.spec?.tools).toEqual({ kind: 'none' }),
  },
  {
    name: 'tools [] (no tools)',
    text: agent('tools: []\n'),
    diagnostics: [],
    loadableAsIs: true,
    check: (p) => expect(p.spec?.tools).toEqual({ kind: 'none' }),
  },
  {
    name: 'tools "*" (all tools)',
    text: agent('tools: "*"\n'),
    diagnostics: [],
    loadableAsIs: true,
    check: (p) => expect(p.spec?.tools).toEqual({ kind: 'all' }),
  },
  {
    name: 'disallowedTools list',
    text: agent('disallowedTools: [Write, Edit]\n'),
    diagnostics: [],
    loadableAsIs: true,
    check: (p) => expect(p.spec?.disallowedTools).toEqual({ kind: 'list', tools: ['Write', 'Edit'] }),
  },
  {
    name: 'misspelt tool',
    text: agent('tools: Raed, Grep\n'),
    diagnostics: ['warning TOOL_UNKNOWN'],
    loadableAsIs: true,
    check: (p) => expect(p.diagnostics[0]?.params).toEqual({ field: 'tools', tool: 'Raed', suggestion: 'Read' }),
  },
  {
    name: 'tools as a number',
    text: agent('tools: 5\n'),
    diagnostics: ['warning FIELD_INVALID'],
    loadableAsIs: true,
    check: (p) => expect(p.spec?.tools).toBeUndefined(),
  },

  // --- optional fields Claude Code drops silently ---
  {
    name: 'unknown key "modle"',
    text: agent('modle: sonnet\n'),
    diagnostics: ['warning UNKNOWN_KEY'],
    loadableAsIs: true,
    check: (p) => {
      expect(p.diagnostics[0]?.params).toEqual({ key: 'modle', suggestion: 'model' });
      expect(p.diagnostics[0]?.line).toBe(4);
      expect(p.spec?.['modle']).toBe('sonnet');
    },
  },
  {
    name: 'unknown key far from any field',
    text: agent('zzzzzz: 1\n'),
    diagnostics: ['warning UNKNOWN_KEY'],
    loadableAsIs: true,
    check: (p) => expect(p.diagnostics[0]?.params).toEqual({ key: 'zzzzzz' }),
  },
  {
    name: 'colour magenta',
    text: agent('color: magenta\n'),
    diagnostics: ['warning FIELD_INVALID'],
    loadableAsIs: true,
    check: (p) => {
      expect(p.diagnostics[0]?.params).toEqual({ field: 'color', value: 'magenta' });
      expect(p.spec?.color).toBeUndefined();
    },
  },
  { name: 'colour as hex', text: agent('color: "#ff00ff"\n'), diagnostics: ['warning FIELD_INVALID'], loadableAsIs: true },
  { name: 'valid colour', text: agent('color: cyan\n'), diagnostics: [], loadableAsIs: true, check: (p) => expect(p.spec?.color).toBe('cyan') },
  {
    name: 'maxTurns 0',
    text: agent('maxTurns: 0\n'),
    diagnostics: ['warning FIELD_INVALID'],
    loadableAsIs: true,
    check: (p) => expect(p.spec?.maxTurns).toBeUndefined(),
  },
  { name: 'maxTurns 1.5', text: agent('maxTurns: 1.5\n'), diagnostics: ['warning FIELD_INVALID'], loadableAsIs: true },
  { name: 'maxTurns 12', text: agent('maxTurns: 12\n'), diagnostics: [], loadableAsIs: true, check: (p) => expect(p.spec?.maxTurns).toBe(12) },
  {
    name: 'permissionMode bogus',
    text: agent('permissionMode: bogus\n'),
    diagnostics: ['warning FIELD_INVALID'],
    loadableAsIs: true,
    check: (p) => expect(p.spec?.permissionMode).toBeUndefined(),
  },
  { name: 'effort bogus', text: agent('effort: extreme\n'), diagnostics: ['warning FIELD_INVALID'], loadableAsIs: true },
  { name: 'model not an alias nor a Claude id', text: agent('model: gpt-4\n'), diagnostics: ['warning MODEL_UNKNOWN'], loadableAsIs: true },
  { name: 'model as a full Claude id', text: agent('model: claude-sonnet-4-5\n'), diagnostics: [], loadableAsIs: true },
  {
    name: 'every optional field, valid',
    text: agent(
      'tools: Read\ndisallowedTools: Write\nmodel: opus\npermissionMode: plan\nmaxTurns: 3\nskills: [s1]\nmcpServers: [github]\nhooks: {}\nmemory: project\nbackground: true\neffort: high\nisolation: worktree\ncolor: blue\ninitialPrompt: Start.\n',
    ),
    diagnostics: [],
    loadableAsIs: true,
    check: (p) => expect(Object.keys(p.spec ?? {})).toHaveLength(16),
  },
  {
    name: 'multi-line description',
    text: '---\nname: a\ndescription: |\n  Use for tests.\n  Also for: checks.\n---\nbody\n',
    diagnostics: [],
    loadableAsIs: true,
    check: (p) => {
      expect(p.spec?.description).toBe('Use for tests.\nAlso for: checks.');
      const out = renderAgent({ spec: p.spec!, body: p.body });
      const lines = out.split('\n');
      expect(lines[2]).toBe('description: "Use for tests.\\nAlso for: checks."');
      expect(lines[3]).toBe('---');
      expect(parseAgent(out).spec).toEqual(p.spec);
    },
  },
  {
    name: 'i18n link with a bad hash',
    text: agent('i18n:\n  source: ../../../agents/x.md\n  sourceHash: md5:1\n'),
    diagnostics: ['error I18N_INVALID'],
    loadableAsIs: false,
  },
];

describe('parseAgent on malformed and tricky inputs', () => {
  it('has at least 30 rows with distinct names', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(ROWS.map((r) => r.name)).size).toBe(ROWS.length);
  });

  it.each(ROWS)('$name', (row) => {
    const parsed = parseAgent(row.text, { path: 'agents/x.md' });
    const got = parsed.diagnostics.map((d) => `${d.severity} ${d.code}`);
    expect(got.sort()).toEqual([...row.diagnostics].sort());
    expect(parsed.loadableAsIs).toBe(row.loadableAsIs);
    expect(parsed.isAgent).toBe(row.isAgent ?? true);
    row.check?.(parsed);

    // Invariants for every input.
    const hasError = parsed.diagnostics.some((d) => d.severity === 'error');
    if (hasError) expect(parsed.loadableAsIs).toBe(false);
    if (!hasError && parsed.isAgent) expect(parsed.spec?.name).toBeTypeOf('string');
    for (const d of parsed.diagnostics) {
      expect(d.file).toBe('agents/x.md');
      for (const lang of ['en', 'ja'] as const) {
        const { message, hint } = messagesIn(lang).describe('diag', d.code, d.params);
        expect(message).not.toBe(d.code);
        expect(`${message} ${hint}`).not.toMatch(/\{\w+\}/);
      }
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // Whatever has a spec and no error renders to a file that loads back to the same spec and body.
    if (parsed.spec && !hasError) {
      const out = renderAgent({ spec: parsed.spec, body: parsed.body });
      const back = parseAgent(out);
      expect(out.startsWith(`---\nname: `)).toBe(true);
      expect(back.spec).toEqual(parsed.spec);
      expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(renderAgent({ spec: back.spec!, body: back.body })).toBe(out);
    }
  });
});

describe('loadAgent on files (real temp folder)', () => {
  const dir = tempDir();

  it('invalid UTF-8 → ENCODING_INVALID', async () => {
    const file = join(dir, 'latin1.md');
    writeFileSync(file, Buffer.concat([Buffer.from('---\nname: a\ndescription: caf'), Buffer.from([0xe9, 0xff]), Buffer.from('\n---\nbody\n')]));
    const parsed = await loadAgent(file);
    expect(parsed.diagnostics.map((d) => [d.severity, d.code, d.file])).toEqual([['error', 'ENCODING_INVALID', file]]);
    expect(parsed.loadableAsIs).toBe(false);
  });

  it('a 5 MB file → FILE_TOO_LARGE', async () => {
    const file = join(dir, 'huge.md');
    writeFileSync(file, agent('', 'x'.repeat(5 * 1024 * 1024)));
    const parsed = await loadAgent(file);
    expect(parsed.diagnostics.map((d) => [d.severity, d.code])).toEqual([['error', 'FILE_TOO_LARGE']]);
  });

  it('a NUL byte on disk → NUL_BYTE', async () => {
    const file = join(dir, 'nul.md');
    writeFileSync(file, agent('', 'a\0b\n'));
    expect((await loadAgent(file)).diagnostics.map((d) => d.code)).toEqual(['NUL_BYTE']);
  });

  it('an agent in a file not ending in .md → NOT_MD_EXTENSION', async () => {
    const file = join(dir, 'agent.txt');
    writeFileSync(file, agent());
    const parsed = await loadAgent(file);
    expect(parsed.diagnostics.map((d) => [d.severity, d.code])).toEqual([['warning', 'NOT_MD_EXTENSION']]);
    expect(parsed.loadableAsIs).toBe(false);
  });

  it('a missing file → READ_FAILED, no throw', async () => {
    const parsed = await loadAgent(join(dir, 'nope.md'));
    expect(parsed.diagnostics.map((d) => [d.code, d.params['detail']])).toEqual([['READ_FAILED', 'ENOENT']]);
  });

  it('negative control: a valid file on disk has no diagnostics', async () => {
    const file = join(dir, 'ok.md');
    writeFileSync(file, agent());
    const parsed = await loadAgent(file);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.loadableAsIs).toBe(true);
  });
});

describe('parseAgent keeps no state between calls', () => {
  it('parsing the same text twice gives independent results', () => {
    const text = agent('tools: Read\n');
    const first = parseAgent(text, { path: 'a.md' });
    (first.spec as Record<string, unknown>)['name'] = 'mutated';
    first.diagnostics.push({ severity: 'error', code: 'YAML_INVALID', params: {} });
    const second = parseAgent(text, { path: 'b.md' });
    expect(second.spec?.name).toBe('test-agent');
    expect(second.diagnostics).toEqual([]);
    expect(second.path).toBe('b.md');
    const bad = parseAgent(text.replace('name: test-agent', 'name: "a:b"'));
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['NAME_INVALID']);
    expect(parseAgent(text).diagnostics).toEqual([]);
  });
});

describe('parseAgent never throws (deterministic fuzz over fragments)', () => {
  const fragments = [
    '---',
    '---js',
    '---yaml',
    '',
    'name: a',
    'name: "x:y"',
    'description: x',
    'description: Use when: x',
    'description: |',
    '  more',
    'tools: Read, Grep',
    'tools:',
    'tools: [',
    '  - Read',
    '\t- x',
    '__proto__: {polluted: 1}',
    'constructor: 1',
    'x: &a [1]',
    'y: *a',
    'z: *missing',
    '!!js/function f',
    'k: !!binary aGk=',
    '"',
    "'",
    '|',
    '>',
    '- ',
    ': ',
    '# c',
    '> **[English](x.md)** | **日本語**',
    '<!-- c -->',
    '\0',
    '\uFEFF',
    '名前: 値',
    'maxTurns: -1',
    'color: magenta',
    'i18n:',
    '  source: x',
    '  sourceHash: sha256:00',
    'hooks: 1',
    '{',
    '}',
    '? x',
    '%YAML 1.2',
    '...',
    'x: &x {a: *x}',
    '<<: *a',
    '\r',
  ];
  it('3000 generated inputs: no throw, invariants hold', () => {
    let seed = 2024;
    // biome-ignore lint/suspicious/noAssignInExpressions: a seeded LCG step
    const random = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    let withSpec = 0;
    for (let i = 0; i < 3000; i++) {
      const parts = ['---'];
      const count = Math.floor(random() * 10);
      for (let j = 0; j < count; j++) parts.push(fragments[Math.floor(random() * fragments.length)] ?? '');
      if (random() < 0.5) parts.unshift('name: fuzz', 'description: fuzz');
      if (random() < 0.9) parts.push('---');
      parts.push('body');
      const text = (random() < 0.5 ? parts.slice(0, 1).concat(parts.slice(1).sort(() => random() - 0.5)) : parts).join('\n');
      const parsed = parseAgent(text);
      const hasError = parsed.diagnostics.some((d) => d.severity === 'error');
      if (hasError && parsed.loadableAsIs) throw new Error(`loadable despite an error: ${JSON.stringify(text)}`);
      if (parsed.spec && !hasError) {
        withSpec++;
        renderAgent({ spec: parsed.spec, body: parsed.body });
      }
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(withSpec).toBeGreaterThan(0);
  });
});
