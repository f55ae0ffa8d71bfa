import { mkdirSync, watch } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash } from '../src/core/i18n/canonical-hash.js';
import { isolatedEnv } from '../test/helpers/cli.js';
import { generateSource } from '../test/helpers/generated-source.js';
import { checkAfterKill, expectedFindings, isExactly, type Expected, type Finding } from './helpers/crash-checks.js';
import {
  BREAK_FILE,
  envCount,
  fastDir,
  LOCK_FILE,
  parsedManifest,
  prng,
  readFolder as readFolderOf,
  sourceRenders,
  startCli,
  TEMP_FILE,
  timeUntilWrite,
  type FolderState,
} from './helpers/stress.js';

/**
 * Issue 8, item 3: SIGKILL `install --all --from`, `locale ja` and `uninstall` at random moments on a folder of
 * 200 agents (en + ja), at least 50 times. The guarantee checked after every kill:
 *
 * - every `*.md` is byte-equal to its complete content before the run or its complete render after it;
 * - the manifest parses, and is the complete manifest from before the run or the complete new one — never a
 *   mix; when it is the new one, every file is already new (files are written before the manifest);
 * - the only other names are the lock, its break guard and `.agentpack-<pid>-<hex>.tmp` files.
 *
 * So the inconsistency a kill may leave is exactly: files already switched (or removed) that the old manifest
 * still describes with the old hash, or does not describe yet. `status` then reports every such file by path
 * (INSTALLED_UNTRACKED: a render the manifest records with another hash; MANIFEST_FILE_MISSING: the file is
 * gone), every temporary file (LEFTOVER_TEMP) and the lock (STALE_LOCK). A file with no entry at all (the
 * first install from a folder killed before its manifest existed) names no folder it came from, so status can
 * only list it as an agent file. The next normal run of the same command — no --force —
 * exits 0 and leaves exactly the complete new state: the files, the manifest byte-equal to an uninterrupted
 * run's, nothing else. A killed run is often followed by another killed run of the same command before the
 * repair (chains of 1–4 kills), so runs also start on the leftovers of a kill.
 *
 * The kills are spread over each command's duration, measured by one uninterrupted run: a quarter at a random
 * moment of the whole run (start-up, reading the source, planning, locking), three quarters at a random moment
 * of its writing — that many milliseconds after the killed run's own first write in the folder (seen with
 * fs.watch), up to the measured time from first write to end. A run that ends before its kill shortens that
 * window (the machine got faster or less busy). All random numbers come from STRESS_SEED.
 *
 * STRESS_KILLS (default 50), STRESS_CRASH_AGENTS (default 200) and STRESS_SEED change the run.
 */
const KILLS = envCount({ name: 'STRESS_KILLS', fallback: 50 });
const AGENTS = envCount({ name: 'STRESS_CRASH_AGENTS', fallback: 200 });
const SEED = envCount({ name: 'STRESS_SEED', fallback: 20_260_808, min: 0 });
/** A run that has not ended after this long hangs: it is killed and the test fails. */
const RUN_LIMIT_MS = 120_000;

type Goal = 'none' | 'en' | 'ja';
const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function folder(): string {
  const made = fastDir('agentpack-crash-');
  cleanups.push(made.cleanup);
  return join(made.dir, 'agents');
}

/**
 * The Codex CLI folder (`--target codex`, one TOML file per agent) gets the same kills: fewer by default
 * (STRESS_TOOL_KILLS, STRESS_TOOL_AGENTS), the same guarantee, and `status --target codex` reporting what is left.
 */
const TOOL_KILLS = envCount({ name: 'STRESS_TOOL_KILLS', fallback: 25 });
const TOOL_AGENTS = envCount({ name: 'STRESS_TOOL_AGENTS', fallback: 100 });

describe('crash consistency: SIGKILL at random moments', () => {
  it(
    `${KILLS} kills of install --all --from / locale ja / uninstall on ${AGENTS} agents: old or new bytes, a whole manifest, repaired without --force`,
    {
      timeout: 1_800_000,
    },
    () => crashRun({ kills: KILLS, agents: AGENTS }),
  );

  it(
    `${TOOL_KILLS} kills of the same commands --target codex on ${TOOL_AGENTS} agents: the same guarantee for .toml files`,
    {
      timeout: 1_800_000,
    },
    () => crashRun({ kills: TOOL_KILLS, agents: TOOL_AGENTS, tool: 'codex' }),
  );
});

/** What `status --target <tool> --json` says of one folder. */
interface ToolStatusJson {
  scopes: { agents: { agent: string; state: string; recovered: boolean }[]; leftovers: { temps: string[]; staleLock?: string } }[];
}

async function crashRun(options: { kills: number; agents: number; tool?: 'codex' }): Promise<void> {
  const KILLS = options.kills;
  const AGENTS = options.agents;
  const tool = options.tool;
  const ext = tool === undefined ? '.md' : '.toml';
  const targetArgs = tool === undefined ? [] : ['--target', tool];
  const readFolder = (dir: string): FolderState => readFolderOf(dir, ext);
  {
    const rand = prng(SEED);
    const { env } = isolatedEnv();
    const source = generateSource({ count: AGENTS });
    const renders = await sourceRenders({ from: source.dir, cwd: env['HOME'] ?? '/', ...(tool ? { tool } : {}) });
    expect([...renders.keys()].sort()).toEqual(source.names);

    // One uninterrupted run of each command: its duration spreads the kills, its result is the "new" state.
    const commands: Record<Exclude<Goal, 'none'> | 'uninstall', (state: FolderState) => string[] | null> = {
      en: () => ['install', '--all', '--from', source.dir, '--locale', 'en'],
      ja: () => ['locale', 'ja'],
      // uninstall takes names: those the manifest still records (a finished uninstall leaves none to name).
      uninstall: (state) => {
        const names = Object.keys(parsedManifest(state.manifestText)?.agents ?? {});
        return names.length > 0 ? ['uninstall', ...names] : null;
      },
    };
    const ref = folder();
    mkdirSync(ref);
    const expected = new Map<Goal, Expected>([['none', { files: new Map() }]]);
    const durations = new Map<Goal, { writeAt: number; ms: number }>();
    const measured: Partial<Record<Goal, { writeAt: number; ms: number }>> = {};
    for (const [goal, command] of [
      ['en', commands.en],
      ['ja', commands.ja],
      ['none', commands.uninstall],
    ] as const) {
      const args = [...(command(readFolder(ref)) ?? []), '--dir', ref, ...targetArgs];
      const { writeAt, result: r } = await timeUntilWrite({ args, env, dir: ref, limitMs: RUN_LIMIT_MS, ext });
      expect(r.code, r.stderr).toBe(0);
      expect(writeAt, 'the run wrote').toBeDefined();
      durations.set(goal, { writeAt: writeAt ?? 0, ms: r.ms });
      measured[goal] = { writeAt: writeAt ?? 0, ms: r.ms };
      const state = readFolder(ref);
      expect(state.others).toEqual([]);
      if (goal === 'none') {
        expect(state.files.size).toBe(0);
        expect(state.manifestText).toBeUndefined();
        continue;
      }
      // The uninterrupted run wrote exactly the product's renders, and a manifest describing them.
      for (const name of source.names) expect(state.files.get(name), name).toBe(renders.get(name)?.get(goal));
      const manifest = parsedManifest(state.manifestText);
      for (const name of source.names) expect(manifest?.agents[name]).toMatchObject({ locale: goal, sha256: contentHash(state.files.get(name) ?? '') });
      expected.set(goal, { files: state.files, ...(state.manifestText !== undefined ? { manifestText: state.manifestText } : {}) });
    }

    const dir = folder();
    // The folder exists from the start (install creates it otherwise), so fs.watch can see the first write.
    mkdirSync(dir);
    const next: Record<Goal, Goal> = { none: 'en', en: 'ja', ja: 'none' };
    const commandFor = (goal: Goal): ((s: FolderState) => string[] | null) => (goal === 'en' ? commands.en : goal === 'ja' ? commands.ja : commands.uninstall);
    const stats = {
      kills: 0,
      endedBeforeKill: 0,
      untouched: 0,
      midway: 0,
      filesDoneManifestOld: 0,
      manifestNew: 0,
      leftLock: 0,
      leftTemps: 0,
      leftBreak: 0,
      chains: 0,
      statusRuns: 0,
      repairRuns: 0,
    };
    let goal: Goal = 'none';
    let attempts = 0;
    const started = Date.now();
    while (stats.kills < KILLS) {
      const target: Goal = next[goal];
      const want = expected.get(target) as Expected;
      const command = commandFor(target);
      const length = 1 + Math.floor(rand() * 4);
      stats.chains++;
      for (let k = 0; k < length && stats.kills < KILLS; k++) {
        expect(++attempts, 'too many runs ended before their kill').toBeLessThan(KILLS * 4);
        const before = readFolder(dir);
        const args = command(before);
        if (args === null) break;
        const { writeAt, ms } = durations.get(target) ?? { writeAt: 0, ms: 1000 };
        const window = Math.max(ms - writeAt, 20);
        const early = rand() < 0.25;
        const offset = rand() * (early ? ms : window);
        const run = startCli({ args: [...args, '--dir', dir, ...targetArgs], env, limitMs: RUN_LIMIT_MS });
        let wroteAt: number | undefined;
        const killTime = new Promise<void>((resolve) => {
          if (early) setTimeout(resolve, offset);
          const watcher = watch(dir, (_event, name) => {
            if (wroteAt !== undefined || name === null || !(TEMP_FILE.test(name) || name.endsWith(ext))) return;
            wroteAt = Date.now();
            if (!early) setTimeout(resolve, offset);
          });
          void run.done.then(() => watcher.close());
        });
        await Promise.race([killTime, run.done]);
        run.child.kill('SIGKILL');
        const result = await run.done;
        expect(result.timedOut).toBe(false);
        const killed = result.signal === 'SIGKILL';
        if (killed) stats.kills++;
        else {
          stats.endedBeforeKill++;
          expect(result.code, result.stderr).toBe(0);
          // The machine is faster (or less busy) than when the window was measured: aim earlier next time.
          const writing = wroteAt === undefined ? window : Date.now() - wroteAt;
          if (!early) durations.set(target, { writeAt, ms: writeAt + Math.min(window, 0.7 * window + 0.3 * writing) });
        }
        const after = readFolder(dir);
        const where = `kill ${stats.kills} (${args[0]} → ${target}, ${early ? 'after start' : 'after first write'} + ${Math.round(offset)} ms)`;
        const kind = checkAfterKill({ before, after, want, where });
        if (killed) stats[kind]++;
        if (after.others.includes(LOCK_FILE)) stats.leftLock++;
        if (after.others.includes(BREAK_FILE)) stats.leftBreak++;
        if (after.others.some((n) => TEMP_FILE.test(n))) stats.leftTemps++;
      }

      // What is left is reported by status, by path...
      const left = readFolder(dir);
      if (!isExactly(left, want) && tool !== undefined) {
        stats.statusRuns++;
        const status = await startCli({ args: ['status', '--json', '--dir', dir, ...targetArgs], env, limitMs: RUN_LIMIT_MS }).done;
        expect(status.timedOut).toBe(false);
        const out = JSON.parse(status.stdout) as ToolStatusJson;
        expect(out.scopes, `status --target ${tool} --json: ${status.stdout}${status.stderr}`).toHaveLength(1);
        checkToolStatus({ dir, state: left, status: out, ext });
      } else if (!isExactly(left, want)) {
        stats.statusRuns++;
        const status = await startCli({ args: ['status', '--json', '--dir', dir], env, limitMs: RUN_LIMIT_MS }).done;
        expect(status.timedOut).toBe(false);
        const out = JSON.parse(status.stdout) as { findings: Finding[]; scopes: { scope: string; files: { path: string; installed: unknown }[] }[] };
        const listed = new Set(out.scopes.find((s) => s.scope === 'dir')?.files.map((f) => f.path));
        for (const missing of expectedFindings({ dir, state: left })) {
          const reported =
            missing.codes.length === 0
              ? listed.has(missing.subject)
              : out.findings.some((f) => missing.codes.includes(f.code) && (f.file === missing.subject || f.message.includes(missing.subject)));
          expect(reported, `status must report ${missing.codes.join(' or ') || 'the file'} for ${missing.subject}`).toBe(true);
        }
      }
      // ...and the next normal run (no --force) repairs all of it. An uninstall killed after it removed the
      // manifest but before it released the lock leaves no name to uninstall again: the normal run is then one
      // that finds nothing to do (`uninstall ml-engineer`, not installed), which still clears the leftovers.
      const args = command(left) ?? (left.others.length > 0 ? ['uninstall', 'ml-engineer'] : null);
      if (args !== null) {
        stats.repairRuns++;
        const repair = await startCli({ args: [...args, '--dir', dir, ...targetArgs], env, limitMs: RUN_LIMIT_MS }).done;
        expect(repair.code, repair.stderr).toBe(0);
      }
      const repaired = readFolder(dir);
      expect(
        repaired.others,
        `no temporary file, lock or break guard after the repair (${JSON.stringify(args?.slice(0, 3) ?? null)}, left ${JSON.stringify(left.others)})`,
      ).toEqual([]);
      expect(isExactly(repaired, want), 'after the repair the folder is exactly the uninterrupted result').toBe(true);
      goal = target;
    }
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    const summary = { seed: SEED, agents: AGENTS, tool: tool ?? 'claude', measuredMs: measured, seconds, ...stats };
    console.log(`crash test: ${JSON.stringify(summary)}`);
    expect(stats.kills).toBeGreaterThanOrEqual(KILLS);
  }
}

/**
 * `status --target <tool>` names what a kill left: every temporary file, a lock whose run is gone (an empty one
 * only once it is a second old), every recorded file that is gone, and every file whose bytes the manifest does
 * not record yet (a render of the package's: the folder's own agents, which name no source, are not its to list).
 */
function checkToolStatus(options: { dir: string; state: FolderState; status: ToolStatusJson; ext: string }): void {
  const { dir, state, status } = options;
  const scope = status.scopes[0];
  expect(scope, 'status lists the folder').toBeDefined();
  for (const name of state.others) {
    if (TEMP_FILE.test(name)) expect(scope?.leftovers.temps, `status names ${name}`).toContain(join(dir, name));
  }
  const agents = parsedManifest(state.manifestText)?.agents ?? {};
  for (const [name, entry] of Object.entries(agents)) {
    const text = state.files.get(name);
    const listed = scope?.agents.find((a) => a.agent === name);
    if (text === undefined) expect(listed?.state, `status reports ${name}${options.ext} gone`).toBe('missing');
    else if (entry.sha256 !== contentHash(text)) expect(listed?.recovered, `status reports ${name}${options.ext} not yet recorded`).toBe(true);
  }
}
