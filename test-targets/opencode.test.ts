import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { markdown, put } from './helpers/files.js';
import { probeOpencode } from './helpers/probes.js';
import { byName, clientOf, durations, freshPlace, removePlaces, summarise } from './helpers/run.js';

const program = clientOf('opencode');
const USER = join('.config', 'opencode', 'agents');
const PROJECT = join('.opencode', 'agents');
const GOOD = markdown(['description: Reviews pull requests for risky changes', 'mode: subagent']);

describe.skipIf(program === undefined).concurrent(`the real OpenCode ${program?.version ?? ''} loads agent files`, () => {
  afterAll(() => {
    removePlaces();
    process.stdout.write(`\n[test:targets] OpenCode ${program?.version}: ${summarise(durations)}\n`);
  });

  it('negative control: an empty home and project load no agent', async () => {
    const r = await probeOpencode(freshPlace('opencode'));
    expect(r.code).toBe(0);
    expect(r.agents).toEqual([]);
  });

  it('loads a user agent (~/.config/opencode/agents) with its file name and description', async () => {
    const place = freshPlace('opencode');
    put(place.home, join(USER, 'reviewer.md'), GOOD);
    const r = await probeOpencode(place);
    expect(r.agents).toEqual([{ name: 'reviewer', description: 'Reviews pull requests for risky changes' }]);
  });

  it('loads a project agent (.opencode/agents, and a subfolder as team/<name>) with a Japanese description intact', async () => {
    const place = freshPlace('opencode');
    put(
      place.project,
      join(PROJECT, 'reviewer.md'),
      markdown(['description: プルリクエストの危険な変更をレビューします', 'mode: subagent'], '変更点を読んで、直すべき点を報告します。'),
    );
    put(place.project, join(PROJECT, 'team', 'tester.md'), GOOD);
    const r = await probeOpencode(place);
    expect(byName(r.agents)).toEqual([
      { name: 'reviewer', description: 'プルリクエストの危険な変更をレビューします' },
      { name: 'team/tester', description: 'Reviews pull requests for risky changes' },
    ]);
  });

  it('takes the front-matter name over the file name', async () => {
    const place = freshPlace('opencode');
    put(place.project, join(PROJECT, 'file-name.md'), markdown(['name: other-name', 'description: Named in the file', 'mode: subagent']));
    const r = await probeOpencode(place);
    expect(r.agents.map((a) => a.name)).toEqual(['other-name']);
  });

  it('accepts a tools map of booleans, a permission map, a hex colour and a provider/model id', async () => {
    const place = freshPlace('opencode');
    put(
      place.project,
      join(PROJECT, 'reviewer.md'),
      markdown([
        'description: Reviews pull requests for risky changes',
        'mode: subagent',
        'model: anthropic/claude-sonnet-4-5',
        'color: "#1f6feb"',
        'tools:',
        '  write: false',
        'permission:',
        '  bash: deny',
      ]),
    );
    const r = await probeOpencode(place);
    expect(r.code).toBe(0);
    expect(r.agents).toEqual([{ name: 'reviewer', description: 'Reviews pull requests for risky changes' }]);
  });

  it.each([
    ['tools as a comma string (Claude style)', ['mode: subagent', 'tools: Read, Grep'], 'tools'],
    ['a Claude colour name', ['mode: subagent', 'color: blue'], 'color'],
    ['an unknown mode', ['mode: helper'], 'mode'],
  ])('negative control: %s makes the whole configuration invalid, the good agent next to it included', async (_label, lines, field) => {
    const place = freshPlace('opencode');
    put(place.project, join(PROJECT, 'good.md'), GOOD);
    const bad = put(place.project, join(PROJECT, 'bad.md'), markdown(['description: A broken file', ...lines]));
    const r = await probeOpencode(place);
    expect(r.code).toBe(1);
    expect(r.agents).toEqual([]);
    expect(r.problems.join('\n')).toContain(`Configuration is invalid at ${bad}`);
    expect(r.problems.join('\n')).toMatch(new RegExp(`\\b${field}\\b`));
  });

  it('negative control: .claude/agents, .agents/agents and a .txt file are not read', async () => {
    const place = freshPlace('opencode');
    put(place.project, join('.claude', 'agents', 'claude-one.md'), markdown(['name: claude-one', 'description: Claude format']));
    put(place.project, join('.agents', 'agents', 'neutral.md'), GOOD);
    put(place.project, join(PROJECT, 'notes.txt'), GOOD);
    const r = await probeOpencode(place);
    expect(r.code).toBe(0);
    expect(r.agents).toEqual([]);
  });

  it('loads a file with no mode and, silently, a file whose YAML is broken with no description', async () => {
    const place = freshPlace('opencode');
    put(place.project, join(PROJECT, 'no-mode.md'), markdown(['description: No mode given']));
    put(place.project, join(PROJECT, 'broken.md'), markdown(['description: "never closed', 'mode: subagent']));
    const r = await probeOpencode(place);
    expect(r.code).toBe(0);
    expect(byName(r.agents)).toEqual([
      { name: 'broken', description: '' },
      { name: 'no-mode', description: 'No mode given' },
    ]);
  });
});
