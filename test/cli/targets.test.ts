import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGENT } from '../helpers/agentpack.js';
import { isolatedEnv, runCli, tempDir } from '../helpers/cli.js';
import { readToolFile, schemaProblems, TOOL_NAMES, TOOLS, toolFile, type ToolName } from '../helpers/tools.js';
import { hashTree } from '../helpers/tree.js';

type Scope = 'user' | 'project' | 'dir';

/** One place to install into: the flags, the working folder, and where the tool's file must land. */
function place(tool: ToolName, scope: Scope): { env: Record<string, string>; cwd: string; flags: string[]; file: string; folder: string } {
  const { env, home } = isolatedEnv();
  if (scope === 'user') {
    const file = toolFile({ tool, base: home, scope: 'user', agent: AGENT });
    return { env, cwd: home, flags: [], file, folder: dirname(file) };
  }
  if (scope === 'project') {
    const repo = tempDir('agentpack-repo-');
    execFileSync('git', ['init', '-q', repo]);
    const cwd = join(repo, 'src', 'deep');
    mkdirSync(cwd, { recursive: true });
    const file = toolFile({ tool, base: repo, scope: 'project', agent: AGENT });
    return { env, cwd, flags: ['--project'], file, folder: dirname(file) };
  }
  const folder = join(tempDir(), 'mine');
  return { env, cwd: home, flags: ['--dir', folder], file: join(folder, `${AGENT}${TOOLS[tool].ext}`), folder };
}

/** Who skips the backup, as the line about it says. */
const READER: Record<ToolName, string> = {
  opencode: 'OpenCode does not load it',
  codex: 'Codex CLI does not load it',
  gemini: 'Gemini CLI does not load it',
  cursor: 'Cursor does not load it',
  copilot: 'GitHub Copilot does not load it',
  qwen: 'Qwen Code does not load it',
  kiro: 'Kiro does not load it',
  agents: 'no coding agent loads it',
};

const cases = TOOL_NAMES.flatMap((tool) => (['user', 'project', 'dir'] as const).map((scope) => [tool, scope] as const));

describe.concurrent('install ml-engineer --target <tool>, locale ja and back, an edit refused, uninstall', () => {
  it.each(cases)('%s, %s scope', async (tool, scope) => {
    const at = place(tool, scope);
    const run = (args: string[]) => runCli([...args, '--target', tool, ...at.flags], { env: at.env, cwd: at.cwd });

    // A file of the user's own in the same folder: agentpack never touches it.
    mkdirSync(at.folder, { recursive: true });
    const own = join(at.folder, `my-own${TOOLS[tool].ext}`);
    writeFileSync(
      own,
      tool === 'codex' ? 'name = "my-own"\ndescription = "mine"\ndeveloper_instructions = "x"\n' : '---\nname: my-own\ndescription: mine\n---\n\nMine.\n',
    );
    const ownBytes = readFileSync(own);

    const installed = await run(['install', AGENT, '--locale', 'en']);
    expect(installed.code, installed.stderr).toBe(0);
    expect(installed.stdout).toContain(at.file);
    const en = readFileSync(at.file);
    expect(schemaProblems(tool, en.toString('utf8'))).toEqual([]);
    const read = readToolFile(tool, en.toString('utf8'));
    expect(String(read.fields['description'])).toMatch(/^Builds production machine learning systems/);
    expect(read.prompt).toMatch(/^You are an ML engineer/);
    expect(read.prompt.endsWith('\n')).toBe(true);
    const manifest = JSON.parse(readFileSync(join(at.folder, '.agentpack.json'), 'utf8')) as { agents: Record<string, { file?: string; locale: string }> };
    expect(manifest.agents[AGENT]?.locale).toBe('en');
    expect(manifest.agents[AGENT]?.file ?? `${AGENT}.md`).toBe(`${AGENT}${TOOLS[tool].ext}`);

    // locale with no language lists it as installed, compared with the tool's own bytes.
    const table = await run(['locale']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(new RegExp(`${AGENT} +en +ok\\n`));

    const ja = await run(['locale', 'ja']);
    expect(ja.code, ja.stderr).toBe(0);
    const jaText = readFileSync(at.file, 'utf8');
    expect(schemaProblems(tool, jaText)).toEqual([]);
    expect(String(readToolFile(tool, jaText).fields['description'])).toMatch(/^PyTorch 2\.x、TensorFlow/);
    expect(readToolFile(tool, jaText).prompt).toMatch(/^あなたは本番機械学習システム/);

    const back = await run(['locale', 'en']);
    expect(back.code, back.stderr).toBe(0);
    expect(readFileSync(at.file).equals(en)).toBe(true);

    // An edit is refused by every command that would write or remove the file.
    appendFileSync(at.file, tool === 'codex' ? '# my note\n' : '\nMy note.\n');
    const edited = readFileSync(at.file);
    const before = hashTree(at.folder);
    for (const args of [
      ['locale', 'ja'],
      ['install', AGENT],
      ['uninstall', AGENT],
    ]) {
      const refused = await run(args);
      expect(refused.code, args.join(' ')).toBe(1);
      expect(refused.stderr).toContain(`${at.file}: edited since agentpack installed it`);
      expect(refused.stderr).toContain(`--target ${tool}`);
    }
    expect(hashTree(at.folder)).toEqual(before);
    expect(readFileSync(at.file).equals(edited)).toBe(true);

    // --force keeps the edit as a backup; uninstall then removes only agentpack's file and its manifest.
    const forced = await run(['install', AGENT, '--locale', 'en', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(`${at.file}.bak`).equals(edited)).toBe(true);
    expect(readFileSync(at.file).equals(en)).toBe(true);
    // The backup line names the tool that reads the folder (the file name it has is one that tool skips).
    expect(forced.stdout).toContain(`The previous content is kept in ${at.file}.bak (${READER[tool]}).`);
    // status --target names the backups the folder holds.
    const withBackup = await run(['status']);
    expect(withBackup.stdout).toContain(`1 backup kept by a --force run in this folder: ${basename(at.file)}.bak`);
    const removed = await run(['uninstall', AGENT]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(existsSync(at.file)).toBe(false);
    expect(existsSync(join(at.folder, '.agentpack.json'))).toBe(false);
    expect(readFileSync(own).equals(ownBytes)).toBe(true);
    expect(readFileSync(`${at.file}.bak`).equals(edited)).toBe(true);
  });
});

describe.concurrent('what does not map is reported, never silent', () => {
  it('--dry-run writes nothing and names each loss; install says it too; --json carries it as data', async () => {
    const { env, home } = isolatedEnv();
    const file = toolFile({ tool: 'codex', base: home, scope: 'user', agent: AGENT });
    const dry = await runCli(['install', AGENT, '--target', 'codex', '--locale', 'en', '--dry-run'], { env });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`Plan for ${dirname(file)} (user):`);
    expect(dry.stdout).toMatch(/create +ml-engineer\.toml +en/);
    expect(dry.stdout).toContain('Not carried over to Codex CLI:');
    expect(dry.stdout).toContain('model sonnet: left out (Codex CLI uses its own default model)');
    expect(existsSync(dirname(file))).toBe(false);

    const json = await runCli(['install', AGENT, '--target', 'codex', '--locale', 'en', '--json'], { env });
    expect(json.code, json.stderr).toBe(0);
    const out = JSON.parse(json.stdout) as {
      ok: boolean;
      target: { tool: string; dir: string };
      conversion: { tool: string; agents: unknown[]; notes: unknown[] };
    };
    expect(out.ok).toBe(true);
    expect(out.target).toMatchObject({ tool: 'codex', dir: dirname(file) });
    expect(out.conversion).toEqual({
      tool: 'codex',
      agents: [{ agent: AGENT, locale: 'en', losses: [{ kind: 'model-dropped', model: 'sonnet' }] }],
      notes: [],
    });
    expect(existsSync(file)).toBe(true);
  });

  it('in Japanese: the losses, the switch hint with --target, and status', async () => {
    const { env, home } = isolatedEnv({ LANG: 'ja_JP.UTF-8' });
    const r = await runCli(['install', AGENT, '--target', 'gemini', '--locale', 'ja'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Gemini CLI に引き継げなかったもの:');
    expect(r.stdout).toContain('model sonnet: 省きました（Gemini CLI は自身の既定のモデルを使います）');
    expect(r.stdout).toContain('agentpack locale en --target gemini');
    const status = await runCli(['status', '--target', 'gemini', '--user'], { env });
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain(`${join(home, '.gemini', 'agents')} の Gemini CLI エージェント（ユーザー）:`);
    expect(status.stdout).toContain(`${AGENT}（ja）: インストールしたとおり`);
    expect(status.stdout).toContain('model sonnet: 省きました');
  });

  it('status --target: as installed, edited (shown with the --force command, exit 0 as status does), gone; --json', async () => {
    const { env, home } = isolatedEnv();
    expect((await runCli(['install', AGENT, '--target', 'cursor', '--locale', 'en'], { env })).code).toBe(0);
    const ok = await runCli(['status', '--target', 'cursor', '--user'], { env });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`${AGENT} (en): as installed`);
    expect(ok.stdout).toContain('model sonnet: written as inherit');
    const file = toolFile({ tool: 'cursor', base: home, scope: 'user', agent: AGENT });
    appendFileSync(file, 'mine\n');
    const edited = await runCli(['status', '--target', 'cursor', '--user'], { env });
    expect(edited.code).toBe(0);
    expect(edited.stdout).toContain(`${AGENT}: edited since agentpack wrote it (left alone; agentpack install ${AGENT} --force --target cursor replaces it`);
    const json = JSON.parse((await runCli(['status', '--target', 'cursor', '--user', '--json'], { env })).stdout) as {
      ok: boolean;
      tool: string;
      scopes: { agents: { agent: string; state: string }[] }[];
    };
    expect(json).toMatchObject({ ok: true, tool: 'cursor', scopes: [{ agents: [{ agent: AGENT, state: 'modified' }] }] });
    // As for Claude Code's folders: an edited file alone does not fail status.
    expect((await runCli(['install', AGENT, '--locale', 'en'], { env })).code).toBe(0);
    appendFileSync(join(home, '.claude', 'agents', `${AGENT}.md`), 'mine\n');
    expect((await runCli(['status', '--user'], { env })).code).toBe(0);
  });

  it("status --target copilot says that Copilot's CLI also reads .claude/agents", async () => {
    const { env } = isolatedEnv();
    const r = await runCli(['status', '--target', 'copilot', '--user'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Copilot's CLI also reads a project's .claude/agents");
    const ja = await runCli(['status', '--target', 'copilot', '--user'], { env: { ...env, LANG: 'ja_JP.UTF-8' } });
    expect(ja.stdout).toContain('Copilot の CLI はプロジェクトの .claude/agents も読みます');
    const codex = await runCli(['status', '--target', 'codex', '--user'], { env });
    expect(codex.stdout).not.toContain('.claude/agents');
  });

  it('show --target prints the exact bytes install writes; diff --target compares with them', async () => {
    const { env, home } = isolatedEnv();
    const shown = await runCli(['show', AGENT, '--target', 'codex', '--locale', 'ja'], { env });
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stderr).toContain('model sonnet: left out');
    expect(schemaProblems('codex', shown.stdout)).toEqual([]);
    expect((await runCli(['install', AGENT, '--target', 'codex', '--locale', 'ja'], { env })).code).toBe(0);
    const file = toolFile({ tool: 'codex', base: home, scope: 'user', agent: AGENT });
    expect(readFileSync(file, 'utf8')).toBe(shown.stdout);
    const same = await runCli(['diff', AGENT, '--target', 'codex'], { env });
    expect(same.code, same.stdout + same.stderr).toBe(0);
    appendFileSync(file, '# mine\n');
    const differs = await runCli(['diff', AGENT, '--target', 'codex'], { env });
    expect(differs.code).toBe(1);
    expect(differs.stdout).toContain('+# mine');
  });

  it('an unknown --target is a usage error (exit 2) naming the tools; --target claude is the default folders', async () => {
    const { env, home } = isolatedEnv();
    const bad = await runCli(['install', AGENT, '--target', 'vim'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--target must be one of claude, opencode, codex, gemini, cursor, copilot, qwen, kiro, agents (got "vim")');
    const ja = await runCli(['status', '--target', 'vim'], { env: { ...env, LANG: 'ja_JP.UTF-8' } });
    expect(ja.code).toBe(2);
    expect(ja.stderr).toContain('--target には claude, opencode, codex, gemini, cursor, copilot, qwen, kiro, agents のいずれかを指定してください');
    const claude = await runCli(['install', AGENT, '-t', 'claude', '--locale', 'en'], { env });
    expect(claude.code, claude.stderr).toBe(0);
    expect(existsSync(join(home, '.claude', 'agents', `${AGENT}.md`))).toBe(true);
  });

  it('CODEX_HOME moves the Codex user folder, as Codex itself reads it', async () => {
    const codexHome = tempDir('codex-home-');
    const { env } = isolatedEnv({ CODEX_HOME: codexHome });
    const r = await runCli(['install', AGENT, '--target', 'codex'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(codexHome, 'agents', `${AGENT}.toml`))).toBe(true);
  });

  // Each tool's own variable, as the pinned client reads it (test-targets/install.test.ts proves three of them).
  it.each([
    ['opencode', 'XDG_CONFIG_HOME', ['opencode', 'agents', `${AGENT}.md`]],
    ['gemini', 'GEMINI_CLI_HOME', ['.gemini', 'agents', `${AGENT}.md`]],
    ['qwen', 'QWEN_HOME', ['agents', `${AGENT}.md`]],
    ['kiro', 'KIRO_HOME', ['agents', `${AGENT}.md`]],
  ] as const)('%s: %s moves the user folder; unset or empty, the default under the home', async (tool, variable, below) => {
    const moved = tempDir(`${tool}-home-`);
    const { env, home } = isolatedEnv({ [variable]: moved });
    const r = await runCli(['install', AGENT, '--target', tool], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(moved, ...below))).toBe(true);
    expect(existsSync(toolFile({ tool, base: home, scope: 'user', agent: AGENT }))).toBe(false);
    const empty = isolatedEnv({ [variable]: '' });
    expect((await runCli(['install', AGENT, '--target', tool], { env: empty.env })).code).toBe(0);
    expect(existsSync(toolFile({ tool, base: empty.home, scope: 'user', agent: AGENT }))).toBe(true);
  });

  it('QWEN_HOME=~/… is below the home, as Qwen Code reads it; a relative one is from the working folder', async () => {
    const { env, home } = isolatedEnv({ QWEN_HOME: '~/qwen-config' });
    expect((await runCli(['install', AGENT, '--target', 'qwen'], { env })).code).toBe(0);
    expect(existsSync(join(home, 'qwen-config', 'agents', `${AGENT}.md`))).toBe(true);
    const relative = isolatedEnv({ QWEN_HOME: 'rel-qwen' });
    const cwd = join(relative.home, 'work');
    mkdirSync(cwd);
    expect((await runCli(['install', AGENT, '--target', 'qwen'], { env: relative.env, cwd })).code).toBe(0);
    expect(existsSync(join(cwd, 'rel-qwen', 'agents', `${AGENT}.md`))).toBe(true);
  });
});

describe.concurrent('agents from a folder, update', () => {
  it('install --from --target gemini, then status and update --check read that folder again', async () => {
    const { env } = isolatedEnv();
    const from = join(tempDir(), 'catalog');
    mkdirSync(from, { recursive: true });
    writeFileSync(join(from, 'reviewer.md'), '---\nname: reviewer\ndescription: "Reviews: diffs"\ntools: Read, Grep\ncolor: blue\n---\n\nReview.\n');
    const dir = join(tempDir(), 'gemini-agents');
    const installed = await runCli(['install', 'reviewer', '--from', from, '--target', 'gemini', '--dir', dir], { env });
    expect(installed.code, installed.stderr).toBe(0);
    expect(installed.stdout).toContain('color: left out (Gemini CLI has no such field)');
    const text = readFileSync(join(dir, 'reviewer.md'), 'utf8');
    expect(readToolFile('gemini', text).fields).toEqual({
      name: 'reviewer',
      description: 'Reviews: diffs',
      kind: 'local',
      tools: ['read_file', 'grep_search'],
    });
    for (let i = 0; i < 2; i++) {
      // The second time the recorded fingerprint matches: the folder must still be read to convert it.
      const status = await runCli(['status', '--target', 'gemini', '--dir', dir], { env });
      expect(status.code, status.stdout + status.stderr).toBe(0);
      expect(status.stdout).toContain('reviewer (en): as installed');
    }
    const check = await runCli(['update', '--check', '--target', 'gemini', '--dir', dir], { env });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    writeFileSync(join(from, 'reviewer.md'), '---\nname: reviewer\ndescription: "Reviews: diffs"\ntools: Read, Grep\n---\n\nReview better.\n');
    const due = await runCli(['update', '--check', '--target', 'gemini', '--dir', dir], { env });
    expect(due.code).toBe(1);
    const updated = await runCli(['update', '--target', 'gemini', '--dir', dir], { env });
    expect(updated.code, updated.stderr).toBe(0);
    expect(readToolFile('gemini', readFileSync(join(dir, 'reviewer.md'), 'utf8')).prompt).toBe('Review better.\n');
  });
});
