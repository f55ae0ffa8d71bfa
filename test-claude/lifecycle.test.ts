import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { isolatedEnv, runCli, tempDir, type CliResult } from '../test/helpers/cli.js';
import { askClaude, claudeBin, fileAgents } from './helpers/ask-claude.js';
import { packageDescription, sameBytes, SEED } from './helpers/package-agent.js';

/**
 * The install lifecycle, proved by the real Claude Code: each scenario runs the built agentpack in a
 * temporary home/project, then asks Claude Code which agents it loads.
 */
type Locale = 'en' | 'ja';

/** A temporary home for both agentpack and Claude Code, optionally with CLAUDE_CONFIG_DIR. */
function setup(options: { configDir?: boolean } = {}): { env: Record<string, string>; home: string; configDir?: string } {
  const configDir = options.configDir ? join(tempDir('agentpack-claude-config-'), 'claude') : undefined;
  const { env, home } = isolatedEnv(configDir ? { CLAUDE_CONFIG_DIR: configDir } : {});
  return configDir ? { env, home, configDir } : { env, home };
}

async function agentpack(args: string[], options: { env: Record<string, string>; cwd?: string }): Promise<CliResult> {
  const r = await runCli(args, options.cwd ? { env: options.env, cwd: options.cwd } : { env: options.env });
  if (r.code !== 0) throw new Error(`agentpack ${args.join(' ')} exited ${r.code}\n${r.stderr}${r.stdout}`);
  return r;
}

/** The ml-engineer agents Claude Code lists for this home (and working directory). */
async function listed(options: { home: string; configDir?: string; cwd?: string }): Promise<Array<{ description: string; model?: string }>> {
  return (await fileAgents(await askClaude(options))).filter((a) => a.name === 'ml-engineer');
}

async function expectListed(options: { home: string; configDir?: string; cwd?: string; locale: Locale }): Promise<void> {
  const agents = await listed(options);
  expect(agents, `Claude Code lists one ml-engineer (${options.locale})`).toHaveLength(1);
  expect(sameBytes(agents[0]?.description, packageDescription(options.locale)), `description is the ${options.locale} one, byte for byte`).toBe(true);
  expect(agents[0]?.model).toBe('sonnet');
}

const statusJsonSchema = z.looseObject({
  ok: z.boolean(),
  scopes: z.array(
    z.looseObject({
      scope: z.enum(['user', 'project', 'dir']),
      dir: z.string(),
      files: z.array(z.looseObject({ path: z.string(), agent: z.string().nullable(), isAgent: z.boolean(), loadable: z.boolean() })),
    }),
  ),
});

/** The user-scope file entry of `status --json` for ml-engineer.md, in the shape status prints. */
function statusFile(stdout: string, path: string): z.infer<typeof statusJsonSchema>['scopes'][number]['files'][number] {
  const status = statusJsonSchema.parse(JSON.parse(stdout));
  const files = status.scopes.find((s) => s.scope === 'user')?.files.filter((f) => f.path === path) ?? [];
  expect(files, `status --json lists ${path} once`).toHaveLength(1);
  return files[0] as z.infer<typeof statusJsonSchema>['scopes'][number]['files'][number];
}

describe.skipIf(claudeBin === '')('the install lifecycle, as the real Claude Code sees it', () => {
  it('install --locale en, then locale ja, then locale en: Claude Code follows each step', async () => {
    const { env, home } = setup();
    expect(await listed({ home }), 'negative control: nothing before install').toEqual([]);
    await agentpack(['install', 'ml-engineer', '--locale', 'en'], { env });
    expect(existsSync(join(home, '.claude', 'agents', 'ml-engineer.md'))).toBe(true);
    await expectListed({ home, locale: 'en' });
    const status = await runCli(['status', '--json'], { env });
    expect(status.code).toBe(0);
    expect(statusFile(status.stdout, join(home, '.claude', 'agents', 'ml-engineer.md'))).toMatchObject({ agent: 'ml-engineer', isAgent: true, loadable: true });

    await agentpack(['locale', 'ja'], { env });
    await expectListed({ home, locale: 'ja' });
    await agentpack(['locale', 'en'], { env });
    await expectListed({ home, locale: 'en' });
  });

  it('with CLAUDE_CONFIG_DIR: installs into $CLAUDE_CONFIG_DIR/agents, where Claude Code finds it', async () => {
    const { env, home, configDir } = setup({ configDir: true });
    if (configDir === undefined) throw new Error('no config dir');
    await agentpack(['install', 'ml-engineer', '--locale', 'ja'], { env });
    expect(existsSync(join(configDir, 'agents', 'ml-engineer.md'))).toBe(true);
    expect(existsSync(join(home, '.claude')), 'agentpack wrote nothing under ~/.claude').toBe(false);
    await expectListed({ home, configDir, locale: 'ja' });
    // Negative control: the same home without CLAUDE_CONFIG_DIR does not see it.
    expect(await listed({ home })).toEqual([]);
  });

  it('install --project ja while the user scope has en: Claude Code shows the project (ja) one', async () => {
    const { env, home } = setup();
    await agentpack(['install', 'ml-engineer', '--locale', 'en'], { env });
    const project = tempDir('agentpack-claude-project-');
    mkdirSync(join(project, '.git'));
    await agentpack(['install', 'ml-engineer', '--project', '--locale', 'ja'], { env, cwd: project });
    expect(existsSync(join(project, '.claude', 'agents', 'ml-engineer.md'))).toBe(true);
    await expectListed({ home, cwd: project, locale: 'ja' });
    // Negative control: outside the project the user (en) one is listed.
    await expectListed({ home, cwd: home, locale: 'en' });
  });

  it('uninstall: Claude Code no longer lists it', async () => {
    const { env, home } = setup();
    await agentpack(['install', 'ml-engineer', '--locale', 'en'], { env });
    await expectListed({ home, locale: 'en' });
    await agentpack(['uninstall', 'ml-engineer'], { env });
    expect(existsSync(join(home, '.claude', 'agents', 'ml-engineer.md'))).toBe(false);
    expect(await listed({ home })).toEqual([]);
  });

  it('the seed copied verbatim: Claude Code does not list it, and agentpack status flags it as not loadable', async () => {
    const { env, home } = setup();
    mkdirSync(join(home, '.claude', 'agents'), { recursive: true });
    const file = join(home, '.claude', 'agents', 'ml-engineer.md');
    copyFileSync(SEED, file);
    expect(await listed({ home })).toEqual([]);
    const status = await runCli(['status', '--json'], { env });
    expect(status.code).toBe(1);
    expect(statusFile(status.stdout, file)).toMatchObject({ isAgent: true, loadable: false });
    const human = await runCli(['status'], { env });
    expect(human.code).toBe(1);
    expect(human.stdout + human.stderr).toContain('ml-engineer.md');
  });
});
