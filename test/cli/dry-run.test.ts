import { appendFileSync, cpSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AGENT, packageRenders } from '../helpers/agentpack.js';
import { isolatedEnv, runCli, tempDir } from '../helpers/cli.js';
import { hashTree, sha256 } from '../helpers/tree.js';

let JA = '';
const { env } = isolatedEnv();
let template = '';

beforeAll(async () => {
  ({ ja: JA } = await packageRenders());
  template = join(tempDir(), 'agents');
  const r = await runCli(['install', AGENT, '--locale', 'en', '--dir', template], { env });
  expect(r.code, r.stderr).toBe(0);
});

function copy(edit = false): string {
  const root = tempDir();
  cpSync(template, join(root, 'agents'), { recursive: true, preserveTimestamps: true });
  if (edit) appendFileSync(join(root, 'agents', `${AGENT}.md`), 'edited\n');
  return root;
}

describe.concurrent('--dry-run changes nothing at all (full listing with hashes and mtimes, before and after)', () => {
  it('install into a home that has no ~/.claude yet: plans a create, creates no folder', async () => {
    const { env: e, home } = isolatedEnv();
    const before = hashTree(home);
    const r = await runCli(['install', AGENT, '--locale', 'ja', '--dry-run'], { env: e });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/create\s+ml-engineer\.md\s+ja/);
    expect(r.stdout).toContain('would be created');
    expect(hashTree(home)).toEqual(before);
    expect(existsSync(join(home, '.claude'))).toBe(false);
  });

  it.each([
    ['locale ja', ['locale', 'ja'], 0, /switch\s+ml-engineer\.md\s+en → ja/],
    ['install --locale ja', ['install', AGENT, '--locale', 'ja'], 0, /switch\s+ml-engineer\.md\s+en → ja/],
    ['uninstall', ['uninstall', AGENT], 0, /remove\s+ml-engineer\.md\s+en/],
    ['update', ['update'], 0, /skip\s+ml-engineer\.md\s+en\s+already installed/],
  ])('%s', async (_label, args, code, line) => {
    const root = copy();
    const before = hashTree(root);
    const r = await runCli([...args, '--dir', join(root, 'agents'), '--dry-run'], { env });
    expect(r.code, r.stderr).toBe(code);
    expect(r.stdout).toMatch(line);
    expect(hashTree(root)).toEqual(before);
  });

  it('a refused plan is printed with its conflicts and exits 1', async () => {
    const root = copy(true);
    const before = hashTree(root);
    const r = await runCli(['uninstall', AGENT, '--dir', join(root, 'agents'), '--dry-run'], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/conflict\s+ml-engineer\.md\s+en\s+edited since agentpack installed it/);
    expect(r.stderr).toContain('--force');
    expect(hashTree(root)).toEqual(before);
  });

  it('--force --dry-run names the backup it would make, and makes none', async () => {
    const root = copy(true);
    writeFileSync(join(root, 'agents', `${AGENT}.md.bak`), 'an older backup');
    const before = hashTree(root);
    const r = await runCli(['locale', 'ja', '--force', '--dry-run', '--json', '--dir', join(root, 'agents')], { env });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { ok: boolean; dryRun: boolean; actions: Record<string, unknown>[] };
    expect(out).toMatchObject({ ok: true, dryRun: true });
    expect(out.actions).toEqual([
      {
        action: 'switch',
        agent: AGENT,
        path: join(root, 'agents', `${AGENT}.md`),
        locale: 'ja',
        fromLocale: 'en',
        reason: 'modified',
        sha256: sha256(JA),
        backup: join(root, 'agents', `${AGENT}.md.bak.1`),
      },
    ]);
    expect(hashTree(root)).toEqual(before);
  });
});
