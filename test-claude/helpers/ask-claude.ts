import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { probeClaudeAgents, type ClaudeAgent, type ClaudeProbeResult } from '../../src/io/claude/probe.js';
import { tempDir } from '../../test/helpers/cli.js';

/** '' when the suite skips (no binary, not under CI). */
export const claudeBin = inject('claudeBin');
export const claudeVersion = inject('claudeVersion');

/** Probe durations of this test file, in milliseconds. */
export const durations: number[] = [];

/** A fresh home with an empty user agents folder. */
export function freshHome(): { home: string; agents: string } {
  const home = tempDir('agentpack-claude-home-');
  const agents = join(home, '.claude', 'agents');
  mkdirSync(agents, { recursive: true });
  return { home, agents };
}

/**
 * Ask the real Claude Code which agents it loads for this home, with an environment built from scratch
 * (PATH, HOME, CLAUDE_CONFIG_DIR when given, and the offline variables). `cwd` picks the project.
 */
export async function askClaude(options: { home: string; configDir?: string; cwd?: string }): Promise<ClaudeProbeResult> {
  const env: Record<string, string | undefined> = { PATH: process.env['PATH'], HOME: options.home };
  if (options.configDir !== undefined) env['CLAUDE_CONFIG_DIR'] = options.configDir;
  const result = await probeClaudeAgents({ bin: claudeBin, env, cwd: options.cwd ?? options.home, timeoutMs: 60_000 });
  durations.push(result.durationMs);
  return result;
}

let builtIns: Promise<Set<string>> | undefined;

/** Names Claude Code lists with no agent file at all (its built-in agents), probed once per test file. */
export function builtInAgents(): Promise<Set<string>> {
  builtIns ??= askClaude({ home: freshHome().home }).then((r) => new Set(r.agents.map((a) => a.name)));
  return builtIns;
}

/** The agents of a probe that come from files, not built in. */
export async function fileAgents(result: ClaudeProbeResult): Promise<ClaudeAgent[]> {
  const skip = await builtInAgents();
  return result.agents.filter((a) => !skip.has(a.name));
}

/** Run `work` over `items` with at most `limit` at a time, keeping the order of results. */
export async function pool<T, R>(options: { items: readonly T[]; limit: number; work: (item: T) => Promise<R> }): Promise<R[]> {
  const { items, limit, work } = options;
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      out[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export function summarise(values: readonly number[]): string {
  if (values.length === 0) return 'no probes';
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return `${values.length} probes: min ${sorted[0]} ms, median ${median} ms, max ${sorted[sorted.length - 1]} ms`;
}
