import { cpSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../../scripts/generate-source-fixtures.js';
import { isolatedEnv, runCli, tempDir, type CliResult } from '../helpers/cli.js';

/**
 * `list` and `status` take an unchanged source folder's renders from the manifest (`source.scan`, recorded with
 * a stat-only fingerprint of the folder) instead of reading and rendering it again. These tests hold the two
 * paths to the same output, and check that any change to the folder sends them back to the full read.
 */

interface Scan {
  fingerprint: string;
  description?: string;
  descriptions: Record<string, string>;
  renders: Record<string, string>;
  locales: string[];
}
interface Entry {
  locale: string;
  sha256: string;
  source?: { from: string; path: string; scan?: Scan };
}
type Manifest = { version: number; agents: Record<string, Entry> };

function setup(trees: string[]): { work: string; agents: string; cli: (args: string[]) => Promise<CliResult> } {
  const { env, home } = isolatedEnv();
  const work = tempDir('agentpack-scan-');
  for (const tree of trees) cpSync(join(FIXTURES_DIR, tree), join(work, tree), { recursive: true });
  return { work, agents: join(home, '.claude', 'agents'), cli: (args) => runCli(args, { env, cwd: work }) };
}

const manifestPath = (agents: string): string => join(agents, '.agentpack.json');
const readManifest = (agents: string): Manifest => JSON.parse(readFileSync(manifestPath(agents), 'utf8')) as Manifest;
const writeManifest = (agents: string, manifest: Manifest): void => writeFileSync(manifestPath(agents), `${JSON.stringify(manifest, null, 2)}\n`);

/** The manifest as older agentpack versions wrote it: no `scan`, so every folder is read in full. */
function stripScans(agents: string): void {
  const manifest = readManifest(agents);
  for (const entry of Object.values(manifest.agents)) if (entry.source) delete entry.source.scan;
  writeManifest(agents, manifest);
}

/** The reports whose output depends on the folder's renders: list (json, and the table in Japanese) and status. */
async function reports(cli: (args: string[]) => Promise<CliResult>): Promise<CliResult[]> {
  return Promise.all([cli(['list', '--json']), cli(['list', '--lang', 'ja']), cli(['status', '--json'])]);
}

/** The `list --json` entry of one agent, installed in the user folder. */
function listed(result: CliResult, agent: string): { description: string; locales: string[]; installed: { user: { state: string; locale: string } | null } } {
  const found = (
    JSON.parse(result.stdout) as {
      agents: { name: string; description: string; locales: string[]; installed: { user: { state: string; locale: string } | null } }[];
    }
  ).agents.find((a) => a.name === agent);
  if (!found) throw new Error(`${agent} not listed`);
  return found;
}

/** Rewrite a file keeping its size (one ASCII letter of the body changed). */
function editSameSize(path: string): void {
  const text = readFileSync(path, 'utf8');
  const at = text.lastIndexOf('e');
  writeFileSync(path, `${text.slice(0, at)}E${text.slice(at + 1)}`);
  expect(statSync(path).size).toBe(Buffer.byteLength(text));
}

describe('list/status from the recorded scan of an unchanged source folder', () => {
  it('gives the same list/status output as reading every folder in full, also after a source file changed', async () => {
    const { work, agents, cli } = setup(['ja-tree', 'team']);
    expect((await cli(['install', '--all', '--from', 'ja-tree', '--locale', 'en'])).code).toBe(0);
    expect((await cli(['install', '--all', '--from', 'team'])).code).toBe(0);
    expect((await cli(['locale', 'ja', 'style-checker'])).code).toBe(0);
    // A file edited by hand (modified), and the Japanese render copied over an English install (ok, ja, recovered).
    writeFileSync(join(agents, 'pr-describer.md'), `${readFileSync(join(agents, 'pr-describer.md'), 'utf8')}\nMine.\n`);
    const ja = await cli(['show', 'api-reviewer', '--from', 'ja-tree', '--locale', 'ja']);
    writeFileSync(join(agents, 'api-reviewer.md'), ja.stdout);
    const manifest = readManifest(agents);
    expect(Object.values(manifest.agents).every((e) => e.source?.scan?.fingerprint.startsWith('sha256:'))).toBe(true);
    expect(manifest.agents['api-reviewer']?.source?.scan?.locales).toEqual(['en', 'ja']);

    const recorded = await reports(cli);
    expect(listed(recorded[0] as CliResult, 'api-reviewer').installed.user).toMatchObject({ state: 'ok', locale: 'ja' });
    expect(listed(recorded[0] as CliResult, 'pr-describer').installed.user).toMatchObject({ state: 'modified' });
    expect(listed(recorded[0] as CliResult, 'style-checker').installed.user).toMatchObject({ state: 'ok', locale: 'ja' });
    expect(recorded[1]?.stdout).toContain('チームのスタイルガイドに沿っているかコードを確認します。');
    stripScans(agents);
    expect(await reports(cli)).toEqual(recorded);

    // A source file changed (same size): both paths say outdated; the recorded fingerprint no longer matches.
    writeManifest(agents, manifest);
    editSameSize(join(work, 'ja-tree', 'agents', 'ops', 'backup-planner.md'));
    const changed = await reports(cli);
    expect(listed(changed[0] as CliResult, 'backup-planner').installed.user).toMatchObject({ state: 'outdated' });
    expect(changed).not.toEqual(recorded);
    stripScans(agents);
    expect(await reports(cli)).toEqual(changed);
  });

  it('uses the recorded scan while the folder is unchanged and reads it again after any change (touch, same size, other size)', async () => {
    const { work, agents, cli } = setup(['team']);
    expect((await cli(['install', '--all', '--from', 'team'])).code).toBe(0);
    const real = listed(await cli(['list', '--json']), 'pr-describer').description;
    expect(real).not.toBe('');
    const file = join(work, 'team', 'pr-describer.md');
    // A recorded description that the folder does not have tells which path `list` took.
    const mark = (): void => {
      const manifest = readManifest(agents);
      const scan = manifest.agents['pr-describer']?.source?.scan as Scan;
      scan.descriptions['en'] = 'RECORDED';
      writeManifest(agents, manifest);
    };
    const description = async (): Promise<string> => listed(await cli(['list', '--json']), 'pr-describer').description;
    mark();
    expect(await description()).toBe('RECORDED');
    // Negative control: without the scan, the folder is read.
    const marked = readManifest(agents);
    stripScans(agents);
    expect(await description()).toBe(real);

    // Touched only (same bytes, other mtime): read again, still ok.
    writeManifest(agents, marked);
    const { atime, mtime } = statSync(file);
    utimesSync(file, atime, new Date(mtime.getTime() + 5000));
    expect(await description()).toBe(real);
    expect(listed(await cli(['list', '--json']), 'pr-describer').installed.user?.state).toBe('ok');

    // `update` records the folder as it is now: the scan is used again.
    expect((await cli(['update'])).code).toBe(0);
    mark();
    expect(await description()).toBe('RECORDED');

    // Same size, mtime set back to what it was: only the inode change time differs, and that is enough.
    const before = statSync(file);
    editSameSize(file);
    utimesSync(file, before.atime, before.mtime);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(await description()).toBe(real);
    expect(listed(await cli(['list', '--json']), 'pr-describer').installed.user?.state).toBe('outdated');

    // Another size: outdated too.
    expect((await cli(['update'])).code).toBe(0);
    mark();
    expect(await description()).toBe('RECORDED');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nOne more line.\n`);
    expect(await description()).toBe(real);
    expect(listed(await cli(['list', '--json']), 'pr-describer').installed.user?.state).toBe('outdated');

    // A new agent file elsewhere in the folder changes the listing: read again.
    expect((await cli(['update'])).code).toBe(0);
    mark();
    expect(await description()).toBe('RECORDED');
    writeFileSync(join(work, 'team', 'notes.md'), '# Notes\n');
    expect(await description()).toBe(real);
  });
});
