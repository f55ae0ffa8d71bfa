import { appendFileSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AGENT, packageRenders, readManifestJson } from '../helpers/agentpack.js';
import { isolatedEnv, runCli, tempDir } from '../helpers/cli.js';
import { hashTree } from '../helpers/tree.js';

let EN = '';
let JA = '';
/** A folder where `install ml-engineer --locale en` ran (copied for each case). */
let template = '';
const { env } = isolatedEnv();

beforeAll(async () => {
  ({ en: EN, ja: JA } = await packageRenders());
  template = join(tempDir(), 'agents');
  const r = await runCli(['install', AGENT, '--locale', 'en', '--dir', template], { env });
  expect(r.code, r.stderr).toBe(0);
});

/** A fresh copy of the installed template with the agent file edited by the user. */
function editedCopy(): { dir: string; file: string; edited: Buffer } {
  const dir = join(tempDir(), 'agents');
  cpSync(template, dir, { recursive: true });
  const file = join(dir, `${AGENT}.md`);
  appendFileSync(file, '\n## My own notes\n- keep this\n');
  return { dir, file, edited: readFileSync(file) };
}

const commands: [string, string[], string][] = [
  ['install', ['install', AGENT], `agentpack install ${AGENT} --force --dir`],
  ['locale ja', ['locale', 'ja'], `agentpack locale ja --force --dir`],
  ['update', ['update'], `agentpack update ${AGENT} --force --dir`],
  ['uninstall', ['uninstall', AGENT], `agentpack uninstall ${AGENT} --force --dir`],
];

describe.concurrent('an edited installed file is never overwritten or removed', () => {
  it.each(commands)('%s exits 1, names the file and the --force command, and changes nothing', async (_label, args, force) => {
    const { dir, file, edited } = editedCopy();
    const before = hashTree(dir);
    const r = await runCli([...args, '--dir', dir], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain('edited since agentpack installed it');
    expect(r.stderr).toContain(`${force} ${dir}`);
    expect(readFileSync(file).equals(edited)).toBe(true);
    expect(hashTree(dir)).toEqual(before);
  });

  it.each(commands)('%s --force succeeds and keeps the edited bytes in a backup Claude Code does not load', async (label, args) => {
    const { dir, file, edited } = editedCopy();
    const r = await runCli([...args, '--force', '--dir', dir], { env });
    expect(r.code, r.stderr).toBe(0);
    const backup = `${file}.bak`;
    expect(readFileSync(backup).equals(edited)).toBe(true);
    expect(r.stdout).toContain(backup);
    if (label === 'uninstall') {
      expect(existsSync(file)).toBe(false);
      expect(readManifestJson(dir)).toBeUndefined();
    } else {
      expect(readFileSync(file, 'utf8')).toBe(label === 'locale ja' ? JA : EN);
      expect(readManifestJson(dir)?.agents[AGENT]?.locale).toBe(label === 'locale ja' ? 'ja' : 'en');
    }
  });

  it('--json refusal is data: CONFLICT with each action and its reason', async () => {
    const { dir } = editedCopy();
    const r = await runCli(['locale', 'ja', '--dir', dir, '--json'], { env });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { ok: boolean; error: { code: string; hint: string; details: { actions: { action: string; reason: string }[] } } };
    expect(out.ok).toBe(false);
    expect(out.error.code).toBe('CONFLICT');
    expect(out.error.details.actions).toEqual([expect.objectContaining({ action: 'conflict', reason: 'modified' })]);
    expect(out.error.hint).toContain('--force');
  });
});

describe.concurrent('files agentpack did not write', () => {
  it('a hand-written ml-engineer.md (not in the manifest) is refused without --force, kept as a backup with it', async () => {
    const dir = tempDir();
    const file = join(dir, `${AGENT}.md`);
    const mine = '---\nname: ml-engineer\ndescription: my own ML agent\n---\n\nMine.\n';
    writeFileSync(file, mine);
    const before = hashTree(dir);
    const refused = await runCli(['install', AGENT, '--dir', dir], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${file}: not written by agentpack`);
    expect(hashTree(dir)).toEqual(before);
    const forced = await runCli(['install', AGENT, '--dir', dir, '--force', '--locale', 'ja'], { env });
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(mine);
    expect(readFileSync(file, 'utf8')).toBe(JA);
    expect(forced.stdout).toContain(`The previous content is kept in ${file}.bak (Claude Code does not load it).`);
  });

  it('a symlink at the target is never written through: refused; with --force the link itself is replaced and kept as a backup link', async () => {
    const dir = tempDir();
    const outside = join(tempDir(), 'shared-agent.md');
    writeFileSync(outside, 'shared content\n');
    const file = join(dir, `${AGENT}.md`);
    symlinkSync(outside, file);
    const refused = await runCli(['install', AGENT, '--dir', dir], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('symbolic link');
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
    const forced = await runCli(['install', AGENT, '--dir', dir, '--force', '--locale', 'en'], { env });
    expect(forced.code, forced.stderr).toBe(0);
    expect(lstatSync(file).isSymbolicLink()).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(EN);
    expect(readlinkSync(`${file}.bak`)).toBe(outside);
    expect(readFileSync(outside, 'utf8')).toBe('shared content\n');
  });

  it('never creates a second file declaring the same name (not even with --force)', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'team'));
    writeFileSync(join(dir, 'team', 'ml.md'), '---\nname: ml-engineer\ndescription: team version\n---\n');
    const before = hashTree(dir);
    for (const extra of [[], ['--force']]) {
      const r = await runCli(['install', AGENT, '--dir', dir, ...extra], { env });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('team/ml.md');
      expect(hashTree(dir)).toEqual(before);
    }
  });
});
