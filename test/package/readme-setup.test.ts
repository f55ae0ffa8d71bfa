import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registryEnv, ROOT, runTool, tempDir } from '../helpers/cli.js';

/** The first shell block under a README's first `##` heading: the set-up command, as written. */
function setupCommand(readme: string): string {
  const text = readFileSync(join(ROOT, readme), 'utf8');
  const section = text.slice(text.indexOf('\n## '));
  const block = /```sh\n([^`]+?)\n```/.exec(section);
  if (!block?.[1]) throw new Error(`${readme}: no shell block in the first section`);
  return block[1];
}

/** The repository as a fresh clone would have it: the files git knows (tracked and new), nothing ignored. */
function copyCheckout(to: string): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0');
  for (const file of files) {
    if (file === '' || !existsSync(join(ROOT, file))) continue;
    mkdirSync(dirname(join(to, file)), { recursive: true });
    cpSync(join(ROOT, file), join(to, file));
  }
}

describe('the README set-up command, copied as written into a fresh checkout', () => {
  it('is the same in both READMEs, installs ml-engineer, and leaves agentpack on PATH for --project in another repository', async () => {
    const command = setupCommand('README.md');
    expect(setupCommand('README.ja.md')).toBe(command);
    expect(command).toContain('agentpack install ml-engineer');
    const work = tempDir('agentpack-setup-');
    const clone = join(work, 'clone');
    copyCheckout(clone);
    expect(existsSync(join(clone, 'dist'))).toBe(false);
    // npm's global folder in the temp tree (so `npm install -g .` writes nothing of the machine's), first on PATH.
    const base = registryEnv();
    const global = join(work, 'global');
    const env = { ...base.env, npm_config_prefix: global, npm_config_prefer_offline: 'true', PATH: `${join(global, 'bin')}:${base.env['PATH'] ?? ''}` };
    const setup = await runTool('sh', ['-c', command], { cwd: clone, env, timeoutMs: 240_000 });
    const userFile = join(base.home, '.claude', 'agents', 'ml-engineer.md');
    expect(readFileSync(userFile, 'utf8'), setup.stdout).toMatch(/^---\nname: ml-engineer\n/);
    expect(setup.stdout).toContain('ml-engineer');

    const project = join(work, 'elsewhere', 'my-app');
    mkdirSync(project, { recursive: true });
    execFileSync('git', ['init', '-q'], { cwd: project });
    mkdirSync(join(project, 'src'));
    const run = await runTool('agentpack', ['install', 'ml-engineer', '--project'], { cwd: join(project, 'src'), env });
    expect(run.stdout).toContain(join(project, '.claude', 'agents', 'ml-engineer.md'));
    expect(readFileSync(join(project, '.claude', 'agents', 'ml-engineer.md'), 'utf8')).toBe(readFileSync(userFile, 'utf8'));
    expect(run.stdout).toContain('agentpack locale');
    expect(run.stdout).not.toContain('npx');
  }, 300_000);
});
