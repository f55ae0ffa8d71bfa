import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAgent } from '../src/core/agent/parse.js';
import { renderAgent } from '../src/core/agent/render.js';
import { claudeDescription } from '../src/core/claude/rules.js';
import type { ClaudeAgent } from '../src/io/claude/probe.js';
import { isolatedEnv, ROOT, runCli, tempDir } from '../test/helpers/cli.js';
import { askClaude, builtInAgents, claudeBin, fileAgents } from './helpers/ask-claude.js';

/**
 * Descriptions whose YAML value is not what Claude Code shows: installed with agentpack, the real Claude Code
 * must list each with claudeDescription() of the original file, and `status --claude` must say so.
 */
const MARKETPLACE = join(ROOT, 'test', 'fixtures', 'catalogs', 'marketplace', 'plugins');
const agent = (name: string, description: string): string => `---\nname: ${name}\n${description}\n---\n\nYou are ${name}.\n`;
const FILES: Record<string, string> = {
  // A plain scalar with a literal two-character `\n`, and a `|` block (its value ends with a newline).
  'flaky-test-hunter.md': readFileSync(join(MARKETPLACE, 'error-triage', 'agents', 'flaky-test-hunter.md'), 'utf8'),
  'incident-commander.md': readFileSync(join(MARKETPLACE, 'incident-response', 'agents', 'incident-commander.md'), 'utf8'),
  'folded-keeper.md': agent('folded-keeper', 'description: >\n  Folds its lines\n  into one.'),
  'folded-stripper.md': agent('folded-stripper', 'description: >-\n  Folds its lines\n  into one, no final newline.'),
  'block-keeper.md': agent('block-keeper', 'description: |+\n  Keeps every\n  final newline.\n'),
  'spaced-quote.md': agent('spaced-quote', "description: '  Spaced out.\\n  Two lines. '"),
};
const NAMES = Object.keys(FILES).map((f) => f.replace(/\.md$/, ''));

/** What Claude Code must show for a file: claudeDescription() of its YAML value. */
function expectedOf(file: string): string {
  const raw = parseAgent(FILES[file] ?? '').data?.['description'];
  if (typeof raw !== 'string') throw new Error(`no description in ${file}`);
  return claudeDescription(raw);
}

interface ClaudeView {
  name: string;
  scope: string;
  seen: boolean;
  descriptionMatches: boolean;
}

async function statusClaude(options: { env: Record<string, string>; cwd: string }): Promise<ClaudeView[]> {
  const r = await runCli(['status', '--claude-bin', claudeBin, '--json'], { ...options, timeoutMs: 90_000 });
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { claude: { agents: ClaudeView[] } }).claude.agents;
}

describe.skipIf(claudeBin === '')('descriptions as the real Claude Code shows them', { timeout: 180_000 }, () => {
  const catalog = tempDir('agentpack-claude-descriptions-');
  const { env, home } = isolatedEnv();
  let listed: ClaudeAgent[] = [];

  beforeAll(async () => {
    for (const [file, text] of Object.entries(FILES)) writeFileSync(join(catalog, file), text);
    await builtInAgents();
    const r = await runCli(['install', ...NAMES, '--from', catalog], { env, cwd: home });
    expect(r.code, r.stderr).toBe(0);
    listed = await fileAgents(await askClaude({ home }));
  });

  it('every file differs between its YAML value (trimmed, as validated) and what Claude Code shows, but one', () => {
    // Otherwise the cases would not test the rule: `>-` is the control that needs none.
    const differing = Object.keys(FILES).filter((f) => parseAgent(FILES[f] ?? '').spec?.description !== expectedOf(f));
    expect(differing.sort()).toEqual(
      Object.keys(FILES)
        .filter((f) => f !== 'folded-stripper.md')
        .sort(),
    );
  });

  it.each(Object.keys(FILES))('%s, installed, is listed with claudeDescription() of the original', (file) => {
    const name = file.replace(/\.md$/, '');
    const shown = listed.find((a) => a.name === name);
    expect(shown, `${name} listed`).toBeDefined();
    expect(shown?.description).toBe(expectedOf(file));
    // agentpack reads the installed file the same way.
    expect(parseAgent(readFileSync(join(home, '.claude', 'agents', file), 'utf8')).shownDescription).toBe(expectedOf(file));
  });

  it('status --claude --json says descriptionMatches: true for each', async () => {
    const agents = await statusClaude({ env, cwd: home });
    expect(agents.map((a) => [a.name, a.seen, a.descriptionMatches])).toEqual([...NAMES].sort().map((n) => [n, true, true]));
  });

  it('negative control: the render that trims the description makes Claude Code show another one', async () => {
    const old = tempDir('agentpack-claude-trimmed-');
    const agents = join(old, '.claude', 'agents');
    mkdirSync(agents, { recursive: true });
    const parsed = parseAgent(FILES['incident-commander.md'] ?? '');
    writeFileSync(join(agents, 'incident-commander.md'), renderAgent({ spec: parsed.spec!, body: parsed.body }));
    const shown = (await fileAgents(await askClaude({ home: old }))).find((a) => a.name === 'incident-commander');
    expect(shown?.description).toBe(expectedOf('incident-commander.md').trimEnd());
    expect(shown?.description).not.toBe(expectedOf('incident-commander.md'));
  });

  it('negative control: a project copy edited to another description wins, and the user one no longer matches', async () => {
    const project = tempDir('agentpack-claude-project-');
    mkdirSync(join(project, '.git'));
    const r = await runCli(['install', 'incident-commander', '--project', '--from', catalog], { env, cwd: project });
    expect(r.code, r.stderr).toBe(0);
    const file = join(project, '.claude', 'agents', 'incident-commander.md');
    expect(await statusClaude({ env, cwd: project })).toContainEqual({
      name: 'incident-commander',
      scope: 'user',
      path: join(home, '.claude', 'agents', 'incident-commander.md'),
      seen: true,
      descriptionMatches: true,
    });
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^description: .*$/m, 'description: "Another description.\\n"'));
    const agents = await statusClaude({ env, cwd: project });
    const entry = (scope: string): ClaudeView | undefined => agents.find((a) => a.name === 'incident-commander' && a.scope === scope);
    expect(entry('user')).toMatchObject({ seen: true, descriptionMatches: false });
    // The edited file itself is what Claude Code shows: it matches.
    expect(entry('project')).toMatchObject({ seen: true, descriptionMatches: true });
  });
});
