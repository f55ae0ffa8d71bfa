import { defineConfig, type Options } from 'tsup';
import { actionEntries, findActions, separateActionsPlugin } from './build/action-entries.js';
import { writeCliShim } from './build/cli-shim.js';
import { GIT_ENTRY, gitEntryPlugin } from './build/git-entry.js';
import { LAZY_DEPENDENCIES, lazyDependenciesPlugin, lazyEntries, readLazyExports } from './build/lazy-dependencies.js';
import { runTimeRequires } from './build/run-time-requires.js';
import { startupStubsPlugin } from './build/startup-stubs.js';
import { readLangs, storeHelp } from './build/store-help.js';
import { checkedZodExports } from './build/zod-names.js';

/**
 * Two builds into dist/, run in parallel (figures and reasons: BENCHMARKS.md):
 * - the CLI: CommonJS, every dependency bundled in, minified, so start-up sets up no ES module loader and
 *   resolves nothing in node_modules. dist/cli.cjs (the bin) answers `--version` and piped `--help` from
 *   dist/cli-help-<lang>.txt or requires dist/cli-main.cjs, which requires each command's action and each
 *   lazy dependency on first use (build/*.ts);
 * - the library (dist/index.js + index.d.ts): ES module, dependencies external, as a library's should.
 */
export default defineConfig(async (): Promise<Options[]> => {
  const actions = findActions('src/cli/commands');
  const exportsOf = await readLazyExports(LAZY_DEPENDENCIES);
  exportsOf.set('zod', checkedZodExports({ sourceDir: 'src', lazyFile: 'build/lazy/zod.ts' }));
  const entry = { cli: 'src/cli/bin.ts', 'cli-main': 'src/cli/main.ts', ...lazyEntries(LAZY_DEPENDENCIES), ...actionEntries(actions), ...GIT_ENTRY };
  const common = { target: 'node20', platform: 'node', outDir: 'dist', splitting: false, sourcemap: false } as const;
  const cli: Options = {
    ...common,
    entry,
    format: ['cjs'],
    outExtension: () => ({ js: '.cjs' }),
    // Everything but the library's files, which the other build writes at the same time.
    clean: ['**/*', '!index.js', '!index.d.ts'],
    ...runTimeRequires(Object.keys(entry).filter((name) => name !== 'cli')),
    // AGENTPACK_NOMINIFY=1 keeps names readable for profiling (node --cpu-prof).
    minify: process.env['AGENTPACK_NOMINIFY'] !== '1',
    // import.meta.url (io/package/root.ts) in CommonJS.
    shims: true,
    esbuildPlugins: [
      startupStubsPlugin,
      gitEntryPlugin,
      lazyDependenciesPlugin({ dependencies: LAZY_DEPENDENCIES, exportsOf }),
      separateActionsPlugin(actions),
    ],
    // Keep `node:` specifiers (Node 20 has them all); tsup's rewrite would resolve them before the plugins could.
    removeNodeProtocol: false,
    metafile: process.env['AGENTPACK_METAFILE'] === '1',
    onSuccess: async () => {
      await writeCliShim('dist');
      await storeHelp({ outDir: 'dist', langs: readLangs('locales') });
    },
  };
  const library: Options = {
    ...common,
    entry: { index: 'src/index.ts' },
    format: ['esm'],
    clean: false,
    dts: { entry: { index: 'src/index.ts' } },
    minify: false,
    shims: false,
  };
  return [cli, library];
});
