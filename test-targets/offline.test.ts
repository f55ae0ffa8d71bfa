import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test/helpers/cli.js';
import { markdown, put } from './helpers/files.js';
import { CLIENTS, type Client } from './helpers/pinned.js';
import { PROBES } from './helpers/probes.js';
import { clientOf, freshPlace, type Place, removePlaces } from './helpers/run.js';

const hasStrace = spawnSync('strace', ['-V']).status === 0;
const TOOLS = CLIENTS.filter((tool) => clientOf(tool) !== undefined);

/** One agent file where each client reads its user agents, and its name. */
function placeWithAgent(tool: Client): { place: Place; file: string } {
  const place = freshPlace(`${tool}-strace`);
  const body = ['name: traced', 'description: Traced agent file'];
  const file: Record<Client, string> = {
    codex: put(
      place.home,
      join('.codex', 'agents', 'traced.toml'),
      'name = "traced"\ndescription = "Traced agent file"\ndeveloper_instructions = "You review code."\n',
    ),
    copilot: put(place.home, join('.copilot', 'agents', 'traced.agent.md'), markdown(body)),
    gemini: put(place.home, join('.gemini', 'agents', 'traced.md'), markdown(body)),
    opencode: put(place.home, join('.config', 'opencode', 'agents', 'traced.md'), markdown(['description: Traced agent file', 'mode: subagent'])),
    qwen: put(place.home, join('.qwen', 'agents', 'traced.md'), markdown(body)),
  };
  return { place, file: file[tool] };
}

describe.skipIf(!hasStrace || TOOLS.length === 0).concurrent('the probes run offline', () => {
  afterAll(removePlaces);

  it.each(TOOLS)('%s opens no connection but to its local model endpoint (every connect() traced with strace)', async (tool) => {
    const { place, file } = placeWithAgent(tool);
    const traceDir = tempDir('agentpack-strace-');
    const prefix = ['strace', '-f', '-qq', '-ff', '-e', 'trace=connect,open,openat', '-o', join(traceDir, 'trace')];
    const r = await PROBES[tool](place, { prefix });
    expect(r.agents.map((a) => a.name)).toContain('traced');
    const traced = readdirSync(traceDir).flatMap((f) => readFileSync(join(traceDir, f), 'utf8').split('\n'));
    // Positive control: the trace follows the process that reads the agent file.
    expect(traced.some((l) => /\bopen(at)?\(/.test(l) && l.includes(file))).toBe(true);
    const port = r.endpoint === undefined ? undefined : new URL(r.endpoint).port;
    const inet = traced.filter((l) => /\bconnect\(/.test(l) && /AF_INET6?/.test(l));
    // Only the endpoint of this probe on 127.0.0.1; the dead proxy (port 9) would mean a try at the outside world.
    const elsewhere = inet.filter((l) => port === undefined || !l.includes(`sin_port=htons(${port})`) || !l.includes('127.0.0.1'));
    expect(elsewhere).toEqual([]);
  });
});
