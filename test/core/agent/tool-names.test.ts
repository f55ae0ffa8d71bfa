import { describe, expect, it } from 'vitest';
import { parseAgent } from '../../../src/core/agent/parse.js';
import { CLAUDE_TOOL_NAMES } from '../../../src/core/claude/tool-names.js';

const toolWarnings = (tools: string): string[] =>
  parseAgent(`---\nname: t\ndescription: d\ntools: ${tools}\n---\nbody\n`)
    .diagnostics.filter((d) => d.code === 'TOOL_UNKNOWN')
    .map((d) => String(d.params['tool']));

describe('tool names come from the pinned Claude Code', () => {
  it('the tools real catalogs use and an old hand list lacked are known', () => {
    expect(
      toolWarnings(
        'Read, Grep, TaskList, TaskCreate, TaskGet, TaskUpdate, TaskStop, SendMessage, ToolSearch, CronCreate, EnterPlanMode, EnterWorktree, LSP, PowerShell',
      ),
    ).toEqual([]);
  });

  it('every name of the binary is accepted, and old names still work', () => {
    expect(toolWarnings(CLAUDE_TOOL_NAMES.join(', '))).toEqual([]);
    expect(toolWarnings('Task, KillShell')).toEqual([]);
  });

  it('a made-up or retired name is still a warning (negative control), and lower case is not a tool', () => {
    expect(toolWarnings('Reed, MultiEdit, bash, Bash(git diff:*), mcp__github')).toEqual(['Reed', 'MultiEdit', 'bash']);
  });
});
