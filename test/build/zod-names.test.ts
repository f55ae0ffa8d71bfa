import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as zod from 'zod';
import { checkedZodExports, listedZodNames, missingZodNames } from '../../build/zod-names.js';
import { folderWith } from '../helpers/bundle.js';
import { ROOT } from '../helpers/cli.js';

const sources = {
  'a.ts':
    'const s = z.object({ a: z.string() });\ntype T = z.infer<typeof s>;\ntype I = z.input<typeof s>;\n// Named in prose: z.output and z.infer are types.\n',
  'deep/b.ts': "export const u = z.union([z.enum(['x']), z.literal('y')]);\n",
  // Not a .ts file: never read.
  'c.md': 'z.bogus()\n',
};

describe('zod names: every z.<name> the sources call is listed in the lazy file', () => {
  it('reports the names missing from the list, from every folder, without the type-level ones', () => {
    const dir = folderWith({ ...sources, 'lazy.ts': "export { enum, object, string } from 'zod';\n" });
    expect(missingZodNames({ sourceDir: dir, lazyFile: join(dir, 'lazy.ts') })).toEqual(['literal', 'union']);
    expect(() => checkedZodExports({ sourceDir: dir, lazyFile: join(dir, 'lazy.ts') })).toThrow(/lazy\.ts lacks zod exports the sources use: literal, union$/);
  });

  it('negative control: with every name listed nothing is missing, and the stub offers the list', () => {
    const dir = folderWith({ ...sources, 'lazy.ts': "export { enum, literal, object, string, union } from 'zod';\n" });
    expect(missingZodNames({ sourceDir: dir, lazyFile: join(dir, 'lazy.ts') })).toEqual([]);
    expect(checkedZodExports({ sourceDir: dir, lazyFile: join(dir, 'lazy.ts') })).toEqual({
      names: ['enum', 'literal', 'object', 'string', 'union'],
      defaultIsFunction: false,
    });
  });

  it('listedZodNames reads the export list across lines, and nothing from another package', () => {
    expect(listedZodNames("// a comment\nexport {\n  array,\n  boolean,\n} from 'zod';\n")).toEqual(['array', 'boolean']);
    expect(listedZodNames("export { array } from 'valibot';\n")).toEqual([]);
  });

  it('the repository: src needs no name build/lazy/zod.ts lacks, and each listed name is a zod export', () => {
    const lazyFile = join(ROOT, 'build', 'lazy', 'zod.ts');
    expect(missingZodNames({ sourceDir: join(ROOT, 'src'), lazyFile })).toEqual([]);
    const { names } = checkedZodExports({ sourceDir: join(ROOT, 'src'), lazyFile });
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) expect(name in zod, name).toBe(true);
  });
});
