import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { put } from './helpers/files.js';
import { probeCodex } from './helpers/probes.js';
import { byName, clientOf, durations, freshPlace, type ProbeResult, removePlaces, summarise } from './helpers/run.js';

const program = clientOf('codex');
const USER = join('.codex', 'agents');
const PROJECT = join('.codex', 'agents');

/** A Codex agent file: TOML lines. */
function toml(lines: readonly string[]): string {
  return `${lines.join('\n')}\n`;
}

const good = (name: string, description = 'Reviews pull requests for risky changes') =>
  toml([
    `name = ${JSON.stringify(name)}`,
    `description = ${JSON.stringify(description)}`,
    'developer_instructions = """',
    'You review the code you are given.',
    '"""',
  ]);

let builtIns: Promise<Set<string>> | undefined;

/**
 * Codex lists its built-in roles only next to a custom one: they are what a home with one sentinel agent lists
 * besides it, probed once per test file.
 */
function builtInRoles(): Promise<Set<string>> {
  builtIns ??= (async () => {
    const place = freshPlace('codex');
    put(place.home, join(USER, 'sentinel.toml'), good('agentpack-sentinel'));
    const r = await probeCodex(place);
    if (!r.agents.some((a) => a.name === 'agentpack-sentinel')) throw new Error('the sentinel agent did not load');
    return new Set(r.agents.map((a) => a.name).filter((n) => n !== 'agentpack-sentinel'));
  })();
  return builtIns;
}

async function fileAgents(r: ProbeResult) {
  const skip = await builtInRoles();
  return byName(r.agents.filter((a) => !skip.has(a.name)));
}

describe.skipIf(program === undefined).concurrent(`the real Codex CLI ${program?.version ?? ''} loads agent files`, () => {
  afterAll(() => {
    removePlaces();
    process.stdout.write(`\n[test:targets] Codex ${program?.version}: ${summarise(durations)}\n`);
  });

  it('negative control: an empty home and project list only the built-in roles', async () => {
    const r = await probeCodex(freshPlace('codex'));
    expect(r.code).toBe(0);
    expect(r.agents).toEqual([]);
    expect(await builtInRoles()).toEqual(new Set(['default', 'explorer', 'worker']));
  });

  it('loads a user agent ($CODEX_HOME/agents) and a project agent (.codex/agents of a trusted project), by their name field', async () => {
    const place = freshPlace('codex');
    put(place.home, join(USER, 'reviewer.toml'), good('reviewer'));
    put(place.project, join(PROJECT, 'file-name.toml'), good('tester', 'テストを書いて実行します'));
    const r = await probeCodex(place);
    expect(r.code).toBe(0);
    expect(await fileAgents(r)).toEqual([
      { name: 'reviewer', description: 'Reviews pull requests for risky changes' },
      { name: 'tester', description: 'テストを書いて実行します' },
    ]);
    expect(r.agents.map((a) => a.name)).toEqual(expect.arrayContaining(['default', 'explorer', 'worker']));
  });

  it('negative control: the project agents of an untrusted project are not loaded', async () => {
    const place = freshPlace('codex');
    put(place.project, join(PROJECT, 'reviewer.toml'), good('reviewer'));
    const r = await probeCodex(place, { trustProject: false });
    expect(await fileAgents(r)).toEqual([]);
  });

  it('loads sandbox_mode "read-only", a multi-line description and a subfolder; a model is shown as a line of the description', async () => {
    const place = freshPlace('codex');
    put(place.project, join(PROJECT, 'reader.toml'), `${good('reader')}sandbox_mode = "read-only"\n`);
    put(place.project, join(PROJECT, 'team', 'lines.toml'), good('lines', 'Line one\nLine two'));
    put(place.project, join(PROJECT, 'modelled.toml'), `${good('modelled')}model = "gpt-5.5"\n`);
    const r = await probeCodex(place);
    expect(await fileAgents(r)).toEqual([
      { name: 'lines', description: 'Line one\nLine two' },
      { name: 'modelled', description: "Reviews pull requests for risky changes\n- This role's model is set to `gpt-5.5` and cannot be changed." },
      { name: 'reader', description: 'Reviews pull requests for risky changes' },
    ]);
  });

  it('negative control: each known mistake is skipped silently while the good file next to them loads', async () => {
    const place = freshPlace('codex');
    put(place.project, join(PROJECT, 'good.toml'), good('good'));
    const bad: Record<string, string> = {
      'no-instructions': toml(['name = "no-instructions"', 'description = "Missing developer_instructions"']),
      'prompt-key': toml(['name = "prompt-key"', 'description = "Body under prompt"', 'prompt = "You review code."']),
      'no-description': toml(['name = "no-description"', 'developer_instructions = "You review code."']),
      'empty-description': toml(['name = "empty-description"', 'description = ""', 'developer_instructions = "You review code."']),
      'no-name': toml(['description = "Missing name"', 'developer_instructions = "You review code."']),
      color: `${good('color')}color = "blue"\n`,
      tools: `${good('tools')}tools = ["Read", "Grep"]\n`,
      'bad-sandbox': `${good('bad-sandbox')}sandbox_mode = "readonly"\n`,
      'bad-toml': toml(['name = "bad-toml"', 'description = "never closed', 'developer_instructions = "You review code."']),
    };
    for (const [file, text] of Object.entries(bad)) put(place.project, join(PROJECT, `${file}.toml`), text);
    put(place.project, join(PROJECT, 'markdown.md'), '---\nname: markdown\ndescription: Claude format\n---\nYou review code.\n');
    const r = await probeCodex(place);
    expect(r.code).toBe(0);
    expect(await fileAgents(r)).toEqual([{ name: 'good', description: 'Reviews pull requests for risky changes' }]);
  });

  it('negative control: .agents/agents is not read', async () => {
    const place = freshPlace('codex');
    put(place.project, join('.agents', 'agents', 'neutral.toml'), good('neutral'));
    expect(await fileAgents(await probeCodex(place))).toEqual([]);
  });
});
