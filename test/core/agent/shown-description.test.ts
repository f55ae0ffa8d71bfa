import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAgent } from '../../../src/core/agent/parse.js';
import { renderAgent } from '../../../src/core/agent/render.js';
import { renderVariant } from '../../../src/core/catalog/lookup.js';
import { compareWithClaude } from '../../../src/core/claude/compare.js';
import { summarizeAgent, summaryOfScan } from '../../../src/core/plan/folder-renders.js';
import { catalogOf } from '../../helpers/catalog.js';
import { ROOT } from '../../helpers/cli.js';

const file = (description: string): string => `---\nname: t-agent\n${description}\n---\n\nBody.\n`;

/**
 * Front-matter → what Claude Code 2.1.332 listed for it (probed by hand while writing this, and kept true for
 * installed files by test-claude/description.test.ts).
 */
const SHOWN: [string, string, string][] = [
  ['plain scalar with a literal \\n', 'description: a\\nb', 'a\nb'],
  ["'single' with a literal \\n", "description: 'a\\nb'", 'a\nb'],
  ['"double" with an escaped backslash before n', 'description: "a\\\\nb"', 'a\nb'],
  ['"double" with \\n escapes', 'description: "a\\nb\\n"', 'a\nb\n'],
  ['| block (final newline kept)', 'description: |\n  a\n  b', 'a\nb\n'],
  ['| block holding a literal \\n', 'description: |\n  a\\nb\n  c', 'a\nb\nc\n'],
  ['|- block', 'description: |-\n  a\n  b', 'a\nb'],
  ['|+ block', 'description: |+\n  a\n  b\n\n', 'a\nb\n\n\n'],
  ['> folded', 'description: >\n  a\n  b', 'a b\n'],
  ['>- folded', 'description: >-\n  a\n  b', 'a b'],
  ['quoted with blanks around', 'description: "  a  "', '  a  '],
  ['plain over several lines', 'description: a\n  b\n\n  c', 'a b\nc'],
];

describe('the description as Claude Code shows it', () => {
  it.each(SHOWN)('%s: parseAgent keeps it as shownDescription, trimmed only in spec', (_label, yaml, shown) => {
    const parsed = parseAgent(file(yaml));
    expect(parsed.shownDescription).toBe(shown);
    expect(parsed.spec?.description).toBe(parsed.data?.['description'] === undefined ? undefined : String(parsed.data['description']).trim());
  });

  it.each(SHOWN)('%s: the render of the variant reads back to the same shown description', (_label, yaml, shown) => {
    const catalog = catalogOf({ 'agents/t-agent.md': file(yaml) });
    const variant = catalog.agents.get('t-agent')?.variants.get('en');
    if (!variant) throw new Error('no variant');
    const rendered = renderVariant(variant);
    expect(parseAgent(rendered).shownDescription).toBe(shown);
    // A newline is written as an escape in a double-quoted scalar: the front-matter keeps one line per field.
    expect(rendered.split('\n').filter((l) => l.startsWith('description: '))).toHaveLength(1);
    // Rendering the render again changes nothing.
    const again = parseAgent(rendered);
    expect(renderAgent({ spec: again.spec!, body: again.body, description: again.shownDescription })).toBe(rendered);
  });

  it('the render of a block keeps its final newline; the render from spec alone (the old one) did not', () => {
    const parsed = parseAgent(file('description: |\n  Coordinates the response.\n  Keeps a timeline.'));
    const kept = renderAgent({ spec: parsed.spec!, body: parsed.body, description: parsed.shownDescription });
    expect(kept).toContain('description: "Coordinates the response.\\nKeeps a timeline.\\n"\n');
    expect(renderAgent({ spec: parsed.spec!, body: parsed.body })).toContain('description: "Coordinates the response.\\nKeeps a timeline."\n');
  });

  it("the package's own agents render byte for byte as from spec alone (plain one-line descriptions)", () => {
    for (const rel of ['agents/ml-engineer.md', 'locales/ja/agents/ml-engineer.md']) {
      const parsed = parseAgent(readFileSync(join(ROOT, rel), 'utf8'));
      expect(parsed.shownDescription).toBe(parsed.spec?.description);
      expect(renderAgent({ spec: parsed.spec!, body: parsed.body, description: parsed.shownDescription })).toBe(
        renderAgent({ spec: parsed.spec!, body: parsed.body }),
      );
    }
  });

  it('a file whose description is not a string has none', () => {
    expect(parseAgent(file('description: 42')).shownDescription).toBeUndefined();
    expect(parseAgent(file('model: sonnet')).shownDescription).toBeUndefined();
  });

  it('summaries (list, the recorded scan) give the shown description', () => {
    const catalog = catalogOf({ 'agents/t-agent.md': file('description: |\n  a\\nb'), 'locales/ja/agents/t-agent.md': file('description: >\n  あ\n  い') });
    const agent = catalog.agents.get('t-agent');
    if (!agent) throw new Error('no agent');
    expect(summarizeAgent(agent)).toEqual({ description: 'a\nb\n', descriptions: { en: 'a\nb\n', ja: 'あ い\n' } });
  });

  it('a scan recorded with YAML values (an older agentpack) is shown with its literal \\n as a newline', () => {
    const scan = { fingerprint: 'f', locales: ['en'], renders: {}, descriptions: { en: 'Use it.\\n\\n<example>x</example>' } };
    expect(summaryOfScan(scan)).toEqual({ description: 'Use it.\n\n<example>x</example>', descriptions: { en: 'Use it.\n\n<example>x</example>' } });
  });

  it('compareWithClaude matches the listed description byte for byte with the one given', () => {
    const installed = [
      { name: 't-agent', scope: 'user' as const, path: '/a/t-agent.md', description: parseAgent(file('description: |\n  a')).shownDescription },
    ];
    const [matching] = compareWithClaude({ installed, listed: [{ name: 't-agent', description: 'a\n' }] });
    expect(matching?.descriptionMatches).toBe(true);
    const [trimmed] = compareWithClaude({ installed, listed: [{ name: 't-agent', description: 'a' }] });
    expect(trimmed?.descriptionMatches).toBe(false);
  });
});
