import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash } from '../src/core/i18n/canonical-hash.js';
import { AGENT, packageRenders } from '../test/helpers/agentpack.js';
import { isolatedEnv } from '../test/helpers/cli.js';
import { toolTarget } from '../src/core/tools/registry.js';
import { renderForTool } from '../src/core/tools/renders.js';
import { generateSource } from '../test/helpers/generated-source.js';
import { envCount, fastDir, parsedManifest, prng, readFolder, sourceRenders, startCli } from './helpers/stress.js';

/**
 * Issue 8, item 4: PROCESSES runs at once on one folder (default 8), ROUNDS times (default 20), each a random
 * mix of `install --all --from`, `install <names> --from`, `install ml-engineer`, `locale <l>` and
 * `uninstall <names>` over 12 agents of a generated folder and one of the package. After every round:
 *
 * - every process ended within RUN_LIMIT_MS (a hang is killed and fails the test) with exit 0 — or, for an
 *   uninstall naming an agent that another run had already removed, exit 1 with AGENT_UNKNOWN and no change;
 * - no temporary file, lock or break guard is left; the manifest parses;
 * - the manifest lists exactly the `*.md` files on disk, each byte-equal to the render of its recorded locale
 *   and to the recorded sha256 (no lost entry, no file it does not describe);
 * - the folder is what running the round's successful commands one after another, in some order, gives:
 *   the lock serialises the runs, so any other result means an update was lost.
 *
 * STRESS_PROCESSES, STRESS_ROUNDS and STRESS_SEED change the run.
 */
const PROCESSES = envCount({ name: 'STRESS_PROCESSES', fallback: 8 });
const ROUNDS = envCount({ name: 'STRESS_ROUNDS', fallback: 20 });
const SEED = envCount({ name: 'STRESS_SEED', fallback: 20_260_808, min: 0 });
const RUN_LIMIT_MS = 30_000;
const LOCALES = ['en', 'ja'] as const;

/** What a folder holds: agent → locale. */
type Installed = Map<string, string>;
type Effect = (state: Installed) => Installed;
interface Job {
  args: string[];
  effect: Effect;
  /** An uninstall may find a name gone (AGENT_UNKNOWN, exit 1, nothing changed). */
  mayBeUnknown: boolean;
}

const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** The same races in a Codex CLI folder (`--target codex`): STRESS_TOOL_ROUNDS rounds (default 8). */
const TOOL_ROUNDS = envCount({ name: 'STRESS_TOOL_ROUNDS', fallback: 8 });

describe('races: many runs at once on one folder', () => {
  it(
    `${ROUNDS} rounds of ${PROCESSES} processes mixing install / locale / uninstall: no lost entry, no stray file, no hang`,
    {
      timeout: 1_800_000,
    },
    () => raceRun({ rounds: ROUNDS }),
  );

  it(`${TOOL_ROUNDS} rounds of the same --target codex: the same for .toml files`, { timeout: 1_800_000 }, () =>
    raceRun({ rounds: TOOL_ROUNDS, tool: 'codex' }),
  );
});

async function raceRun(options: { rounds: number; tool?: 'codex' }): Promise<void> {
  const ROUNDS = options.rounds;
  const tool = options.tool;
  const ext = tool === undefined ? '.md' : '.toml';
  const targetArgs = tool === undefined ? [] : ['--target', tool];
  {
    const rand = prng(SEED + 1);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
    const { env } = isolatedEnv();
    const source = generateSource({ count: 12 });
    const renders = await sourceRenders({ from: source.dir, cwd: env['HOME'] ?? '/', ...(tool ? { tool } : {}) });
    // The package's own agent, as it is written in this folder.
    const claude = await packageRenders();
    const asWritten = (locale: 'en' | 'ja'): string =>
      tool === undefined ? claude[locale] : renderForTool({ tool: toolTarget(tool), agent: AGENT, locale, content: claude[locale] }).content;
    const pkg = { en: asWritten('en'), ja: asWritten('ja') };
    renders.set(
      AGENT,
      new Map([
        ['en', pkg.en],
        ['ja', pkg.ja],
      ]),
    );
    const made = fastDir('agentpack-races-');
    cleanups.push(made.cleanup);
    const dir = join(made.dir, 'agents');
    const some = (): string[] => source.names.filter(() => rand() < 0.3);

    const job = (): Job => {
      const locale = pick(LOCALES);
      const kind = Math.floor(rand() * 6);
      if (kind === 0) {
        const keep = rand() < 0.5;
        return {
          args: ['install', '--all', '--from', source.dir, ...(keep ? [] : ['--locale', locale])],
          effect: (s) => new Map([...s, ...source.names.map((n) => [n, keep ? (s.get(n) ?? 'en') : locale] as const)]),
          mayBeUnknown: false,
        };
      }
      if (kind === 1) {
        const chosen = some();
        const names = chosen.length > 0 ? chosen : [pick(source.names)];
        return {
          args: ['install', ...names, '--from', source.dir, '--locale', locale],
          effect: (s) => new Map([...s, ...names.map((n) => [n, locale] as const)]),
          mayBeUnknown: false,
        };
      }
      if (kind === 2) return { args: ['install', AGENT, '--locale', locale], effect: (s) => new Map([...s, [AGENT, locale]]), mayBeUnknown: false };
      if (kind === 3 || kind === 4) return { args: ['locale', locale], effect: (s) => new Map([...s].map(([n]) => [n, locale])), mayBeUnknown: false };
      const names = [...new Set([...(rand() < 0.5 ? [AGENT] : []), ...some()])];
      if (names.length === 0) names.push(AGENT);
      return {
        args: ['uninstall', ...names],
        effect: (s) => new Map([...s].filter(([n]) => !names.includes(n))),
        mayBeUnknown: names.some((n) => n !== AGENT),
      };
    };

    let state: Installed = new Map();
    const stats = { rounds: 0, runs: 0, unknownUninstalls: 0, slowestMs: 0, orders: 0 };
    const started = Date.now();
    for (let round = 0; round < ROUNDS; round++) {
      const jobs = Array.from({ length: PROCESSES }, job);
      const results = await Promise.all(jobs.map((j) => startCli({ args: [...j.args, '--dir', dir, ...targetArgs], env, limitMs: RUN_LIMIT_MS }).done));
      const applied: Effect[] = [];
      results.forEach((r, i) => {
        const j = jobs[i] as Job;
        const what = `round ${round}, ${j.args.join(' ')}`;
        expect(r.timedOut, `${what}: hung past ${RUN_LIMIT_MS} ms`).toBe(false);
        stats.slowestMs = Math.max(stats.slowestMs, r.ms);
        if (r.code === 1 && j.mayBeUnknown && r.stderr.includes('AGENT_UNKNOWN')) {
          stats.unknownUninstalls++;
          return;
        }
        expect(r.code, `${what}: ${r.stderr}`).toBe(0);
        applied.push(j.effect);
      });
      stats.runs += jobs.length;

      const folder = readFolder(dir, ext);
      expect(folder.others, `round ${round}: no temporary file, lock or break guard`).toEqual([]);
      const manifest = parsedManifest(folder.manifestText);
      const entries = manifest?.agents ?? {};
      expect(Object.keys(entries).sort(), `round ${round}: the manifest lists exactly the files`).toEqual([...folder.files.keys()].sort());
      const now: Installed = new Map();
      for (const [name, entry] of Object.entries(entries)) {
        const text = folder.files.get(name);
        expect(text, `round ${round}: ${name}.md is the ${entry.locale} render`).toBe(renders.get(name)?.get(entry.locale));
        expect(entry.sha256).toBe(contentHash(text ?? ''));
        now.set(name, entry.locale);
      }
      const reachable = serialResults({ start: state, effects: applied });
      stats.orders += reachable.size;
      expect(reachable.has(keyOf(now)), `round ${round}: ${keyOf(now)} is no serial order of ${results.length} runs`).toBe(true);
      state = now;
      stats.rounds++;
    }
    console.log(
      `race test: ${JSON.stringify({ seed: SEED, tool: tool ?? 'claude', processes: PROCESSES, seconds: Math.round((Date.now() - started) / 100) / 10, finalAgents: state.size, ...stats })}`,
    );
  }
}

describe("serialResults (the race test's oracle)", () => {
  it('knows which folders a set of runs can leave, and which one only a lost update can', () => {
    const install: Effect = (s) => new Map([...s, ['a', 'en']]);
    const uninstall: Effect = (s) => new Map([...s].filter(([n]) => n !== 'a'));
    const toJa: Effect = (s) => new Map([...s].map(([n]) => [n, 'ja']));
    const reachable = serialResults({ start: new Map(), effects: [install, uninstall, toJa] });
    expect([...reachable].sort()).toEqual(['', 'a:en', 'a:ja']);
    // Negative control: two installs of different agents cannot leave only one of them.
    const b: Effect = (s) => new Map([...s, ['b', 'en']]);
    expect(serialResults({ start: new Map(), effects: [install, b] })).toEqual(new Set(['a:en b:en']));
  });
});

function keyOf(state: Installed): string {
  return [...state]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([n, l]) => `${n}:${l}`)
    .join(' ');
}

/** Every folder state the effects can produce when run one after another in any order. */
function serialResults(options: { start: Installed; effects: Effect[] }): Set<string> {
  const { effects } = options;
  const out = new Set<string>();
  const seen = new Set<string>();
  const visit = (state: Installed, used: number): void => {
    const key = `${used}|${keyOf(state)}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (used === (1 << effects.length) - 1) {
      out.add(keyOf(state));
      return;
    }
    effects.forEach((effect, i) => {
      if ((used & (1 << i)) === 0) visit(effect(state), used | (1 << i));
    });
  };
  visit(options.start, 0);
  return out;
}
