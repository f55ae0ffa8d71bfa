import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { markdown, put } from './helpers/files.js';
import { builtInAgents, probeGemini } from './helpers/probes.js';
import { byName, clientOf, durations, freshPlace, type ProbeResult, removePlaces, summarise } from './helpers/run.js';

const program = clientOf('gemini');
const AGENTS = join('.gemini', 'agents');

async function fileAgents(r: ProbeResult) {
  const skip = await builtInAgents('gemini', () => freshPlace('gemini'));
  return byName(r.agents.filter((a) => !skip.has(a.name)));
}

describe.skipIf(program === undefined).concurrent(`the real Gemini CLI ${program?.version ?? ''} loads agent files`, () => {
  afterAll(() => {
    removePlaces();
    process.stdout.write(`\n[test:targets] Gemini CLI ${program?.version}: ${summarise(durations)}\n`);
  });

  it('negative control: an empty home and project list only the built-in agents', async () => {
    const r = await probeGemini(freshPlace('gemini'));
    expect(r.agents.map((a) => a.name)).toEqual(expect.arrayContaining(['codebase_investigator', 'generalist']));
    expect(await fileAgents(r)).toEqual([]);
    expect(r.problems).toEqual([]);
  });

  it('loads a user agent (~/.gemini/agents) and an acknowledged project agent (.gemini/agents), by their name field', async () => {
    const place = freshPlace('gemini');
    put(place.home, join(AGENTS, 'reviewer.md'), markdown(['name: reviewer', 'description: Reviews pull requests for risky changes']));
    put(
      place.project,
      join(AGENTS, 'file-name.md'),
      markdown(['name: test_writer', 'description: テストを書いて実行します', 'kind: local', 'max_turns: 5', 'tools:', '  - read_file', '  - grep_search']),
    );
    const r = await probeGemini(place);
    expect(await fileAgents(r)).toEqual([
      { name: 'reviewer', description: 'Reviews pull requests for risky changes' },
      { name: 'test_writer', description: 'テストを書いて実行します' },
    ]);
    expect(r.problems).toEqual([]);
  });

  it('negative control: a project agent nobody acknowledged is not loaded, nor one in a subfolder', async () => {
    const place = freshPlace('gemini');
    put(place.project, join(AGENTS, 'reviewer.md'), markdown(['name: reviewer', 'description: Reviews pull requests for risky changes']));
    expect(await fileAgents(await probeGemini(place, { acknowledge: false }))).toEqual([]);
    const nested = freshPlace('gemini');
    put(nested.home, join(AGENTS, 'team', 'reviewer.md'), markdown(['name: reviewer', 'description: Reviews pull requests for risky changes']));
    expect(await fileAgents(await probeGemini(nested))).toEqual([]);
  });

  it('negative control: each known mistake is rejected with its reason while the good file next to them loads', async () => {
    const place = freshPlace('gemini');
    put(place.home, join(AGENTS, 'good.md'), markdown(['name: good', 'description: Reviews pull requests for risky changes']));
    const bad: Record<string, { lines: string[]; reason: string }> = {
      'no-description': { lines: ['name: no-description'], reason: 'description: Required' },
      'no-name': { lines: ['description: Missing name'], reason: 'name: Required' },
      'tools-string': {
        lines: ['name: tools-string', 'description: Tools as a string', 'tools: read_file, grep_search'],
        reason: 'tools: Expected array, received string',
      },
      'claude-tools': { lines: ['name: claude-tools', 'description: Claude tool names', 'tools:', '  - Read'], reason: 'tools.0: Invalid tool name' },
      color: { lines: ['name: color', 'description: Has a colour', 'color: blue'], reason: "Unrecognized key(s) in object: 'color'" },
      'max-turns': { lines: ['name: max-turns', 'description: Claude key', 'maxTurns: 5'], reason: "Unrecognized key(s) in object: 'maxTurns'" },
      spaces: { lines: ['name: Backend Architect', 'description: Not a slug'], reason: 'Name must be a valid slug' },
      colon: { lines: ['name: colon', 'description: Use when: reviewing'], reason: 'YAML frontmatter parsing failed' },
    };
    for (const [file, { lines }] of Object.entries(bad)) put(place.home, join(AGENTS, `${file}.md`), markdown(lines));
    put(place.home, join(AGENTS, 'banner.md'), `Banner\n${markdown(['name: banner', 'description: Banner first'])}`);
    const r = await probeGemini(place);
    expect(await fileAgents(r)).toEqual([{ name: 'good', description: 'Reviews pull requests for risky changes' }]);
    for (const [file, { reason }] of Object.entries(bad)) {
      const message = r.problems.find((p) => p.includes(join(place.home, AGENTS, `${file}.md`)));
      expect(message, file).toContain(reason);
    }
    expect(r.problems.find((p) => p.includes('banner.md'))).toContain('Missing mandatory YAML frontmatter');
  });
});
