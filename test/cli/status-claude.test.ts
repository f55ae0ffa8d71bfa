import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAgent } from '../../src/core/agent/parse.js';
import { isolatedEnv, ROOT, runCli, tempDir } from '../helpers/cli.js';

// `status --claude` with stand-in `claude` programs; the real Claude Code is asked in test-claude/status-claude.test.ts.
const EN = parseAgent(readFileSync(join(ROOT, 'agents', 'ml-engineer.md'), 'utf8')).spec?.description ?? '';

function answer(agents: { name: string; description: string }[]): string {
  const response = { claude_code_version: '9.9.9', agents: [{ name: 'general-purpose', description: 'built in' }, ...agents] };
  return JSON.stringify({ type: 'control_response', response: { subtype: 'success', request_id: 'agentpack-init', response } });
}

/** A folder holding an executable `claude` that prints `line` and records its HOME, CLAUDE_CONFIG_DIR and cwd. */
function fakeClaude(body: string): { dir: string; bin: string } {
  const dir = tempDir('agentpack-fake-claude-');
  const bin = join(dir, 'claude');
  writeFileSync(bin, `#!/bin/sh\necho "$HOME" > "${dir}/home.txt"\necho "$CLAUDE_CONFIG_DIR" > "${dir}/config.txt"\npwd > "${dir}/cwd.txt"\n${body}\n`);
  chmodSync(bin, 0o755);
  return { dir, bin };
}

const printing = (agents: { name: string; description: string }[]): string => `echo '${answer(agents).replace(/'/g, `'\\''`)}'`;

async function installedHome(extra: Record<string, string> = {}): Promise<{ env: Record<string, string>; home: string }> {
  const setup = isolatedEnv(extra);
  const r = await runCli(['install', 'ml-engineer', '--locale', 'en'], { env: setup.env });
  expect(r.code).toBe(0);
  return setup;
}

const EMPTY_PATH = tempDir('agentpack-empty-path-');

const listing = (): { dir: string; bin: string } => fakeClaude(printing([{ name: 'ml-engineer', description: EN }]));

describe.skipIf(process.platform === 'win32')('status --claude', { timeout: 60_000 }, () => {
  it("claude on PATH lists the installed agent with its description: seen, exit 0, asked for the user's own home", async () => {
    const seen = listing();
    const { env, home } = await installedHome();
    const r = await runCli(['status', '--claude', '--json'], { env: { ...env, PATH: `${seen.dir}:${env['PATH']}` } });
    expect(r.code).toBe(0);
    const claude = JSON.parse(r.stdout).claude;
    expect(claude).toEqual({
      available: true,
      binary: seen.bin,
      version: '9.9.9',
      agents: [{ name: 'ml-engineer', scope: 'user', path: join(home, '.claude', 'agents', 'ml-engineer.md'), seen: true, descriptionMatches: true }],
    });
    expect(readFileSync(join(seen.dir, 'home.txt'), 'utf8').trim()).toBe(home);
    const human = await runCli(['status', '--claude'], { env: { ...env, PATH: `${seen.dir}:${env['PATH']}` } });
    expect(human.stdout).toContain('Claude Code 9.9.9');
    expect(human.stdout).toContain('ml-engineer (User agents): Claude Code loads it');
    const ja = await runCli(['status', '--claude', '--lang', 'ja'], { env: { ...env, PATH: `${seen.dir}:${env['PATH']}` } });
    expect(ja.stdout).toContain('ml-engineer（ユーザーのエージェント）: Claude Code が読み込んでいます');
  });

  it('with CLAUDE_CONFIG_DIR: the probe gets it, and the installed file there is the one compared', async () => {
    const seen = listing();
    const config = join(tempDir('agentpack-config-'), 'claude');
    const { env } = await installedHome({ CLAUDE_CONFIG_DIR: config });
    const r = await runCli(['status', '--claude-bin', seen.bin, '--json'], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).claude.agents[0]).toMatchObject({ path: join(config, 'agents', 'ml-engineer.md'), seen: true, descriptionMatches: true });
    expect(readFileSync(join(seen.dir, 'config.txt'), 'utf8').trim()).toBe(config);
  });

  it('not listed by Claude Code: seen false, exit 1, the file named', async () => {
    const { env, home } = await installedHome();
    const none = fakeClaude(printing([]));
    const r = await runCli(['status', '--claude-bin', none.bin, '--json'], { env });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).claude.agents).toEqual([
      { name: 'ml-engineer', scope: 'user', path: join(home, '.claude', 'agents', 'ml-engineer.md'), seen: false, descriptionMatches: false },
    ]);
    const human = await runCli(['status', '--claude-bin', none.bin], { env });
    expect(human.code).toBe(1);
    expect(human.stdout).toContain(`ml-engineer (User agents): Claude Code does not list it (${join(home, '.claude', 'agents', 'ml-engineer.md')})`);
  });

  it('listed with another description: another definition wins (a warning, exit 0)', async () => {
    const { env } = await installedHome();
    const other = fakeClaude(printing([{ name: 'ml-engineer', description: "Someone else's ml-engineer" }]));
    const r = await runCli(['status', '--claude-bin', other.bin, '--json'], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).claude.agents[0]).toMatchObject({ seen: true, descriptionMatches: false });
    const human = await runCli(['status', '--claude-bin', other.bin], { env });
    expect(human.stdout).toMatch(/Claude Code lists another ml-engineer; a different definition wins over .*ml-engineer\.md/);
  });

  it('no claude on PATH: says so in en and ja, falls back to the static checks and their exit code', async () => {
    const { env } = await installedHome();
    const path = { ...env, PATH: EMPTY_PATH };
    const r = await runCli(['status', '--claude', '--json'], { env: path });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.claude).toEqual({ available: false, reason: 'no-binary' });
    expect(json.scopes[0].files[0]).toMatchObject({ agent: 'ml-engineer', loadable: true });
    const en = await runCli(['status', '--claude'], { env: path });
    expect(en.stdout).toContain('No claude binary on PATH, so Claude Code itself was not asked.');
    const ja = await runCli(['status', '--claude', '--lang', 'ja'], { env: path });
    expect(ja.stdout).toContain('PATH に claude が見つからないため、Claude Code 本体には問い合わせていません。');
    // The static checks still decide: a file Claude Code would skip makes it exit 1.
    writeFileSync(join(env['HOME'] as string, '.claude', 'agents', 'broken.md'), '\n---\nname: broken\ndescription: x\n---\n');
    expect((await runCli(['status', '--claude'], { env: path })).code).toBe(1);
  });

  it('a binary that fails or does not exist: reason and error code in JSON, static checks decide the exit code', async () => {
    const { env } = await installedHome();
    const failing = fakeClaude(`echo 'boom' >&2\nexit 3`);
    const r = await runCli(['status', '--claude-bin', failing.bin, '--json'], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).claude).toMatchObject({
      available: false,
      reason: 'probe-failed',
      binary: failing.bin,
      error: { code: 'CLAUDE_PROBE_FAILED' },
    });
    const missing = join(tempDir(), 'claude');
    const gone = await runCli(['status', '--claude-bin', missing, '--json'], { env });
    expect(JSON.parse(gone.stdout).claude).toMatchObject({ available: false, reason: 'not-found', error: { code: 'CLAUDE_NOT_FOUND' } });
    const human = await runCli(['status', '--claude-bin', missing], { env });
    expect(human.code).toBe(0);
    expect(human.stdout + human.stderr).toContain('Showing the static checks only.');
  });

  it('without --claude nothing is asked and the JSON has no claude key', async () => {
    const { env } = await installedHome();
    const spy = fakeClaude(printing([]));
    const r = await runCli(['status', '--json'], { env: { ...env, PATH: `${spy.dir}:${env['PATH']}` } });
    expect(JSON.parse(r.stdout)).not.toHaveProperty('claude');
    expect(existsSync(join(spy.dir, 'home.txt'))).toBe(false);
  });

  it('a project install is compared in the project scope, from the working folder', async () => {
    const seen = listing();
    const { env } = isolatedEnv();
    const project = tempDir('agentpack-project-');
    mkdirSync(join(project, '.git'));
    expect((await runCli(['install', 'ml-engineer', '--project', '--locale', 'en'], { env, cwd: project })).code).toBe(0);
    const r = await runCli(['status', '--claude-bin', seen.bin, '--json'], { env, cwd: project });
    expect(JSON.parse(r.stdout).claude.agents).toEqual([expect.objectContaining({ scope: 'project', seen: true, descriptionMatches: true })]);
    expect(readFileSync(join(seen.dir, 'cwd.txt'), 'utf8').trim()).toBe(project);
  });
});
