import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionEntries, findActions, separateActionsPlugin } from '../../build/action-entries.js';
import { bundle, folderWith } from '../helpers/bundle.js';
import { ROOT } from '../helpers/cli.js';

const lazyImport = (name: string): string => `export const go = async () => (await import('../actions/${name}.js')).run();\n`;

describe('findActions: the actions the command files import', () => {
  it('returns each imported action once, sorted, from the .ts files only', () => {
    const dir = folderWith({
      'list.ts': lazyImport('list'),
      'i18n.ts': lazyImport('i18n-status') + lazyImport('i18n-stamp') + lazyImport('list'),
      'index.ts': "export const table = ['list'];\n",
      // Not a command file: neither read nor refused.
      'notes.md': `import("../actions/ignored.js")\n`,
    });
    expect(findActions(dir)).toEqual(['i18n-stamp', 'i18n-status', 'list']);
  });

  it('negative control: an action named with other quotes fails instead of being skipped', () => {
    const dir = folderWith({ 'list.ts': lazyImport('list'), 'show.ts': `export const go = async () => (await import("../actions/show.js")).run();\n` });
    expect(() => findActions(dir)).toThrow(/show\.ts: import an action only as import\('\.\.\/actions\/<name>\.js'\), found "\.\.\/actions\/show\.js"/);
  });

  it('negative control: a static import fails, also beside a lazy import of the same file', () => {
    for (const text of [
      `import { run } from '../actions/show.js';\n`,
      `import { run } from '../actions/show.js';\n${lazyImport('show')}`,
      `const m = import('../actions/show');\n`,
    ]) {
      expect(() => findActions(folderWith({ 'show.ts': text })), text).toThrow(/show\.ts: import an action only as/);
    }
  });

  it('the real command files: every action found has its source, and so an entry', () => {
    const actions = findActions(join(ROOT, 'src', 'cli', 'commands'));
    expect(actions).toEqual(expect.arrayContaining(['install', 'list', 'status']));
    for (const [name, source] of Object.entries(actionEntries(actions))) {
      expect(name).toMatch(/^cli-action-[\w-]+$/);
      expect(existsSync(join(ROOT, source)), source).toBe(true);
    }
  });
});

describe('separateActionsPlugin', () => {
  const files = {
    'src/cli/commands/show.ts': lazyImport('show'),
    'src/cli/flows/uses-show.ts': lazyImport('show'),
    'src/cli/actions/show.ts': "export const run = () => 'SHOW_ACTION_BODY';\n",
  };
  const required = /require\(["']\.\/cli-action-show\.cjs["']\)/;

  it("turns a command's lazy import into a require of its action file, without the action's code", async () => {
    const dir = folderWith(files);
    const out = await bundle({ dir, entry: 'src/cli/commands/show.ts', plugins: [separateActionsPlugin(['show'])], external: ['./cli-action-show.cjs'] });
    expect(out).toMatch(required);
    expect(out).not.toContain('SHOW_ACTION_BODY');
  });

  it('negative control: without the plugin, or from a file outside commands/, the action is bundled in', async () => {
    const dir = folderWith(files);
    const without = await bundle({ dir, entry: 'src/cli/commands/show.ts', plugins: [] });
    const outside = await bundle({ dir, entry: 'src/cli/flows/uses-show.ts', plugins: [separateActionsPlugin(['show'])] });
    for (const out of [without, outside]) {
      expect(out).toContain('SHOW_ACTION_BODY');
      expect(out).not.toMatch(required);
    }
  });

  it('fails the build on an action that is not among the built ones', async () => {
    const dir = folderWith(files);
    await expect(bundle({ dir, entry: 'src/cli/commands/show.ts', plugins: [separateActionsPlugin(['list'])] })).rejects.toThrow(
      /action show is not among the built actions \(list\)/,
    );
  });
});
