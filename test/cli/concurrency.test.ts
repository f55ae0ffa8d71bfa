import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AGENT, packageRenders, readManifestJson } from '../helpers/agentpack.js';
import { isolatedEnv, runCli, tempDir } from '../helpers/cli.js';
import { sha256 } from '../helpers/tree.js';

let renders: Record<string, string> = {};
beforeAll(async () => {
  renders = await packageRenders();
});

/** The manifest lists exactly the *.md files on disk, each complete and equal to the render of its recorded locale. */
function expectConsistent(dir: string): void {
  const names = readdirSync(dir);
  expect(names.filter((n) => n.startsWith('.agentpack-') || n.endsWith('.lock'))).toEqual([]);
  const files = names.filter((n) => n.endsWith('.md')).sort();
  const manifest = readManifestJson(dir);
  expect(
    Object.keys(manifest?.agents ?? {})
      .map((a) => `${a}.md`)
      .sort(),
  ).toEqual(files);
  for (const [agent, entry] of Object.entries(manifest?.agents ?? {})) {
    const bytes = readFileSync(join(dir, `${agent}.md`), 'utf8');
    expect(bytes).toBe(renders[entry.locale]);
    expect(sha256(bytes)).toBe(entry.sha256);
  }
}

describe('concurrent runs on one folder', () => {
  it('8 processes installing and switching at once, then 8 mixing in uninstall: every run succeeds, the manifest matches the disk', {
    timeout: 120_000,
  }, async () => {
    const { env } = isolatedEnv();
    const dir = join(tempDir(), 'agents');
    const jobs = [
      ['install', AGENT, '--locale', 'en'],
      ['install', AGENT, '--locale', 'ja'],
      ['locale', 'ja'],
      ['install', AGENT, '--locale', 'en'],
      ['locale', 'en'],
      ['install', AGENT, '--locale', 'ja'],
      ['locale', 'ja'],
      ['install', AGENT],
    ];
    for (let round = 0; round < 1; round++) {
      const results = await Promise.all(jobs.map((args) => runCli([...args, '--dir', dir], { env, timeoutMs: 60_000 })));
      for (const r of results) expect(r.code, r.stderr).toBe(0);
      expectConsistent(dir);
      expect(Object.keys(readManifestJson(dir)?.agents ?? {})).toEqual([AGENT]);
    }
    const mixed = await Promise.all(
      [
        ['uninstall', AGENT],
        ['install', AGENT, '--locale', 'ja'],
        ['locale', 'en'],
        ['uninstall', AGENT],
        ['install', AGENT],
        ['locale', 'ja'],
        ['install', AGENT, '--locale', 'en'],
        ['uninstall', AGENT],
      ].map((args) => runCli([...args, '--dir', dir], { env, timeoutMs: 60_000 })),
    );
    for (const r of mixed) expect(r.code, r.stderr).toBe(0);
    expectConsistent(dir);
  });
});
