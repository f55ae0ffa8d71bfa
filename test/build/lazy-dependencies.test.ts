import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { LAZY_DEPENDENCIES, lazyDependenciesPlugin, lazyEntries, lazyModuleText, readLazyExports, type LazyExports } from '../../build/lazy-dependencies.js';
import { bundle, folderWith } from '../helpers/bundle.js';

/** Runs a stub's text as CommonJS; `required` records each require, which answers with `real`. */
function runStub(options: { text: string; real: unknown }): { exports: Record<string, unknown> & ((...args: unknown[]) => unknown); required: string[] } {
  const required: string[] = [];
  const module = { exports: {} };
  runInNewContext(options.text, {
    module,
    require: (id: string) => {
      required.push(id);
      return options.real;
    },
  });
  return { exports: module.exports as Record<string, unknown> & ((...args: unknown[]) => unknown), required };
}

describe('lazyModuleText: the stub that stands in for a lazy package', () => {
  it('requires ./cli-<file>.cjs on first access only, once, and offers exactly the listed names', () => {
    const exports: LazyExports = { names: ['parse', 'stringify'], defaultIsFunction: false };
    const stub = runStub({ text: lazyModuleText({ file: 'yaml', exports }), real: { parse: (s: string) => `parsed ${s}`, stringify: 'S', other: 'O' } });
    expect(stub.required).toEqual([]);
    expect(Object.keys(stub.exports)).toEqual(['parse', 'stringify']);
    expect(stub.required).toEqual([]);
    expect((stub.exports['parse'] as (s: string) => string)('a')).toBe('parsed a');
    expect(stub.exports['stringify']).toBe('S');
    expect(stub.required).toEqual(['./cli-yaml.cjs']);
    // Negative control: a name the list lacks is not forwarded, even though the real module has it.
    expect(stub.exports['other']).toBeUndefined();
  });

  it('forwards calls of a function default export, and names its own file', () => {
    const stub = runStub({
      text: lazyModuleText({ file: 'string-width', exports: { names: ['default'], defaultIsFunction: true } }),
      real: { default: (s: string) => s.length * 2 },
    });
    expect(stub.exports('abc')).toBe(6);
    expect(stub.required).toEqual(['./cli-string-width.cjs']);
  });

  it('negative control: without defaultIsFunction the stub is not callable', () => {
    const stub = runStub({ text: lazyModuleText({ file: 'chalk', exports: { names: ['default'], defaultIsFunction: false } }), real: { default: () => 1 } });
    expect(typeof stub.exports).toBe('object');
  });
});

describe('lazyDependenciesPlugin', () => {
  const yaml = LAZY_DEPENDENCIES.filter((d) => d.pkg === 'yaml');

  it("replaces the package in the program's files by the stub, and keeps it in build/lazy/", async () => {
    const dir = folderWith({
      'src/use.ts': "import { parse } from 'yaml';\nexport const read = (s: string) => parse(s);\n",
      'build/lazy/yaml.ts': "export * from 'yaml';\n",
    });
    const exportsOf = await readLazyExports(yaml);
    const plugins = [lazyDependenciesPlugin({ dependencies: yaml, exportsOf })];
    const program = await bundle({ dir, entry: 'src/use.ts', plugins, external: ['./cli-yaml.cjs'] });
    const lazyFile = await bundle({ dir, entry: 'build/lazy/yaml.ts', plugins });
    // An error code of yaml's parser marks its code.
    expect(program).toMatch(/require\(["']\.\/cli-yaml\.cjs["']\)/);
    expect(program).not.toContain('TAG_RESOLVE_FAILED');
    expect(lazyFile).toContain('TAG_RESOLVE_FAILED');
    expect(lazyFile).not.toContain('cli-yaml.cjs');
  });

  it('negative control: without the plugin the program holds the package itself', async () => {
    const dir = folderWith({ 'src/use.ts': "import { parse } from 'yaml';\nexport const read = (s: string) => parse(s);\n" });
    const program = await bundle({ dir, entry: 'src/use.ts', plugins: [] });
    expect(program).toContain('TAG_RESOLVE_FAILED');
    expect(program).not.toContain('cli-yaml.cjs');
  });

  it('readLazyExports reads the real names, and the entries name build/lazy/<file>.ts', async () => {
    const exportsOf = await readLazyExports(LAZY_DEPENDENCIES.filter((d) => d.pkg !== 'zod'));
    expect(exportsOf.get('yaml')?.names).toEqual(expect.arrayContaining(['parse', 'stringify', 'default']));
    expect(exportsOf.get('string-width')).toEqual({ names: ['default'], defaultIsFunction: true });
    expect(lazyEntries(yaml)).toEqual({ 'cli-yaml': 'build/lazy/yaml.ts' });
  });
});
