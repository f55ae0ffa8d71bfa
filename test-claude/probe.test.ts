import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAgent } from '../src/core/agent/parse.js';
import { CLAUDE_PROBE_ARGS, claudeProbeEnv } from '../src/io/claude/probe.js';
import { isolatedEnv, runCli, tempDir } from '../test/helpers/cli.js';
import { askClaude, claudeBin, claudeVersion, durations, fileAgents, freshHome, summarise } from './helpers/ask-claude.js';
import { packageDescription, sameBytes, SEED } from './helpers/package-agent.js';
import { PIN } from './helpers/pinned.js';

/** The exact bytes `agentpack show ml-engineer --locale <l>` prints: what install will write. */
async function rendered(locale: 'en' | 'ja'): Promise<string> {
  const r = await runCli(['show', 'ml-engineer', '--locale', locale], { env: isolatedEnv().env });
  expect(r.code).toBe(0);
  return r.stdout;
}

async function mlEngineers(options: { home: string; configDir?: string; cwd?: string }): Promise<Array<{ description: string; model?: string }>> {
  return (await fileAgents(await askClaude(options))).filter((a) => a.name === 'ml-engineer');
}

const hasStrace = spawnSync('strace', ['-V']).status === 0;

describe.skipIf(claudeBin === '')('the real Claude Code sees what agentpack writes', () => {
  afterAll(() => {
    process.stdout.write(`\n[test:claude] probe timings (Claude Code ${claudeVersion}): ${summarise(durations)}\n`);
    if (!hasStrace) process.stdout.write('[test:claude] strace is not installed: the no-network check was skipped.\n');
  });

  it('is the pinned version (or the one AGENTPACK_CLAUDE_BIN names)', async () => {
    const result = await askClaude({ home: freshHome().home });
    expect(result.version).toBe(process.env['AGENTPACK_CLAUDE_BIN'] ? claudeVersion : PIN.version);
    expect(result.agents.length).toBeGreaterThan(0);
  });

  it('negative control: an empty home lists no ml-engineer', async () => {
    expect(await mlEngineers({ home: freshHome().home })).toEqual([]);
  });

  it('negative control: the seed copied verbatim (banner before the front-matter) is not listed', async () => {
    const { home, agents } = freshHome();
    copyFileSync(SEED, join(agents, 'ml-engineer.md'));
    expect(await mlEngineers({ home })).toEqual([]);
    const r = await runCli(['validate', '--json', join(agents, 'ml-engineer.md')], { env: isolatedEnv().env });
    const file = (JSON.parse(r.stdout) as { files: Array<{ loadableAsIs: boolean; diagnostics: Array<{ code: string }> }> }).files[0];
    expect(file?.loadableAsIs).toBe(false);
    expect(file?.diagnostics.map((d) => d.code)).toContain('BANNER_BEFORE_FRONTMATTER');
  });

  it.each(['en', 'ja'] as const)('lists the rendered %s variant with its exact description and model sonnet', async (locale) => {
    const { home, agents } = freshHome();
    const content = await rendered(locale);
    writeFileSync(join(agents, 'ml-engineer.md'), content);
    const listed = await mlEngineers({ home });
    expect(listed).toHaveLength(1);
    const expected = packageDescription(locale);
    expect(sameBytes(listed[0]?.description, expected)).toBe(true);
    expect(listed[0]?.description).toBe(parseAgent(content).spec?.description);
    expect(listed[0]?.model).toBe('sonnet');
    if (locale === 'ja') expect(listed[0]?.description).toMatch(/本番MLシステムを構築します/);
    else expect(listed[0]?.description).toMatch(/^Builds production machine learning systems/);
  });

  it('with CLAUDE_CONFIG_DIR set, reads $CLAUDE_CONFIG_DIR/agents and not ~/.claude/agents', async () => {
    const { home, agents } = freshHome();
    writeFileSync(join(agents, 'ml-engineer.md'), await rendered('en'));
    const configDir = join(tempDir('agentpack-claude-config-'), 'claude');
    mkdirSync(join(configDir, 'agents'), { recursive: true });
    // Negative control: the file in ~/.claude/agents is ignored once CLAUDE_CONFIG_DIR is set.
    expect(await mlEngineers({ home, configDir })).toEqual([]);
    writeFileSync(join(configDir, 'agents', 'ml-engineer.md'), await rendered('ja'));
    const listed = await mlEngineers({ home, configDir });
    expect(listed.map((a) => a.description)).toEqual([packageDescription('ja')]);
  });

  it('a project agent wins over the user agent of the same name, from any folder of the project', async () => {
    const { home, agents } = freshHome();
    writeFileSync(join(agents, 'ml-engineer.md'), await rendered('en'));
    const project = tempDir('agentpack-claude-project-');
    mkdirSync(join(project, '.git'));
    mkdirSync(join(project, '.claude', 'agents'), { recursive: true });
    mkdirSync(join(project, 'src', 'deep'), { recursive: true });
    writeFileSync(join(project, '.claude', 'agents', 'ml-engineer.md'), await rendered('ja'));
    const inProject = await mlEngineers({ home, cwd: join(project, 'src', 'deep') });
    expect(inProject.map((a) => a.description)).toEqual([packageDescription('ja')]);
    // Negative control: outside the project the user (en) agent is the one listed.
    const outside = await mlEngineers({ home, cwd: home });
    expect(outside.map((a) => a.description)).toEqual([packageDescription('en')]);
  });

  it("runs none of the user's hooks, yet lists what the documented command lists", async () => {
    const { home, agents } = freshHome();
    writeFileSync(join(agents, 'ml-engineer.md'), await rendered('en'));
    const marker = join(home, 'hook-ran');
    const hook = { hooks: { SessionStart: [{ hooks: [{ type: 'command', command: `touch "${marker}"` }] }] } };
    writeFileSync(join(home, '.claude', 'settings.json'), JSON.stringify(hook));
    // Positive control: the documented command (claude-code-agents.md) runs the user's SessionStart hook.
    const documented = await new Promise<string>((resolve, reject) => {
      const env = { ...claudeProbeEnv({ PATH: process.env['PATH'], HOME: home }), TMPDIR: join(home, 'tmp') };
      mkdirSync(join(home, 'tmp'), { recursive: true });
      const child = spawn(claudeBin, ['-p', '--input-format', 'stream-json', '--output-format', 'stream-json', '--verbose'], { cwd: home, env });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      child.on('error', reject);
      child.on('close', () => resolve(out));
      child.stdin.end('{"type":"control_request","request_id":"init-1","request":{"subtype":"initialize"}}\n');
    });
    expect(existsSync(marker)).toBe(true);
    rmSync(marker);
    const answer = documented.split('\n').find((l) => l.includes('"control_response"')) ?? '{}';
    const documentedNames = (JSON.parse(answer) as { response: { response: { agents: Array<{ name: string }> } } }).response.response.agents.map((a) => a.name);
    const probed = await askClaude({ home });
    expect(existsSync(marker)).toBe(false);
    expect(probed.agents.map((a) => a.name)).toEqual(documentedNames);
    expect(documentedNames).toContain('ml-engineer');
  });

  it.skipIf(!hasStrace)('opens no network connection (every connect() traced with strace)', async () => {
    const { home, agents } = freshHome();
    writeFileSync(join(agents, 'ml-engineer.md'), await rendered('en'));
    const trace = join(tempDir('agentpack-strace-'), 'trace.txt');
    const env = { ...claudeProbeEnv({ PATH: process.env['PATH'], HOME: home }), TMPDIR: join(home, 'tmp') };
    mkdirSync(join(home, 'tmp'));
    const stdout = await new Promise<string>((resolve, reject) => {
      const child = spawn('strace', ['-f', '-qq', '-e', 'trace=connect,sendto,sendmsg,openat', '-o', trace, claudeBin, ...CLAUDE_PROBE_ARGS], {
        cwd: home,
        env,
      });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      child.on('error', reject);
      child.on('close', () => resolve(out));
      child.stdin.end('{"type":"control_request","request_id":"init-1","request":{"subtype":"initialize"}}\n');
    });
    expect(stdout).toContain('"name":"ml-engineer"');
    const traced = readFileSync(trace, 'utf8').split('\n');
    // Positive control: the trace follows the process that reads the agent file.
    expect(traced.some((l) => l.includes('openat(') && l.includes('ml-engineer.md'))).toBe(true);
    const calls = traced.filter((l) => /\b(connect|sendto|sendmsg)\(/.test(l));
    const outward = calls.filter((l) => !/AF_UNIX|AF_NETLINK|127\.0\.0\.1|::1|inet_addr\("127\./.test(l) && /AF_INET/.test(l));
    expect(outward).toEqual([]);
  });
});
