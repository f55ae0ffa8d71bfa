import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLangs, storeHelp } from '../../build/store-help.js';
import { LANGS } from '../../src/ui/messages.js';
import { folderWith } from '../helpers/bundle.js';
import { ROOT } from '../helpers/cli.js';

describe('readLangs: the languages are the folders of locales/ with a message catalog', () => {
  it('lists those folders, sorted, and no other entry', () => {
    const dir = folderWith({ 'ja/messages.json': '{}', 'en/messages.json': '{}', 'xx/agents/a.md': '', 'README.md': '' });
    expect(readLangs(dir)).toEqual(['en', 'ja']);
  });

  it("the repository's locales/ are exactly the program's LANGS", () => {
    expect(readLangs(join(ROOT, 'locales'))).toEqual([...LANGS].sort());
  });
});

describe('storeHelp', () => {
  // A stand-in for dist/cli-main.cjs that prints what it was run with.
  const echo = 'process.stdout.write(JSON.stringify({ args: process.argv.slice(2), env: process.env }));\n';

  it('writes <outDir>/cli-help-<lang>.txt from the program run with --help, its language, no colour and nothing else', async () => {
    const outDir = folderWith({ 'cli-main.cjs': echo });
    await storeHelp({ outDir, langs: ['en', 'ja'] });
    for (const lang of ['en', 'ja']) {
      const run = JSON.parse(readFileSync(join(outDir, `cli-help-${lang}.txt`), 'utf8')) as { args: string[]; env: Record<string, string> };
      expect(run.args).toEqual(['--help']);
      expect(run.env).toEqual({ PATH: process.env['PATH'] ?? '', AGENTPACK_LANG: lang, NO_COLOR: '1' });
    }
  });

  it('negative control: a program that fails stores nothing and fails the build', async () => {
    const outDir = folderWith({ 'cli-main.cjs': 'process.exitCode = 1;\n' });
    await expect(storeHelp({ outDir, langs: ['en'] })).rejects.toThrow();
    expect(existsSync(join(outDir, 'cli-help-en.txt'))).toBe(false);
  });
});
