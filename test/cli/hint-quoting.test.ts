import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellWord } from '../../src/core/hints.js';
import { BIN, isolatedEnv, runCli, tempDir } from '../helpers/cli.js';

/** Paste a hint into a POSIX shell, as a user would: `agentpack` is the built binary. */
function paste(hint: string, options: { env: Record<string, string>; cwd: string }): Promise<{ code: number; stdout: string }> {
  const line = hint.replace(/^agentpack /, `${shellWord(process.execPath)} ${shellWord(BIN)} `);
  return new Promise((resolve) => {
    execFile('sh', ['-c', line], { env: options.env, cwd: options.cwd, encoding: 'utf8' }, (error, stdout) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
    );
  });
}

describe('a hint pasted into a shell does what it names, whatever the folder is called', () => {
  it('a folder with `~` (quoted: one safe set for every hint, and `~` is never left to the shell): install --dir reaches that folder', async () => {
    const { env } = isolatedEnv();
    const work = tempDir('agentpack-hints-');
    const dir = join(work, 'a~b');
    const diff = await runCli(['diff', 'ml-engineer', '--dir', dir], { env, cwd: work });
    expect(diff.code).toBe(1);
    const hint = /Install it with: (agentpack .*)$/m.exec(diff.stderr)?.[1] ?? '';
    expect(hint).toBe(`agentpack install ml-engineer --dir '${dir}'`);
    expect((await paste(hint, { env, cwd: work })).code).toBe(0);
    expect(existsSync(join(dir, 'ml-engineer.md'))).toBe(true);
  });

  it('a source folder literally named `~src`: the --pick hint of list --from lists that folder again', async () => {
    const { env } = isolatedEnv();
    const work = tempDir('agentpack-hints-');
    mkdirSync(join(work, '~src', 'a'), { recursive: true });
    mkdirSync(join(work, '~src', 'b'), { recursive: true });
    writeFileSync(join(work, '~src', 'a', 'x.md'), '---\nname: x\ndescription: one\n---\nA\n');
    writeFileSync(join(work, '~src', 'b', 'x.md'), '---\nname: x\ndescription: two\n---\nB\n');
    const list = await runCli(['list', '--from', '~src'], { env, cwd: work });
    const hint = /hint: (agentpack list .*)$/m.exec(list.stdout)?.[1] ?? '';
    expect(hint).toBe("agentpack list --from '~src' --pick a/x.md");
    const again = await paste(hint, { env, cwd: work });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^x\s+en\s+a\/x\.md\s+one/m);
  });
});
