import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claudeDescription } from '../src/core/claude/rules.js';
import { loadAgent } from '../src/io/read-agent.js';
import type { ClaudeAgent } from '../src/io/claude/probe.js';
import { isolatedEnv, runCli } from '../test/helpers/cli.js';
import { CASES, type AgreementCase } from './agreement-cases.js';
import { askClaude, builtInAgents, claudeBin, claudeVersion, durations, fileAgents, freshHome, pool, summarise } from './helpers/ask-claude.js';

interface Outcome {
  row: AgreementCase;
  listed: ClaudeAgent[];
  loadableAsIs: boolean[];
  /** Our reading of the description, as Claude Code would show it (first file), when we have one. */
  ourDescription: string | undefined;
}

const outcomes = new Map<string, Outcome>();

interface Prepared {
  row: AgreementCase;
  home: string;
  paths: string[];
}

/** Put the row's files alone in a fresh user agents folder. */
function prepare(row: AgreementCase): Prepared {
  const { home, agents } = freshHome();
  const paths = Object.entries(row.files).map(([rel, content]) => {
    const path = join(agents, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    return path;
  });
  return { row, home, paths };
}

/** `agentpack validate --json` (the built binary) on every file at once: loadableAsIs by path. */
async function validateAll(paths: string[]): Promise<Map<string, boolean>> {
  const r = await runCli(['validate', '--json', ...paths], { env: isolatedEnv().env, timeoutMs: 60_000 });
  expect(r.stderr).toBe('');
  const report = JSON.parse(r.stdout) as { files: Array<{ path: string; loadableAsIs: boolean }> };
  expect(report.files).toHaveLength(paths.length);
  // Reported in the order given, with paths relative to the working directory.
  return new Map(
    paths.map((path, i) => {
      const file = report.files[i];
      expect(file && path.endsWith(file.path.replace(/^(\.\.\/)+/, ''))).toBe(true);
      return [path, file?.loadableAsIs ?? false];
    }),
  );
}

/** Ask Claude Code about one prepared row. */
async function check(options: { prepared: Prepared; loadable: Map<string, boolean> }): Promise<Outcome> {
  const { row, home, paths } = options.prepared;
  const listed = await fileAgents(await askClaude({ home }));
  const loadableAsIs = paths.map((p) => options.loadable.get(p) ?? false);
  const raw = (await loadAgent(paths[0] ?? '')).data?.['description'];
  return { row, listed, loadableAsIs, ourDescription: typeof raw === 'string' ? claudeDescription(raw) : undefined };
}

function printTable(): void {
  const lines = [
    `Agreement between agentpack validate and Claude Code ${claudeVersion} (${outcomes.size} files; ${summarise(durations)})`,
    '',
    '| # | file | Claude Code lists it | agentpack loadableAsIs | agree | note |',
    '|---|---|---|---|---|---|',
  ];
  CASES.forEach((row, index) => {
    const o = outcomes.get(row.id);
    if (!o) return;
    const ours = o.loadableAsIs.every(Boolean);
    const listed = o.listed.length > 0;
    const agree = ours === listed ? 'yes' : row.difference ? 'no (deliberate)' : 'NO';
    const shown = listed ? ` as ${JSON.stringify(o.listed.map((a) => a.description).join(' | ')).slice(0, 40)}` : '';
    lines.push(`| ${index + 1} | ${row.id} | ${listed ? 'yes' : 'no'}${shown} | ${o.loadableAsIs.join(', ')} | ${agree} | ${row.difference ?? ''} |`);
  });
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}

describe.skipIf(claudeBin === '')('agentpack validate agrees with the real Claude Code', () => {
  beforeAll(async () => {
    await builtInAgents();
    const prepared = CASES.map(prepare);
    const loadable = await validateAll(prepared.flatMap((p) => p.paths));
    const results = await pool({ items: prepared, limit: 2, work: (p) => check({ prepared: p, loadable }) });
    for (const o of results) outcomes.set(o.row.id, o);
  });
  afterAll(printTable);

  it('has at least 15 hand-made files, each with a distinct label', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(15);
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
  });

  it.each(CASES.map((row) => [row.id, row] as const))('%s', (_id, row) => {
    const o = outcomes.get(row.id);
    expect(o, 'probed').toBeDefined();
    if (!o) return;
    // What Claude Code does with the file (a change here means Claude Code changed: re-check the rules).
    expect(o.listed.length > 0, 'Claude Code lists it').toBe(row.claude);
    if (row.claude) expect(o.listed).toHaveLength(1);
    // What agentpack says: the same, unless a deliberate difference is documented.
    const expected = row.difference ? !row.claude : row.claude;
    for (const loadable of o.loadableAsIs) expect(loadable, 'agentpack loadableAsIs').toBe(expected);
    if (row.description !== undefined) expect(o.listed[0]?.description).toBe(row.description);
    // When both read the file, they read the same description.
    if (row.claude && Object.keys(row.files).length === 1 && o.ourDescription !== undefined) {
      expect(o.listed[0]?.description, 'description as agentpack reads it').toBe(o.ourDescription);
    }
  });
});
