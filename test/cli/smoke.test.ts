import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('built binary', () => {
  it('validates the package cleanly', async () => {
    const r = await runCli(['validate', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { ok: boolean; summary: { files: number; errors: number; warnings: number } };
    expect(out.ok).toBe(true);
    expect(out.summary).toEqual({ files: 2, errors: 0, warnings: 0 });
  });
});
