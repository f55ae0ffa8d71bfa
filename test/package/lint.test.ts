import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';

const BIN = join(ROOT, 'node_modules', '.bin');

/** Runs `tool args` in a new folder holding `files`, then removes the folder. */
function runIn(files: Record<string, string>, tool: string, args: string[]): { status: number | null; output: string } {
  const dir = tempDir('agentpack-lint-');
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    if (tool === 'biome') copyFileSync(join(ROOT, 'biome.jsonc'), join(dir, 'biome.jsonc'));
    const r = spawnSync(join(BIN, tool), args, { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `biome ci` as `npm run lint` runs it, with the project's biome.jsonc, on one file (src/probe.ts). The folder is no git repository. */
const lint = (source: string) => runIn({ 'src/probe.ts': source }, 'biome', ['ci', '--error-on-warnings', '--vcs-enabled=false', '--colors=off', '.']);

describe('npm run lint (Biome with biome.jsonc)', () => {
  it('passes a file in the house style, with the patterns the configuration allows on purpose', () => {
    const r = lint(
      [
        "const xs: string[] = process.env['AGENTPACK_X'] ? ['a'] : [];",
        'export const first = xs.length > 0 ? xs[0]! : undefined;',
        'export const ESC = /\\u001b\\[[0-9;]*m/g;',
        '',
      ].join('\n'),
    );
    expect(r.output).not.toMatch(/lint\//);
    expect(r.status, r.output).toBe(0);
  });

  it('fails a file that breaks a lint rule, naming the rule (negative control)', () => {
    const r = lint(['export function pick(a: number, b: number): number {', '  if ((a = b)) return a;', '  debugger;', '  return b;', '}', ''].join('\n'));
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('lint/suspicious/noAssignInExpressions');
    expect(r.output).toContain('lint/suspicious/noDebugger');
  });

  it('fails a file that is not formatted (double quotes, no semicolon)', () => {
    const r = lint('export const greeting = "hello"\n');
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('format');
    expect(r.output).not.toMatch(/lint\//);
  });
});

describe('npm run knip', () => {
  it('fails on an export nothing imports, naming it (negative control)', () => {
    const r = runIn(
      {
        'package.json': '{ "name": "probe", "type": "module", "private": true }\n',
        'knip.json': '{ "entry": ["src/index.ts"], "project": ["src/**/*.ts"] }\n',
        'src/index.ts': "import { used } from './used.js';\n\nconsole.log(used);\n",
        'src/used.ts': 'export const used = 1;\nexport const unused = 2;\n',
      },
      'knip',
      ['--no-progress'],
    );
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/Unused exports \(1\)\s+unused\s+src\/used\.ts/);
  });
});
