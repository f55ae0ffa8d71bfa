import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { markdown, put } from './helpers/files.js';
import { builtInAgents, probeQwen } from './helpers/probes.js';
import { byName, clientOf, durations, freshPlace, type ProbeResult, removePlaces, summarise } from './helpers/run.js';

const program = clientOf('qwen');
const AGENTS = join('.qwen', 'agents');

async function fileAgents(r: ProbeResult) {
  const skip = await builtInAgents('qwen', () => freshPlace('qwen'));
  return byName(r.agents.filter((a) => !skip.has(a.name)));
}

describe.skipIf(program === undefined).concurrent(`the real Qwen Code ${program?.version ?? ''} loads agent files`, () => {
  afterAll(() => {
    removePlaces();
    process.stdout.write(`\n[test:targets] Qwen Code ${program?.version}: ${summarise(durations)}\n`);
  });

  it('negative control: an empty home and project list only the built-in agents', async () => {
    const r = await probeQwen(freshPlace('qwen'));
    expect(r.agents.map((a) => a.name)).toEqual(expect.arrayContaining(['general-purpose']));
    expect(await fileAgents(r)).toEqual([]);
  });

  it('loads a user agent (~/.qwen/agents) and a project agent (.qwen/agents), by their name field; Claude keys are ignored', async () => {
    const place = freshPlace('qwen');
    put(
      place.home,
      join(AGENTS, 'reviewer.md'),
      markdown(['name: reviewer', 'description: Reviews pull requests for risky changes', 'tools: Read, Grep', 'color: blue']),
    );
    put(
      place.project,
      join(AGENTS, 'file-name.md'),
      markdown(['name: test_writer', 'description: テストを書いて実行します', 'tools:', '  - read_file', 'model: sonnet', 'maxTurns: 5']),
    );
    const r = await probeQwen(place);
    expect(await fileAgents(r)).toEqual([
      { name: 'reviewer', description: 'Reviews pull requests for risky changes' },
      { name: 'test_writer', description: 'テストを書いて実行します' },
    ]);
  });

  it('negative control: each known mistake is skipped with a logged reason while the good file next to them loads', async () => {
    const place = freshPlace('qwen');
    put(place.home, join(AGENTS, 'good.md'), markdown(['name: good', 'description: Reviews pull requests for risky changes']));
    const bad: Record<string, { text: string; reason: string }> = {
      'no-description': { text: markdown(['name: no-description']), reason: 'Missing "description" in frontmatter' },
      'no-name': { text: markdown(['description: Missing name']), reason: 'Missing "name" in frontmatter' },
      spaces: {
        text: markdown(['name: Backend Architect', 'description: Spaces in the name']),
        reason: 'Name can only contain letters, numbers, hyphens, and underscores',
      },
      'short-body': {
        text: markdown(['name: short-body', 'description: A nine-character body'], 'You help.'),
        reason: 'System prompt must be at least 10 characters long',
      },
    };
    for (const [file, { text }] of Object.entries(bad)) put(place.home, join(AGENTS, `${file}.md`), text);
    const r = await probeQwen(place);
    expect(await fileAgents(r)).toEqual([{ name: 'good', description: 'Reviews pull requests for risky changes' }]);
    for (const [file, { reason }] of Object.entries(bad)) {
      expect(
        r.problems.find((p) => p.includes(join(place.home, AGENTS, `${file}.md`))),
        file,
      ).toContain(reason);
    }
  });

  it('negative control: a subfolder of .qwen/agents and .claude/agents are not read', async () => {
    const place = freshPlace('qwen');
    put(place.project, join(AGENTS, 'team', 'reviewer.md'), markdown(['name: reviewer', 'description: In a subfolder']));
    put(place.project, join('.claude', 'agents', 'claude-one.md'), markdown(['name: claude-one', 'description: Claude folder']));
    expect(await fileAgents(await probeQwen(place))).toEqual([]);
  });
});
