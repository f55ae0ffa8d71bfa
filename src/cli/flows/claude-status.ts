import { agentPath } from '../../core/plan/installation.js';
import { compareWithClaude, type ClaudeStatus, type InstalledForClaude } from '../../core/claude/compare.js';
import { AgentpackError } from '../../core/errors.js';
import { probeClaudeAgents } from '../../io/claude/probe.js';
import { findClaudeBinary } from '../../io/claude/find-binary.js';
import type { ScopeSnapshot } from '../../core/status/snapshot.js';
import type { CliContext } from '../program/context.js';

export type { ClaudeStatus } from '../../core/claude/compare.js';

const REASONS = { CLAUDE_NOT_FOUND: 'not-found', CLAUDE_PROBE_TIMEOUT: 'timeout' } as const;

/** Agents agentpack installed in the folders Claude Code reads (user, project), with the file's description as Claude Code shows it. */
function installedAgents(snapshots: readonly ScopeSnapshot[]): InstalledForClaude[] {
  const out: InstalledForClaude[] = [];
  for (const s of snapshots) {
    if (s.scope === 'dir') continue;
    for (const inst of s.installations) {
      if (inst.state === 'none' || inst.state === 'foreign' || inst.state === 'missing') continue;
      const file = s.tree.find((f) => f.rel === inst.fileName);
      out.push({
        name: inst.agent,
        scope: s.scope,
        path: file?.path ?? agentPath({ dir: s.dir, inst }),
        description: file?.parsed.shownDescription,
      });
    }
  }
  return out;
}

/**
 * Ask Claude Code (the given binary, else `claude` on PATH) which agents it loads for the user's own
 * configuration (HOME / CLAUDE_CONFIG_DIR of the environment, the working folder's project). agentpack
 * writes nothing; the probe is offline and has a timeout (src/io/claude/probe.ts).
 */
export async function askClaudeForStatus(options: {
  ctx: CliContext;
  snapshots: readonly ScopeSnapshot[];
  bin?: string | undefined;
  timeoutMs?: number;
}): Promise<ClaudeStatus> {
  const { ctx } = options;
  const binary = findClaudeBinary({ env: ctx.env, cwd: ctx.cwd, bin: options.bin });
  if (binary === undefined) return { available: false, reason: 'no-binary' };
  try {
    const result = await probeClaudeAgents({
      bin: binary,
      env: ctx.env,
      cwd: ctx.cwd,
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    });
    const agents = compareWithClaude({ installed: installedAgents(options.snapshots), listed: result.agents });
    return { available: true, binary, version: result.version ?? null, agents };
  } catch (error) {
    if (!(error instanceof AgentpackError)) throw error;
    const reason = error.code === 'CLAUDE_NOT_FOUND' || error.code === 'CLAUDE_PROBE_TIMEOUT' ? REASONS[error.code] : 'probe-failed';
    return { available: false, reason, binary, error };
  }
}
