import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, runCli } from '../test/helpers/cli.js';
import { claudeBin } from './helpers/ask-claude.js';
import { SEED } from './helpers/package-agent.js';

/** `agentpack status --claude-bin <the real Claude Code>`: the user-facing probe gives the same answer as the suite. */
describe.skipIf(claudeBin === '')('status --claude with the real Claude Code', () => {
  it('sees the installed agent in en, then ja; does not see a seed copied over it', async () => {
    const { env, home } = isolatedEnv();
    const file = join(home, '.claude', 'agents', 'ml-engineer.md');
    expect((await runCli(['install', 'ml-engineer', '--locale', 'en'], { env })).code).toBe(0);
    const en = await runCli(['status', '--claude-bin', claudeBin, '--json'], { env, timeoutMs: 90_000 });
    expect(en.code, en.stderr).toBe(0);
    const claude = JSON.parse(en.stdout).claude;
    expect(claude).toMatchObject({ available: true, binary: claudeBin, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(claude.agents).toEqual([{ name: 'ml-engineer', scope: 'user', path: file, seen: true, descriptionMatches: true }]);

    expect((await runCli(['locale', 'ja'], { env })).code).toBe(0);
    const ja = await runCli(['status', '--claude-bin', claudeBin, '--lang', 'ja'], { env, timeoutMs: 90_000 });
    expect(ja.code, ja.stderr).toBe(0);
    expect(ja.stdout).toContain('ml-engineer（ユーザーのエージェント）: Claude Code が読み込んでいます');

    // Negative control: the seed (banner before the front-matter) replaces it; Claude Code no longer lists it.
    mkdirSync(join(home, '.claude', 'agents'), { recursive: true });
    copyFileSync(SEED, file);
    const seed = await runCli(['status', '--claude-bin', claudeBin, '--json'], { env, timeoutMs: 90_000 });
    expect(seed.code).toBe(1);
    expect(JSON.parse(seed.stdout).claude.agents).toEqual([{ name: 'ml-engineer', scope: 'user', path: file, seen: false, descriptionMatches: false }]);
  });
});
