/**
 * Text from agent files must never reach a terminal raw (issue 8): `list`, `validate` and `show` on a
 * package whose catalog is the hostile corpus plus agents with escape sequences in their description and
 * in their file name. The package is a temporary copy of the built one (dist/, package.json, messages,
 * node_modules linked) with a hostile agents/ folder, so the real binary runs against it.
 *
 * `show` prints the exact bytes install would write, so piped or redirected it keeps them (ESC included);
 * on a terminal it shows control characters as \xNN (checked through a pseudo-terminal with `script`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isolatedEnv, ROOT, tempDir, type CliResult } from '../helpers/cli.js';
import { HOSTILE_DIR, RAW_CONTROL, STACK_TRACE } from '../helpers/hostile.js';

const ESCAPES = '\u001b[2J\u001b[H\u001b]0;pwned\u0007\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\\u0007\u009b31m';
const EVIL = `---\nname: evil\ndescription: "${ESCAPES.replace(/\\/g, '\\\\').replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}"\n---\n\nBody with ${ESCAPES} inside.\n`;
const ESC_NAME_FILE = 'esc-\u001b[31m-name.md';
/** What a pseudo-terminal may add itself (\r before \n) is allowed; nothing else. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL_BUT_CR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

let pkg: string;
const { env } = isolatedEnv();

beforeAll(() => {
  pkg = tempDir('agentpack-fakepkg-');
  cpSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
  cpSync(join(ROOT, 'dist'), join(pkg, 'dist'), { recursive: true });
  for (const lang of ['en', 'ja']) {
    mkdirSync(join(pkg, 'locales', lang), { recursive: true });
    cpSync(join(ROOT, 'locales', lang, 'messages.json'), join(pkg, 'locales', lang, 'messages.json'));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
  mkdirSync(join(pkg, 'agents'));
  for (const file of readdirSync(HOSTILE_DIR).filter((f) => f.endsWith('.md'))) cpSync(join(HOSTILE_DIR, file), join(pkg, 'agents', file));
  writeFileSync(join(pkg, 'agents', 'evil.md'), EVIL);
  writeFileSync(join(pkg, 'agents', ESC_NAME_FILE), EVIL.replace('name: evil', 'name: esc-name'));
});

function runPackage(args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(pkg, 'dist', 'cli.js'), ...args], { cwd: env['HOME'], env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** Run the fake package's CLI on a pseudo-terminal 100 columns wide (util-linux `script`). */
function runOnTerminal(args: string[]): { code: number | null; output: string } {
  const quoted = [process.execPath, join(pkg, 'dist', 'cli.js'), ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('script', ['-qec', `stty cols 100 2>/dev/null; ${quoted}`, '/dev/null'], { cwd: env['HOME'], env, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, output: r.stdout + r.stderr };
}

describe('terminal output of hostile agent files', () => {
  it('the hostile description really holds raw escape sequences (negative control)', async () => {
    const r = await runPackage(['show', 'evil', '--json']);
    expect(r.code).toBe(0);
    const content = (JSON.parse(r.stdout) as { content: string }).content;
    expect(content).toContain('\u001b[2J');
    expect(content).toContain('\u0007');
    expect(content).toMatch(RAW_CONTROL);
  });

  it('list (human) shows names and descriptions with control characters escaped', async () => {
    const r = await runPackage(['list']);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('\\x1b[2J\\x1b[H\\x1b]0;pwned\\x07');
    expect(r.stdout).toContain('esc-\\x1b[31m-name');
  });

  it('validate (human) of the whole hostile catalog prints no raw control character', async () => {
    const r = await runPackage(['validate']);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
  });

  it('show piped keeps the exact bytes install would write', async () => {
    const piped = await runPackage(['show', 'evil']);
    const json = await runPackage(['show', 'evil', '--json']);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe((JSON.parse(json.stdout) as { content: string }).content);
  });

  it.skipIf(!hasScript)('show and list on a terminal escape control characters (script(1) pseudo-terminal)', () => {
    const show = runOnTerminal(['show', 'evil']);
    expect(show.code).toBe(0);
    expect(show.output).not.toMatch(RAW_CONTROL_BUT_CR);
    expect(show.output).toContain('Body with \\x1b[2J\\x1b[H\\x1b]0;pwned\\x07');
    const list = runOnTerminal(['list']);
    expect(list.code).toBe(0);
    expect(list.output).not.toMatch(RAW_CONTROL_BUT_CR);
    expect(list.output).toContain('evil');
  });
});
