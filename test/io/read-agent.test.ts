import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAUDE_MAX_FILE_BYTES } from '../../src/core/claude/rules.js';
import { loadAgent } from '../../src/io/read-agent.js';
import { tempDir } from '../helpers/cli.js';

const AGENT = '---\nname: t-agent\ndescription: Test agent\n---\nBody\n';

describe('loadAgent applies the file rules of Claude Code 2.1.332', () => {
  it('reads only names ending in ".md" exactly: ".MD" is not loadable', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'lower.md'), AGENT);
    writeFileSync(join(dir, 'upper.MD'), AGENT);
    expect((await loadAgent(join(dir, 'lower.md'))).loadableAsIs).toBe(true);
    const upper = await loadAgent(join(dir, 'upper.MD'));
    expect(upper.loadableAsIs).toBe(false);
    expect(upper.diagnostics.map((d) => d.code)).toEqual(['NOT_MD_EXTENSION']);
  });

  it('skips files over 1 MiB, and only those', async () => {
    const dir = tempDir();
    const pad = (bytes: number): string => AGENT + 'x'.repeat(bytes - Buffer.byteLength(AGENT));
    writeFileSync(join(dir, 'at-limit.md'), pad(CLAUDE_MAX_FILE_BYTES));
    writeFileSync(join(dir, 'over.md'), pad(CLAUDE_MAX_FILE_BYTES + 1));
    expect((await loadAgent(join(dir, 'at-limit.md'))).loadableAsIs).toBe(true);
    const over = await loadAgent(join(dir, 'over.md'));
    expect(over.loadableAsIs).toBe(false);
    expect(over.diagnostics.map((d) => d.code)).toEqual(['FILE_TOO_LARGE']);
    expect(over.diagnostics[0]?.params).toEqual({ size: CLAUDE_MAX_FILE_BYTES + 1, limit: CLAUDE_MAX_FILE_BYTES });
  });
});
