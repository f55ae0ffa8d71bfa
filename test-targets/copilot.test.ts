import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { markdown, put } from './helpers/files.js';
import { builtInAgents, probeCopilot } from './helpers/probes.js';
import { byName, clientOf, durations, freshPlace, type ProbeResult, removePlaces, summarise } from './helpers/run.js';

const program = clientOf('copilot');
const USER = join('.copilot', 'agents');
const PROJECT = join('.github', 'agents');

async function fileAgents(r: ProbeResult) {
  const skip = await builtInAgents('copilot', () => freshPlace('copilot'));
  return byName(r.agents.filter((a) => !skip.has(a.name)));
}

describe.skipIf(program === undefined).concurrent(`the real GitHub Copilot CLI ${program?.version ?? ''} loads agent files`, () => {
  afterAll(() => {
    removePlaces();
    process.stdout.write(`\n[test:targets] Copilot CLI ${program?.version}: ${summarise(durations)}\n`);
  });

  it('negative control: an empty home and project list only the built-in agents', async () => {
    const r = await probeCopilot(freshPlace('copilot'));
    expect(r.agents.map((a) => a.name)).toEqual(expect.arrayContaining(['explore', 'general-purpose']));
    expect(await fileAgents(r)).toEqual([]);
  });

  it('loads ~/.copilot/agents and .github/agents (*.agent.md, *.md, subfolders): the id is the name field, else the path with -- for /', async () => {
    const place = freshPlace('copilot');
    put(place.home, join(USER, 'reviewer.agent.md'), markdown(['description: Reviews pull requests for risky changes']));
    put(
      place.project,
      join(PROJECT, 'file-name.agent.md'),
      markdown(['name: tester', 'description: テストを書いて実行します', 'tools: ["read", "search", "execute"]']),
    );
    put(place.project, join(PROJECT, 'team', 'planner.md'), markdown(['description: Plans the work', 'tools: Read, Grep', 'model: sonnet']));
    const r = await probeCopilot(place);
    expect(await fileAgents(r)).toEqual([
      { name: 'reviewer', description: 'Reviews pull requests for risky changes' },
      { name: 'team--planner', description: 'Plans the work' },
      { name: 'tester', description: 'テストを書いて実行します' },
    ]);
  });

  it("reads a project's .claude/agents in Claude's own format, but not ~/.claude/agents nor .agents/agents", async () => {
    const place = freshPlace('copilot');
    put(
      place.project,
      join('.claude', 'agents', 'reviewer.md'),
      markdown(['name: reviewer', 'description: Claude format, project', 'tools: Read, Grep, Bash']),
    );
    put(place.home, join('.claude', 'agents', 'home-agent.md'), markdown(['name: home-agent', 'description: Claude format, user']));
    put(place.project, join('.agents', 'agents', 'neutral.md'), markdown(['name: neutral', 'description: Neutral folder']));
    const r = await probeCopilot(place);
    expect(await fileAgents(r)).toEqual([{ name: 'reviewer', description: 'Claude format, project' }]);
  });

  it('negative control: no description and invalid YAML are rejected with a logged reason; an unknown key only warns', async () => {
    const place = freshPlace('copilot');
    put(place.project, join(PROJECT, 'good.agent.md'), markdown(['description: Reviews pull requests for risky changes', 'color: blue']));
    put(place.project, join(PROJECT, 'no-description.agent.md'), markdown(['name: no-description']));
    put(place.project, join(PROJECT, 'colon.agent.md'), markdown(['name: colon', 'description: Use when: reviewing']));
    put(place.project, join(PROJECT, 'banner.agent.md'), `Banner\n${markdown(['name: banner', 'description: Banner first'])}`);
    const r = await probeCopilot(place);
    expect(await fileAgents(r)).toEqual([{ name: 'good', description: 'Reviews pull requests for risky changes' }]);
    const about = (file: string) => r.problems.filter((p) => p.includes(`${PROJECT}/${file}`)).join('\n');
    expect(about('no-description.agent.md')).toContain('description: Required');
    expect(about('colon.agent.md')).toContain('failed to parse YAML frontmatter');
    expect(about('banner.agent.md')).toContain('missing or malformed YAML frontmatter');
    expect(about('good.agent.md')).toContain('unknown field ignored: color');
  });
});
