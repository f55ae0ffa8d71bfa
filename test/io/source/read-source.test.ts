import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, sourceFixtures } from '../../../scripts/generate-source-fixtures.js';
import { mapLimit } from '../../../src/io/fs/pool.js';
import { readSource } from '../../../src/io/source/read-source.js';
import { copyPackageCatalog } from '../../helpers/catalog.js';
import { isolatedEnv, runCli, tempDir } from '../../helpers/cli.js';
import { memoryStream, runInProcess } from '../../helpers/in-process.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => statSync(join(dir, p)).isFile())
    .map((p) => p.split('\\').join('/'))
    .sort();
}

/** A folder of `count` agents spread over plugins, with documentation beside them. */
function bigSource(count: number): string {
  const dir = tempDir('agentpack-big-');
  for (let i = 0; i < count; i++) {
    const folder = join(dir, 'plugins', `p${i % 40}`, 'agents');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `agent-${i}.md`), `---\nname: agent-${i}\ndescription: Agent number ${i}.\n---\n\n${'You help with one thing. '.repeat(40)}\n`);
    if (i < 40) writeFileSync(join(dir, 'plugins', `p${i % 40}`, 'README.md'), '# Plugin\n');
  }
  return dir;
}

describe('test/fixtures/sources', () => {
  it('are exactly what scripts/generate-source-fixtures.ts writes', () => {
    const expected = sourceFixtures();
    expect(filesUnder(FIXTURES_DIR)).toEqual(Object.keys(expected).sort());
    for (const [rel, text] of Object.entries(expected)) expect(readFileSync(join(FIXTURES_DIR, rel), 'utf8'), rel).toBe(text);
  });

  it('hold 30 agent files in 8 plugins, 5 in the team folder', () => {
    const plugin = Object.keys(sourceFixtures()).filter((p) => /^plugin-tree\/plugins\/[^/]+\/agents\/[^/]+\.md$/.test(p));
    expect(plugin).toHaveLength(30);
    expect(new Set(plugin.map((p) => p.split('/')[2])).size).toBe(8);
  });
});

describe('readSource', () => {
  it('skips node_modules and .git, reads a folder of 1,000 agents with bounded concurrency', async () => {
    const dir = bigSource(1000);
    for (const skipped of ['node_modules/pkg', '.git/x']) {
      mkdirSync(join(dir, skipped), { recursive: true });
      writeFileSync(join(dir, skipped, 'agent-0.md'), '---\nname: agent-0\ndescription: Another definition.\n---\nHidden.\n');
    }
    const progress: number[] = [];
    const scan = await readSource({ from: dir, cwd: '/', onProgress: (p) => progress.push(p.done) });
    expect(scan.catalog.agents.size).toBe(1000);
    expect(scan.conflicts).toEqual([]);
    expect(scan.catalog.agents.get('agent-7')?.variants.get('en')?.relPath).toBe('plugins/p7/agents/agent-7.md');
    expect(progress).toHaveLength(1040); // 1,000 agents and 40 READMEs
    expect(progress.at(-1)).toBe(1040);
  });

  it('mapLimit never has more than `limit` calls in flight and keeps the order', async () => {
    let active = 0;
    let peak = 0;
    const out = await mapLimit({
      items: Array.from({ length: 50 }, (_, i) => i),
      limit: 4,
      fn: async (i) => {
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setTimeout(r, 1));
        active--;
        return i * 2;
      },
    });
    expect(peak).toBe(4);
    expect(out).toEqual(Array.from({ length: 50 }, (_, i) => i * 2));
  });

  it('a missing --from is PATH_NOT_FOUND', async () => {
    await expect(readSource({ from: 'no/such/folder', cwd: tempDir() })).rejects.toMatchObject({ code: 'PATH_NOT_FOUND', params: { path: 'no/such/folder' } });
  });
});

describe('--from beside the package catalog', () => {
  it('without --from nothing changes; --from a copy of the package lists the same agents and locales', async () => {
    const env = isolatedEnv().env;
    const plain = await runCli(['list', '--json'], { env });
    const pkg = JSON.parse(plain.stdout) as { agents: Record<string, unknown>[] };
    expect(pkg.agents.map((a) => Object.keys(a))).toEqual(pkg.agents.map(() => ['name', 'description', 'locales', 'installed']));
    expect(Object.keys(pkg)).toEqual(['ok', 'agents']);
    const copy = copyPackageCatalog();
    const fromCopy = JSON.parse((await runCli(['list', '--from', copy, '--json'], { env })).stdout) as {
      agents: { name: string; description: string; locales: string[] }[];
    };
    expect(fromCopy.agents.map(({ name, description, locales }) => ({ name, description, locales }))).toEqual(
      pkg.agents.map(({ name, description, locales }) => ({ name, description, locales })),
    );
    const show = await runCli(['show', 'ml-engineer', '--locale', 'ja'], { env });
    expect((await runCli(['show', 'ml-engineer', '--locale', 'ja', '--from', copy], { env })).stdout).toBe(show.stdout);
  });

  it('i18n stamp --from records the hash in a banner-first translation; status turns current', async () => {
    const dir = tempDir();
    cpSync(join(FIXTURES_DIR, 'ja-tree'), dir, { recursive: true });
    const env = isolatedEnv().env;
    const file = join(dir, 'i18n/ja/agents/review/style-checker.md');
    const before = readFileSync(file, 'utf8');
    const stamped = await runCli(['i18n', 'stamp', 'style-checker', '--locale', 'ja', '--from', '.'], { env, cwd: dir });
    expect(stamped.code).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith('> **[English](../../../../agents/review/style-checker.md)** | **日本語**\n\n---\n')).toBe(true);
    expect(after).toMatch(/\ni18n:\n {2}source: \.\.\/\.\.\/\.\.\/\.\.\/agents\/review\/style-checker\.md\n {2}sourceHash: sha256:[0-9a-f]{64}\n---\n/);
    expect(after.replace(/i18n:\n.*\n.*\n/, '')).toBe(before);
    const status = JSON.parse((await runCli(['i18n', 'status', '--from', '.', '--json'], { env, cwd: dir })).stdout) as {
      translations: { agent: string; status: string }[];
    };
    expect(status.translations.find((t) => t.agent === 'style-checker')?.status).toBe('current');
    expect(relative(dir, file)).toBe('i18n/ja/agents/review/style-checker.md');
  });
});

describe('progress on a terminal', () => {
  it('a run over more than 50 files shows a progress line on a TTY stderr and erases it; never when piped', async () => {
    const dir = bigSource(60);
    const tty = memoryStream({ isTTY: true });
    const r = await runInProcess({ argv: ['list', '--from', dir], stderr: tty });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('\rReading 100/100 files…');
    expect(r.stderr.endsWith(`\r${' '.repeat('Reading 100/100 files…'.length)}\r`)).toBe(true);
    const piped = await runInProcess({ argv: ['list', '--from', dir] });
    expect(piped.stderr).toBe('');
    const small = await runInProcess({ argv: ['list', '--from', join(FIXTURES_DIR, 'team')], stderr: memoryStream({ isTTY: true }) });
    expect(small.stderr).toBe('');
  });
});
