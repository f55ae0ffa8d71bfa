import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGENT } from '../helpers/agentpack.js';
import { isolatedEnv, runCli } from '../helpers/cli.js';

// What a run says matches what it did: no manifest removed that never was, "nothing installed" said alike by
// update and update --check, and conversion losses only for the files a run writes.

describe('run reports say what happened', () => {
  it('removing a hand-written file with --force from a folder without a manifest says nothing of a manifest', async () => {
    const { env, home } = isolatedEnv();
    const dir = join(home, 'out');
    mkdirSync(dir);
    writeFileSync(join(dir, 'hand.md'), '---\nname: hand\ndescription: mine\n---\n\nx\n');
    const r = await runCli(['uninstall', 'hand', '--dir', dir, '--force'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Removed hand: ${join(dir, 'hand.md')}`);
    expect(r.stdout).not.toContain('.agentpack.json');
    // Control: the last agent agentpack installed takes its manifest with it, and says so.
    expect((await runCli(['install', AGENT, '--dir', dir], { env })).code).toBe(0);
    const last = await runCli(['uninstall', AGENT, '--dir', dir], { env });
    expect(last.stdout).toContain('.agentpack.json');
    expect(existsSync(join(dir, '.agentpack.json'))).toBe(false);
  });

  it('update --check in a folder with nothing installed says so, as update does (en, ja)', async () => {
    const { env, home } = isolatedEnv();
    const dir = join(home, 'empty');
    for (const lang of ['en', 'ja']) {
      const check = await runCli(['update', '--check', '--dir', dir, '--lang', lang], { env });
      const update = await runCli(['update', '--dir', dir, '--lang', lang], { env });
      expect(check.code).toBe(0);
      expect(check.stdout.split('\n')[0]).toBe(update.stdout.split('\n')[0]);
    }
    expect((await runCli(['update', '--check', '--dir', dir], { env })).stdout).toContain(`No agent installed by agentpack is in ${dir}.`);
  });

  it('--target: what a conversion left out is said for the files written, not again on a run that writes nothing', async () => {
    const { env } = isolatedEnv();
    const first = await runCli(['install', AGENT, '--target', 'kiro'], { env });
    expect(first.stdout + first.stderr).toContain('Not carried over to Kiro:');
    const again = await runCli(['install', AGENT, '--target', 'kiro'], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('nothing to do');
    expect(again.stdout + again.stderr).not.toContain('Not carried over');
    const switched = await runCli(['locale', 'ja', '--target', 'kiro'], { env });
    expect(switched.stdout + switched.stderr).toContain('Not carried over to Kiro:');
  });

  it('a dry run that would be refused says only that, not what it would do (en, ja); the real run changes nothing', async () => {
    const { env, home } = isolatedEnv();
    const dir = join(home, 'out');
    for (const name of ['one', 'two', 'three']) {
      const from = join(home, 'cat', `${name}.md`);
      mkdirSync(join(home, 'cat'), { recursive: true });
      writeFileSync(from, `---\nname: ${name}\ndescription: The ${name} agent\n---\n\nx\n`);
    }
    expect((await runCli(['install', '--all', '--from', join(home, 'cat'), '--dir', dir], { env })).code).toBe(0);
    writeFileSync(join(dir, 'two.md'), 'my edit\n', { flag: 'a' });
    for (const [lang, would, refused] of [
      ['en', 'Would remove', 'This run would be refused.'],
      ['ja', '削除します', 'このままでは実行できません。'],
    ] as const) {
      const dry = await runCli(['uninstall', '--all', '--dir', dir, '-n', '--lang', lang], { env });
      expect(dry.code).toBe(1);
      expect(dry.stdout).not.toContain(would);
      expect(dry.stderr).toContain(refused);
      const quiet = await runCli(['uninstall', '--all', '--dir', dir, '-nq', '--lang', lang], { env });
      expect(quiet.stdout).toBe('');
      expect(quiet.stderr).toContain(refused);
    }
    const real = await runCli(['uninstall', '--all', '--dir', dir], { env });
    expect(real.code).toBe(1);
    for (const name of ['one', 'two', 'three']) expect(existsSync(join(dir, `${name}.md`))).toBe(true);
    // Control: without the edit, the dry run ends on its summary.
    writeFileSync(join(dir, 'two.md'), '');
    expect((await runCli(['uninstall', 'one', 'three', '--dir', dir, '-n'], { env })).stdout).toContain('Would remove 2 agents');
  });
});
