import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/core/hash.js';
import { isolatedEnv, runCli, tempDir, type CliResult } from '../helpers/cli.js';

/**
 * One name guard for every file name (core/agent/name.ts). Production used a copy without the length
 * limit, so a 253-character name reached the file system and ended in `INTERNAL … ENAMETOOLONG`.
 */
const LONG = 'a'.repeat(253);

function sourceWith(names: string[]): { env: Record<string, string>; work: string } {
  const { env } = isolatedEnv();
  const work = tempDir('agentpack-long-name-');
  mkdirSync(join(work, 'src'));
  names.forEach((name, i) => {
    writeFileSync(join(work, 'src', `agent-${i}.md`), `---\nname: ${name}\ndescription: Agent ${i}.\n---\nBody.\n`);
  });
  return { env, work };
}

function expectTypedRefusal(result: CliResult): void {
  expect(result.code).toBe(1);
  expect(result.stderr).not.toContain('INTERNAL');
  expect(result.stderr).not.toContain('ENAMETOOLONG');
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

describe('a name longer than the limit is refused before it becomes a file name', () => {
  it('install <name> --from: AGENT_NAME_NOT_PORTABLE (exit 1) with a hint naming validate --from, in English and Japanese; nothing written', async () => {
    const { env, work } = sourceWith([LONG]);
    const out = join(work, 'out');
    const en = await runCli(['install', LONG, '--from', 'src', '--dir', out], { env, cwd: work });
    expectTypedRefusal(en);
    expect(en.stderr).toContain('error AGENT_NAME_NOT_PORTABLE: "aaaa');
    expect(en.stderr).toContain('at most 128 characters');
    expect(en.stderr).toContain('hint: Rename it in its front-matter, then run agentpack validate --from src.');
    const ja = await runCli(['install', LONG, '--from', 'src', '--dir', out, '--lang', 'ja'], { env, cwd: work });
    expectTypedRefusal(ja);
    expect(ja.stderr).toContain('128 文字以内');
    expect(ja.stderr).toContain('agentpack validate --from src を実行してください');
    const json = await runCli(['install', LONG, '--from', 'src', '--dir', out, '--json'], { env, cwd: work });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      error: { code: 'AGENT_NAME_NOT_PORTABLE', hint: 'Rename it in its front-matter, then run agentpack validate --from src.' },
    });
    expect(existsSync(out)).toBe(false);
  });

  it('install --all --from: the long name is listed as refused, the others are installed, exit 1', async () => {
    const { env, work } = sourceWith([LONG, 'short-one']);
    const out = join(work, 'out');
    const all = await runCli(['install', '--all', '--from', 'src', '--dir', out, '--json'], { env, cwd: work });
    expectTypedRefusal(all);
    const report = JSON.parse(all.stdout) as { refused: { code: string; agent: string; paths: string[] }[] };
    expect(report.refused).toEqual([{ code: 'AGENT_NAME_NOT_PORTABLE', agent: LONG, paths: ['agent-0.md'], commands: [] }]);
    expect(readdirSync(out).sort()).toEqual(['.agentpack.json', 'short-one.md']);
  });

  it('update <name> --from: the same refusal', async () => {
    const { env, work } = sourceWith([LONG]);
    const out = join(work, 'out');
    const update = await runCli(['update', LONG, '--from', 'src', '--dir', out], { env, cwd: work });
    expectTypedRefusal(update);
    expect(update.stderr).toContain('error AGENT_NAME_NOT_PORTABLE:');
    expect(existsSync(out)).toBe(false);
  });

  it('show and validate still read it (no file is derived): show prints it, validate warns NAME_TOO_LONG; list --dir works', async () => {
    const { env, work } = sourceWith([LONG]);
    const show = await runCli(['show', LONG, '--from', 'src', '--dir', join(work, 'out')], { env, cwd: work });
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(`name: ${LONG}`);
    const validate = await runCli(['validate', '--from', 'src'], { env, cwd: work });
    expect(validate.code).toBe(0);
    expect(validate.stdout + validate.stderr).toContain('warning NAME_TOO_LONG');
    mkdirSync(join(work, 'out'));
    const list = await runCli(['list', '--from', 'src', '--dir', join(work, 'out')], { env, cwd: work });
    expect(list.code).toBe(0);
    expect(list.stderr).not.toContain('INTERNAL');
  });

  it('the limit is 128: a 128-character name installs (its file a slug of at most 100 characters), 129 is refused', async () => {
    const { env, work } = sourceWith(['b'.repeat(128), 'c'.repeat(129)]);
    const out = join(work, 'out');
    expect((await runCli(['install', 'b'.repeat(128), '--from', 'src', '--dir', out], { env, cwd: work })).code).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.md'))).toEqual([`${'b'.repeat(91)}-${contentHash('b'.repeat(128)).slice(7, 15)}.md`]);
    expectTypedRefusal(await runCli(['install', 'c'.repeat(129), '--from', 'src', '--dir', out], { env, cwd: work }));
  });

  it('a manifest that records a 253-character name is MANIFEST_INVALID for status and uninstall, not INTERNAL', async () => {
    const { env, work } = sourceWith(['short-one']);
    const out = join(work, 'out');
    expect((await runCli(['install', 'short-one', '--from', 'src', '--dir', out], { env, cwd: work })).code).toBe(0);
    const manifest = join(out, '.agentpack.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"short-one"', JSON.stringify(LONG)));
    const status = await runCli(['status', '--dir', out, '--json'], { env, cwd: work });
    expect(status.stderr).not.toContain('INTERNAL');
    expect((JSON.parse(status.stdout) as { findings: { code: string }[] }).findings.map((f) => f.code)).toContain('MANIFEST_INVALID');
    const uninstall = await runCli(['uninstall', LONG, '--dir', out], { env, cwd: work });
    expectTypedRefusal(uninstall);
    expect(uninstall.stderr).toContain('error MANIFEST_INVALID:');
  });
});
