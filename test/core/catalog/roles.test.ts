import { describe, expect, it } from 'vitest';
import { parseAgent } from '../../../src/core/agent/parse.js';
import { assembleSource } from '../../../src/core/catalog/assemble-folder.js';
import { conflictFor, describeConflict, firstSentence } from '../../../src/core/catalog/conflicts.js';
import { asDeclaredAgent, fileKind } from '../../../src/core/catalog/file-kind.js';
import { indexPlugins, listedBy, pluginOf } from '../../../src/core/catalog/plugins.js';
import { parseSelector, resolveSelection } from '../../../src/core/catalog/select.js';

const AGENT = '---\nname: x\ndescription: Does x.\n---\nBody.\n';
const COMMAND = '---\ndescription: Runs a review.\nargument-hint: <file>\n---\nReview $ARGUMENTS.\n';
const NAMED_COMMAND = '---\nname: review\ndescription: Runs a review.\n---\nReview.\n';
const DOC = '---\ntitle: Guide\n---\n# Guide\n';
const PLAIN = '# Notes\n';

describe('fileKind: which Markdown files of a catalog are agents (validate <folder> and --from alike)', () => {
  const cases: [string, string, { rootName?: string; listed?: boolean }, string][] = [
    ['agents/x.md', AGENT, {}, 'agent (declared)'],
    ['plugins/p/agents/x.md', AGENT, {}, 'agent (declared)'],
    ['team/x.md', AGENT, {}, 'agent'],
    ['plugins/p/commands/review.md', COMMAND, {}, 'not-agent: command'],
    ['plugins/p/commands/review.md', NAMED_COMMAND, {}, 'not-agent: command'],
    ['commands/sub/deploy.md', NAMED_COMMAND, {}, 'not-agent: command'],
    ['plugins/p/skills/s/SKILL.md', NAMED_COMMAND, {}, 'not-agent: skill'],
    ['README.md', AGENT, {}, 'not-agent: doc'],
    ['agents/README.ja.md', PLAIN, {}, 'not-agent: doc'],
    ['docs/guide.md', DOC, {}, 'not-agent: no-name'],
    ['docs/notes.md', PLAIN, {}, 'not-agent: no-name'],
    // Inside a folder named agents every file is meant as an agent, even one Claude Code would skip.
    ['agents/draft.md', COMMAND, {}, 'agent (declared)'],
    ['agents/notes.md', PLAIN, {}, 'agent (declared)'],
    // The folder given to validate counts: `validate .claude/agents` reads files directly inside `agents`.
    ['draft.md', COMMAND, { rootName: 'agents' }, 'agent (declared)'],
    ['draft.md', COMMAND, { rootName: 'team' }, 'not-agent: no-name'],
    // A plugin's manifest may list a file anywhere.
    ['roles/captain.md', COMMAND, { listed: true }, 'agent (declared)'],
    ['broken.md', '---\nname: a\n\tx: y\n---\nbody\n', {}, 'unreadable'],
    // In an agents folder it is an agent all the same (its YAML error is reported).
    ['agents/broken.md', '---\nname: a\n\tx: y\n---\nbody\n', {}, 'agent (declared)'],
    // A name that is there but not text: an agent (its error is reported), not documentation.
    ['odd.md', '---\nname: 0777\ndescription: d\n---\nb\n', {}, 'agent'],
  ];
  it.each(cases)('%s', (relPath, text, options, expected) => {
    const kind = fileKind({ relPath, parsed: parseAgent(text), ...options });
    const shown = kind.kind === 'not-agent' ? `not-agent: ${kind.reason}` : kind.kind === 'agent' ? `agent${kind.declared ? ' (declared)' : ''}` : kind.kind;
    expect(shown).toBe(expected);
  });

  it('a declared agent without a name gets NAME_MISSING; one the parser read keeps its own diagnostics', () => {
    expect(asDeclaredAgent(parseAgent(PLAIN)).diagnostics.map((d) => `${d.severity}:${d.code}`)).toEqual(['error:NAME_MISSING']);
    expect(asDeclaredAgent(parseAgent(COMMAND)).diagnostics.map((d) => `${d.severity}:${d.code}`)).toEqual(['error:NAME_MISSING', 'warning:UNKNOWN_KEY']);
    // Negative control: a good agent is returned as it is.
    const good = parseAgent(AGENT);
    expect(asDeclaredAgent(good)).toBe(good);
  });

  it('in a scan, commands and skills are left out, a nameless file in agents/ is reported, not listed', () => {
    const files = {
      'plugins/p/agents/x.md': AGENT,
      'plugins/p/agents/draft.md': COMMAND,
      'plugins/p/commands/review.md': NAMED_COMMAND,
      'plugins/p/skills/s/SKILL.md': NAMED_COMMAND,
      'README.md': PLAIN,
    };
    const scan = assembleSource({
      root: '/c',
      files: Object.entries(files).map(([relPath, t]) => ({ path: `/c/${relPath}`, relPath, parsed: parseAgent(t) })),
    });
    expect([...scan.catalog.agents.keys()]).toEqual(['x']);
    expect(scan.files.map((f) => [f.relPath, f.parsed.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)])).toEqual([
      ['plugins/p/agents/draft.md', ['NAME_MISSING']],
      ['plugins/p/agents/x.md', []],
    ]);
  });
});

describe('plugins of a catalog', () => {
  const marketplace = JSON.stringify({
    name: 'm',
    metadata: { pluginRoot: './plugins' },
    plugins: [
      { name: 'alpha', source: './plugins/alpha', agents: ['./agents/a.md', './roles/'] },
      { name: 'beta', source: 'beta-folder', unknown: { nested: true } },
      { name: 'remote', source: { source: 'github', repo: 'x/y' } },
      { name: 'escape', source: '../outside' },
      { name: '__proto__', source: './plugins/proto' },
    ],
    __proto__: { polluted: true },
  });
  const index = indexPlugins({
    rootName: 'catalog',
    manifests: [
      { relPath: '.claude-plugin/marketplace.json', text: marketplace },
      { relPath: 'plugins/gamma/.claude-plugin/plugin.json', text: '{ "name": "gamma-tools", "agents": "./custom/g.md", "hooks": {} }' },
      { relPath: 'plugins/broken/.claude-plugin/plugin.json', text: '{ "name": "broken", ' },
      { relPath: 'plugins/array/.claude-plugin/plugin.json', text: '["not", "an", "object"]' },
      { relPath: 'plugins/huge/.claude-plugin/plugin.json', problem: 'larger than 1048576 bytes' },
    ],
  });

  it('reads names, local sources and listed agents; ignores unknown keys and remote or escaping sources', () => {
    expect(index.plugins.map((p) => [p.name, p.root, p.listed])).toEqual(
      expect.arrayContaining([
        ['alpha', 'plugins/alpha/', ['plugins/alpha/agents/a.md', 'plugins/alpha/roles/']],
        ['beta', 'plugins/beta-folder/', []],
        ['gamma-tools', 'plugins/gamma/', ['plugins/gamma/custom/g.md']],
      ]),
    );
    expect(index.plugins.map((p) => p.name)).not.toContain('remote');
    expect(index.plugins.map((p) => p.root)).not.toContain('../outside/');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const listed = listedBy(index);
    expect(['plugins/alpha/agents/a.md', 'plugins/alpha/roles/deep/r.md', 'plugins/gamma/custom/g.md'].map(listed)).toEqual([true, true, true]);
    expect(['plugins/alpha/agents/b.md', 'plugins/gamma/agents/g.md'].map(listed)).toEqual([false, false]);
  });

  it('a manifest that is not a JSON object, or cannot be read, is a warning, never a crash', () => {
    expect(index.diagnostics.map((d) => [d.severity, d.code, d.file])).toEqual([
      ['warning', 'PLUGIN_MANIFEST_INVALID', 'plugins/broken/.claude-plugin/plugin.json'],
      ['warning', 'PLUGIN_MANIFEST_INVALID', 'plugins/array/.claude-plugin/plugin.json'],
      ['warning', 'PLUGIN_MANIFEST_INVALID', 'plugins/huge/.claude-plugin/plugin.json'],
    ]);
    // The broken plugin's folder is still a plugin, named by its folder.
    expect(pluginOf(index, 'plugins/broken/agents/x.md')).toBe('broken');
  });

  it('pluginOf: the innermost named plugin, else plugins/<p>/ at the root, else none', () => {
    expect(pluginOf(index, 'plugins/gamma/agents/x.md')).toBe('gamma-tools');
    expect(pluginOf(index, 'plugins/delta/agents/x.md')).toBe('delta');
    expect(pluginOf(index, 'team/plugins/delta/agents/x.md')).toBeUndefined();
    expect(pluginOf(index, 'agents/x.md')).toBeUndefined();
  });

  it('a catalog that is itself a plugin (plugin.json at its root)', () => {
    const root = indexPlugins({ rootName: 'ui-design', manifests: [{ relPath: '.claude-plugin/plugin.json', text: '{}' }] });
    expect(pluginOf(root, 'agents/x.md')).toBe('ui-design');
  });
});

const agentIn = (name: string, extra: string): string => `---\nname: ${name}\ndescription: Finds bugs. Then more.\n${extra}---\nBody.\n`;

describe('selecting plugin agents: <plugin>:<name> and --plugin become picks', () => {
  const files = {
    'plugins/a/agents/debugger.md': agentIn('debugger', 'model: haiku\ntools: Read, Grep\n'),
    'plugins/b/agents/debugger.md': agentIn('debugger', 'model: opus\n'),
    'plugins/b/agents/tracer.md': agentIn('tracer', 'tools: []\n'),
    'i18n/ja/plugins/b/agents/debugger.md': agentIn('debugger', 'model: opus\n').replace('Finds bugs. Then more.', 'バグを見つけます。'),
  };
  const list = Object.entries(files).map(([relPath, t]) => ({ path: `/c/${relPath}`, relPath, parsed: parseAgent(t) }));

  it('parseSelector', () => {
    expect(['debugger', 'b:debugger', ':x', 'x:', 'a:b:c'].map(parseSelector)).toEqual([
      { name: 'debugger' },
      { plugin: 'b', name: 'debugger' },
      { name: ':x' },
      { name: 'x:' },
      { plugin: 'a', name: 'b:c' },
    ]);
  });

  it('b:debugger picks that plugin’s files (canonical and translations); an unknown one is reported with the nearest', () => {
    const scan = assembleSource({
      root: '/c',
      files: list,
      select: {
        agents: [
          { plugin: 'b', name: 'debugger' },
          { plugin: 'c', name: 'debugger' },
        ],
      },
    });
    expect(scan.selection).toEqual({
      names: ['debugger'],
      picks: ['i18n/ja/plugins/b/agents/debugger.md', 'plugins/b/agents/debugger.md'],
      unknown: [{ selector: 'c:debugger', suggestions: ['a:debugger', 'b:debugger', 'b:tracer'] }],
    });
    const agent = scan.catalog.agents.get('debugger');
    expect(agent?.plugin).toBe('b');
    expect([...(agent?.variants.values() ?? [])].map((v) => [v.locale, v.relPath, v.plugin])).toEqual([
      ['en', 'plugins/b/agents/debugger.md', 'b'],
      ['ja', 'i18n/ja/plugins/b/agents/debugger.md', 'b'],
    ]);
    expect(scan.conflicts).toEqual([]);
    // Negative control: without the selection, the bare name is a conflict between the two plugins.
    const bare = assembleSource({ root: '/c', files: list });
    expect(bare.conflicts).toEqual([{ name: 'debugger', paths: ['plugins/a/agents/debugger.md', 'plugins/b/agents/debugger.md'] }]);
    expect(bare.catalog.agents.has('debugger')).toBe(false);
  });

  it('--plugin b: every agent of b, by name', () => {
    const scan = assembleSource({ root: '/c', files: list, select: { agents: [], plugin: 'b' } });
    expect(scan.selection?.names).toEqual(['debugger', 'tracer']);
    expect([...scan.catalog.agents.values()].map((a) => [a.name, a.plugin])).toEqual([
      ['debugger', 'b'],
      ['tracer', 'b'],
    ]);
    const none = resolveSelection({ selection: { agents: [], plugin: 'zeta' }, files: [{ relPath: 'p', name: 'x', plugin: 'a', canonical: true }] });
    expect(none.unknown).toEqual([{ selector: 'zeta', suggestions: ['a'] }]);
  });

  it('a conflict describes each file: <plugin>:<name>, first sentence, model, tools', () => {
    const scan = assembleSource({ root: '/c', files: list });
    const conflict = scan.conflicts[0];
    if (!conflict) throw new Error('a conflict');
    expect(describeConflict({ scan, conflict }).candidates).toEqual([
      {
        path: 'plugins/a/agents/debugger.md',
        locale: 'en',
        plugin: 'a',
        select: 'a:debugger',
        description: 'Finds bugs.',
        model: 'haiku',
        tools: ['Read', 'Grep'],
      },
      { path: 'plugins/b/agents/debugger.md', locale: 'en', plugin: 'b', select: 'b:debugger', description: 'Finds bugs.', model: 'opus', tools: null },
    ]);
  });
});

describe('a conflict is only what the language asked for would clash on', () => {
  const en = '---\nname: reviewer\ndescription: Reviews.\n---\nYou review.\n';
  const ja = (text: string): string => `---\nname: reviewer\ndescription: ${text}\n---\nあなたはレビューします。\n`;
  const files = {
    'plugins/a/agents/reviewer.md': en,
    'plugins/b/agents/reviewer.md': en,
    'i18n/ja/plugins/a/agents/reviewer.md': ja('レビューします。'),
    'i18n/ja/plugins/b/agents/reviewer.md': ja('確認します。'),
  };
  const scan = assembleSource({ root: '/c', files: Object.entries(files).map(([relPath, t]) => ({ path: `/c/${relPath}`, relPath, parsed: parseAgent(t) })) });

  it('identical English in two plugins is one agent; their different Japanese translations conflict in ja only', () => {
    expect(scan.duplicates).toEqual([{ name: 'reviewer', kept: 'plugins/a/agents/reviewer.md', alsoAt: ['plugins/b/agents/reviewer.md'] }]);
    expect(scan.conflicts).toEqual([
      { name: 'reviewer', locale: 'ja', paths: ['i18n/ja/plugins/a/agents/reviewer.md', 'i18n/ja/plugins/b/agents/reviewer.md'] },
    ]);
    expect(conflictFor({ scan, agent: 'reviewer', locale: 'en' })).toBeUndefined();
    expect(conflictFor({ scan, agent: 'reviewer', locale: 'ja' })).toBeDefined();
    expect([...(scan.catalog.agents.get('reviewer')?.variants.keys() ?? [])]).toEqual(['en']);
  });
});

describe('firstSentence', () => {
  const cases: [string, string][] = [
    ['Finds bugs. Then fixes them.', 'Finds bugs.'],
    ['Use when a test fails.\\n\\n<example>…</example>', 'Use when a test fails.'],
    ['Coordinates the response\nto an incident.', 'Coordinates the response'],
    ['バグを見つけます。次に直します。', 'バグを見つけます。'],
    ['Version 1.2 of the tool. More.', 'Version 1.2 of the tool.'],
    ['No end', 'No end'],
    ['x'.repeat(200), `${'x'.repeat(159)}…`],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(firstSentence(text)).toBe(expected);
  });
});
