import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createStyle, shouldColor } from '../../src/ui/style.js';
import { isolatedEnv, runCli } from '../helpers/cli.js';
import { memoryStream, runInProcess } from '../helpers/in-process.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[/;

describe('shouldColor', () => {
  type Row = [string, { isTTY: boolean; env: Record<string, string | undefined>; flag: boolean; json: boolean }, boolean];
  const rows: Row[] = [
    ['a terminal', { isTTY: true, env: {}, flag: true, json: false }, true],
    ['a pipe', { isTTY: false, env: {}, flag: true, json: false }, false],
    ['a terminal with --no-color', { isTTY: true, env: {}, flag: false, json: false }, false],
    ['a terminal with --json', { isTTY: true, env: {}, flag: true, json: true }, false],
    ['a terminal with NO_COLOR=1', { isTTY: true, env: { NO_COLOR: '1' }, flag: true, json: false }, false],
    ['a terminal with NO_COLOR=0 (any non-empty value counts)', { isTTY: true, env: { NO_COLOR: '0' }, flag: true, json: false }, false],
    ['a terminal with an empty NO_COLOR (ignored, per no-color.org)', { isTTY: true, env: { NO_COLOR: '' }, flag: true, json: false }, true],
    ['a pipe with FORCE_COLOR=1', { isTTY: false, env: { FORCE_COLOR: '1' }, flag: true, json: false }, true],
    ['a pipe with FORCE_COLOR=3', { isTTY: false, env: { FORCE_COLOR: '3' }, flag: true, json: false }, true],
    ['a pipe with an empty FORCE_COLOR (as supports-color: on)', { isTTY: false, env: { FORCE_COLOR: '' }, flag: true, json: false }, true],
    ['a terminal with FORCE_COLOR=0', { isTTY: true, env: { FORCE_COLOR: '0' }, flag: true, json: false }, false],
    ['a terminal with FORCE_COLOR=false', { isTTY: true, env: { FORCE_COLOR: 'false' }, flag: true, json: false }, false],
    ['FORCE_COLOR=1 and NO_COLOR=1: NO_COLOR wins', { isTTY: false, env: { FORCE_COLOR: '1', NO_COLOR: '1' }, flag: true, json: false }, false],
    ['FORCE_COLOR=1 and --no-color: the flag wins', { isTTY: false, env: { FORCE_COLOR: '1' }, flag: false, json: false }, false],
    ['FORCE_COLOR=1 and --json: never colour JSON', { isTTY: true, env: { FORCE_COLOR: '1' }, flag: true, json: true }, false],
  ];
  it.each(rows)('%s', (_name, input, want) => {
    expect(shouldColor(input)).toBe(want);
  });

  it('createStyle paints only when enabled', () => {
    expect(createStyle(true).error('x')).toMatch(ANSI);
    expect(createStyle(false).error('x')).toBe('x');
  });
});

describe('spawned: colour follows the environment', () => {
  const colorEnv = (extra: Record<string, string | undefined>): Record<string, string> => isolatedEnv({ NO_COLOR: undefined, ...extra }).env;

  it('a coloured dry run: the plan keeps its colour codes as codes, never printed as text (\\x1b)', async () => {
    const { env } = isolatedEnv({ FORCE_COLOR: '1', NO_COLOR: undefined });
    const r = await runCli(['install', 'ml-engineer', '--dry-run'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(ANSI);
    expect(r.stdout).not.toContain('\\x1b');
    // Negative control: without colour the same line, no code at all.
    const { FORCE_COLOR: _force, ...uncoloured } = env;
    const plain = await runCli(['install', 'ml-engineer', '--dry-run'], { env: uncoloured });
    expect(plain.stdout).not.toMatch(ANSI);
    expect(r.stdout.replace(/\x1b\[[0-9;]*m/g, '')).toBe(plain.stdout);
  });

  it('list paints each folder cell by its state (ok green, edited yellow); the columns line up as without colour', async () => {
    const { env, home } = isolatedEnv({ FORCE_COLOR: '1', NO_COLOR: undefined });
    const dir = `${home}/out`;
    expect((await runCli(['install', 'ml-engineer', '--dir', dir], { env })).code).toBe(0);
    const ok = await runCli(['list', '--dir', dir], { env });
    expect(ok.stdout).toContain('\x1b[32men ok\x1b[39m');
    appendFileSync(`${dir}/ml-engineer.md`, 'My note.\n');
    const edited = await runCli(['list', '--dir', dir], { env });
    expect(edited.stdout).toContain('\x1b[33men edited\x1b[39m');
    // Negative control: without colour the same table, no code at all.
    const { FORCE_COLOR: _force, ...uncoloured } = env;
    const plain = await runCli(['list', '--dir', dir], { env: uncoloured });
    // An agent from a folder that changed since: update available, in cyan; its file deleted: missing, in red.
    const folder = `${home}/team`;
    mkdirSync(folder);
    writeFileSync(`${folder}/helper.md`, '---\nname: helper\ndescription: Helps\n---\n\nYou help.\n');
    expect((await runCli(['install', 'helper', '--from', folder, '--dir', dir], { env })).code).toBe(0);
    writeFileSync(`${folder}/helper.md`, '---\nname: helper\ndescription: Helps more\n---\n\nYou help.\n');
    expect((await runCli(['list', '--dir', dir], { env })).stdout).toContain('\x1b[36men update available\x1b[39m');
    rmSync(`${dir}/helper.md`);
    expect((await runCli(['list', '--dir', dir], { env })).stdout).toContain('\x1b[31men file missing');
    expect(plain.stdout).not.toMatch(ANSI);
    expect(edited.stdout.replace(/\x1b\[[0-9;]*m/g, '')).toBe(plain.stdout);
  });

  it('FORCE_COLOR=1 colours the report (stdout) and the error (stderr) even through a pipe', async () => {
    // --verbose: the clean files are listed too, in colour.
    const ok = await runCli(['validate', '--verbose'], { env: colorEnv({ FORCE_COLOR: '1' }) });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(ANSI);
    const failed = await runCli(['show', 'nope'], { env: colorEnv({ FORCE_COLOR: '1' }) });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(ANSI);
  });

  it.each([
    ['NO_COLOR=1', { FORCE_COLOR: '1', NO_COLOR: '1' }, []],
    ['--no-color', { FORCE_COLOR: '1' }, ['--no-color']],
    ['--json', { FORCE_COLOR: '1' }, ['--json']],
    ['a pipe without FORCE_COLOR', {}, []],
  ] as const)('%s: no ANSI code anywhere, even with FORCE_COLOR=1', async (_name, extra, flags) => {
    const env = colorEnv(extra);
    for (const args of [
      ['validate', ...flags],
      ['show', 'nope', ...flags],
    ]) {
      const r = await runCli(args, { env });
      expect(r.stdout + r.stderr, args.join(' ')).not.toMatch(ANSI);
    }
  });
});

describe('colour is decided per stream', () => {
  it('stdout on a terminal, stderr piped: the report is coloured, the error line is not', async () => {
    const ok = await runInProcess({
      argv: ['validate', '--verbose'],
      env: { LANG: 'C' },
      stdout: memoryStream({ isTTY: true, columns: 80 }),
      stderr: memoryStream({ isTTY: false }),
    });
    expect(ok.stdout).toMatch(ANSI);
    const failed = await runInProcess({
      argv: ['show', 'nope'],
      env: { LANG: 'C' },
      stdout: memoryStream({ isTTY: true }),
      stderr: memoryStream({ isTTY: false }),
    });
    expect(failed.stderr).toContain('error AGENT_UNKNOWN');
    expect(failed.stderr).not.toMatch(ANSI);
  });

  it('stderr on a terminal: the error line is coloured', async () => {
    const failed = await runInProcess({ argv: ['show', 'nope'], env: { LANG: 'C' }, stderr: memoryStream({ isTTY: true }) });
    expect(failed.stderr).toMatch(ANSI);
  });
});
