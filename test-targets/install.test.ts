import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isolatedEnv, runCli } from '../test/helpers/cli.js';
import { packageDescription } from '../test-claude/helpers/package-agent.js';
import type { Client } from './helpers/pinned.js';
import { builtInAgents, PROBES } from './helpers/probes.js';
import { clientOf, durations, freshPlace, type Place, removePlaces, summarise } from './helpers/run.js';

const TOOLS = (['opencode', 'codex', 'gemini', 'copilot', 'qwen'] as const).filter((tool) => clientOf(tool) !== undefined);
/** Where agentpack installs for each tool in the user scope (the clients' defaults, with no variable set). */
const USER_FOLDER: Record<Client, string[]> = {
  opencode: ['.config', 'opencode', 'agents'],
  codex: ['.codex', 'agents'],
  gemini: ['.gemini', 'agents'],
  copilot: ['.copilot', 'agents'],
  qwen: ['.qwen', 'agents'],
};
const CASES = TOOLS.flatMap((tool) => (['user', 'project'] as const).flatMap((scope) => (['en', 'ja'] as const).map((locale) => ({ tool, scope, locale }))));

/** agentpack's environment for a place: its home, nothing else of the machine. */
function envOf(place: Place): Record<string, string> {
  return isolatedEnv({ HOME: place.home, USERPROFILE: place.home, TMPDIR: join(place.home, 'tmp') }).env;
}

async function install(place: Place, tool: Client, scope: 'user' | 'project', locale: 'en' | 'ja'): Promise<void> {
  const args = ['install', 'ml-engineer', '--target', tool, ...(scope === 'project' ? ['--project'] : []), ...(locale === 'ja' ? ['--locale', 'ja'] : [])];
  const r = await runCli(args, { env: envOf(place), cwd: place.project });
  expect(r.code, r.stderr).toBe(0);
}

/** The ml-engineer the client lists, with Codex's own lines about a role's model kept apart. */
async function mlEngineer(tool: Client, place: Place) {
  const skip = await builtInAgents(tool, () => freshPlace(tool));
  const r = await PROBES[tool](place);
  const found = r.agents.filter((a) => a.name === 'ml-engineer' && !skip.has(a.name));
  return { found, problems: r.problems };
}

describe.skipIf(TOOLS.length === 0).concurrent('agentpack install ml-engineer --target <tool>: the real client loads it with the package description', () => {
  afterAll(() => {
    removePlaces();
    process.stdout.write(`\n[test:targets] install --target: ${summarise(durations)}\n`);
  });

  it.each(TOOLS)('negative control (%s): a fresh home and project list no ml-engineer', async (tool) => {
    expect((await mlEngineer(tool, freshPlace(tool))).found).toEqual([]);
  });

  it.each(CASES)('$tool, $scope scope, $locale', async ({ tool, scope, locale }) => {
    const place = freshPlace(tool);
    await install(place, tool, scope, locale);
    const { found, problems } = await mlEngineer(tool, place);
    expect(found, problems.join('\n')).toHaveLength(1);
    const description = found[0]?.description ?? '';
    // Codex adds a line of its own about a pinned model under the description.
    const shown = tool === 'codex' ? description.replace(/\n- This role's model is set to `[^`]+` and cannot be changed\.$/, '') : description;
    expect(shown).toBe(packageDescription(locale));
    expect(problems.filter((p) => p.includes('ml-engineer'))).toEqual([]);
  });

  it.each(TOOLS)('%s: locale ja --target switches the installed agent and locale en back, as the client shows; after uninstall it lists none', async (tool) => {
    const place = freshPlace(tool);
    await install(place, tool, 'user', 'en');
    const env = envOf(place);
    for (const locale of ['ja', 'en'] as const) {
      const r = await runCli(['locale', locale, 'ml-engineer', '--target', tool], { env, cwd: place.project });
      expect(r.code, r.stderr).toBe(0);
      const { found } = await mlEngineer(tool, place);
      expect(found.map((a) => a.description.startsWith(packageDescription(locale)))).toEqual([true]);
    }
    const r = await runCli(['uninstall', 'ml-engineer', '--target', tool], { env, cwd: place.project });
    expect(r.code, r.stderr).toBe(0);
    expect((await mlEngineer(tool, place)).found).toEqual([]);
  });

  // The client's own folder variable, set for agentpack and the client alike: both go to the same folder.
  const RELOCATED = (
    [
      ['opencode', 'XDG_CONFIG_HOME', ['opencode', 'agents']],
      ['gemini', 'GEMINI_CLI_HOME', ['.gemini', 'agents']],
      ['qwen', 'QWEN_HOME', ['agents']],
    ] as const
  ).filter(([tool]) => TOOLS.includes(tool));
  it.each(RELOCATED)('%s with %s set: agentpack installs where the client then loads it; the default folder stays empty', async (tool, variable, below) => {
    const place = freshPlace(tool);
    const relocated = join(place.home, 'moved');
    const r = await runCli(['install', 'ml-engineer', '--target', tool], { env: { ...envOf(place), [variable]: relocated }, cwd: place.project });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(relocated, ...below)).filter((f) => f.startsWith('ml-engineer.'))).toHaveLength(1);
    const skip = await builtInAgents(tool, () => freshPlace(tool));
    const moved = await PROBES[tool](place, { relocated });
    expect(moved.agents.filter((a) => a.name === 'ml-engineer' && !skip.has(a.name)).map((a) => a.description)).toEqual([packageDescription('en')]);
    // Negative control: the same client without the variable does not see it (it is not in the default folder).
    expect((await mlEngineer(tool, place)).found).toEqual([]);
  });

  it.each(TOOLS)('negative control (%s): the installed file with its description removed is not listed with it', async (tool) => {
    const place = freshPlace(tool);
    await install(place, tool, 'user', 'en');
    const folder = join(place.home, ...USER_FOLDER[tool]);
    const file = readdirSync(folder).find((f) => f.startsWith('ml-engineer.'));
    expect(file).toBeDefined();
    const path = join(folder, file ?? '');
    const text = readFileSync(path, 'utf8');
    const without = text.replace(/^description(:| =) .*\n/m, '');
    expect(without).not.toBe(text);
    writeFileSync(path, without);
    const { found } = await mlEngineer(tool, place);
    expect(found.filter((a) => a.description.includes(packageDescription('en')))).toEqual([]);
  });
});
