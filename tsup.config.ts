import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { chmod, writeFile } from 'node:fs/promises';
import { defineConfig, type Options } from 'tsup';
import { LANGS } from './src/ui/messages.js';

/**
 * Two builds into dist/ (they run in parallel). Figures and reasons: BENCHMARKS.md.
 * - The CLI, CommonJS, every dependency bundled in, minified: no ES module loader to set up and no
 *   node_modules to resolve at start-up.
 *   - dist/cli.cjs, the `bin`: a few hundred bytes that answer `--version` and `--help` (to a pipe) or require dist/cli-main.cjs.
 *   - dist/cli-help-<lang>.txt: that help, written after the build by dist/cli-main.cjs itself.
 *   - dist/cli-main.cjs: the program: argument parsing, help, messages, errors.
 *   - dist/cli-action-<name>.cjs: each command's action, required when that command runs (ACTIONS).
 *   - dist/cli-<dependency>.cjs: the LAZY dependencies below, required on first use.
 *   - dist/cli.js: a shim so that `node dist/cli.js` keeps working.
 * - The library (dist/index.js + index.d.ts): ES module, dependencies external, as a library's should.
 */

/**
 * Dependencies that only some runs need. Each is built from build/lazy/<file>.ts into
 * dist/cli-<file>.cjs; inside the CLI's files the package is replaced by an object with the same export
 * names whose getters require that file on first access (esbuild reads imported names at each use), so a
 * run that never calls it never reads or compiles it. yaml is the largest (core/yaml-simple.ts reads and
 * writes typical front-matter without it); string-width measures non-ASCII text; chalk writes colour.
 * A package whose default export is a function (string-width) is stubbed by a forwarding function.
 */
const LAZY = [
  { pkg: 'yaml', file: 'yaml' },
  { pkg: 'string-width', file: 'string-width' },
  { pkg: 'chalk', file: 'chalk' },
  { pkg: 'zod', file: 'zod' },
] as const;

/** esbuild's plugin `build` object, as tsup's options type it (esbuild is tsup's dependency, not ours). */
type Build = Parameters<NonNullable<Options['esbuildPlugins']>[number]['setup']>[0];

function lazyDependencies(exportsOf: Map<string, { names: string[]; defaultIsFunction: boolean }>) {
  return {
    name: 'agentpack-lazy-dependencies',
    setup(build: Build) {
      const pattern = new RegExp(`^(${LAZY.map((l) => l.pkg.replace('/', '\\/')).join('|')})$`);
      build.onResolve({ filter: pattern }, (args: { path: string; importer: string }) =>
        /[\\/]build[\\/]lazy[\\/]/.test(args.importer) ? undefined : { path: args.path, namespace: 'agentpack-lazy' },
      );
      build.onLoad({ filter: /.*/, namespace: 'agentpack-lazy' }, (args: { path: string }) => {
        const lazy = LAZY.find((l) => l.pkg === args.path);
        const { names, defaultIsFunction } = exportsOf.get(args.path) ?? { names: [], defaultIsFunction: false };
        const getters = names.map((n) => `${JSON.stringify(n)}: { enumerable: true, get: () => load()[${JSON.stringify(n)}] }`);
        const base = defaultIsFunction ? 'function (...args) { return load().default.apply(this, args); }' : '{}';
        return {
          contents: [
            `let real; const load = () => (real ??= require('./cli-${lazy?.file}.cjs'));`,
            `module.exports = Object.defineProperties(${base}, { ${getters.join(', ')} });`,
          ].join('\n'),
          loader: 'js',
        };
      });
    },
  };
}

/**
 * The actions the commands import lazily (`await import('../actions/<name>.js')` in src/cli/commands/):
 * each becomes dist/cli-action-<name>.cjs and the import a require of it, so `--help` and every other
 * command compile none of the other commands' code. Modules they share are copied into each file; the
 * one thing that must stay shared, the identity of AgentpackError, is carried by a brand (core/errors.ts).
 */
const ACTIONS = [
  ...new Set(
    readdirSync('src/cli/commands')
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(`src/cli/commands/${f}`, 'utf8').matchAll(/import\('\.\.\/actions\/([\w-]+)\.js'\)/g)].map((m) => m[1] ?? '')),
  ),
].sort();

const separateActions = {
  name: 'agentpack-separate-actions',
  setup(build: Build) {
    build.onResolve({ filter: /^\.\.\/actions\/[\w-]+\.js$/ }, (args: { path: string; importer: string }) =>
      /[\\/]src[\\/]cli[\\/]commands[\\/]/.test(args.importer) ? { path: args.path.slice('../actions/'.length, -3), namespace: 'agentpack-action' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'agentpack-action' }, (args: { path: string }) => ({
      contents: `module.exports = require('./cli-action-${args.path}.cjs');`,
      loader: 'js',
    }));
  },
};

/**
 * Two dependencies load Node internals at start-up that agentpack never uses:
 * - commander requires child_process, used only to run executable subcommands (agentpack has none, and
 *   SECURITY.md promises it spawns nothing but `status --claude`'s probe): its child_process is an object
 *   whose spawn refuses, so the CLI's files hold no child_process import besides the probe's.
 * - chalk's supports-color probes tty/os for its default instances; agentpack only builds
 *   `new Chalk({ level })` with an explicit level (ui/style.ts), which never reads the probe.
 */
const startupStubs = {
  name: 'agentpack-startup-stubs',
  setup(build: Build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args: { importer: string }) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'agentpack-stub' } : undefined,
    );
    build.onResolve({ filter: /^#supports-color$/ }, (args: { importer: string }) =>
      /[\\/]node_modules[\\/]chalk[\\/]/.test(args.importer) ? { path: 'supports-color', namespace: 'agentpack-stub' } : undefined,
    );
    build.onLoad({ filter: /^child_process$/, namespace: 'agentpack-stub' }, () => ({
      contents: "module.exports = { spawn() { throw new Error('agentpack has no executable subcommands'); } };",
      loader: 'js',
    }));
    build.onLoad({ filter: /^supports-color$/, namespace: 'agentpack-stub' }, () => ({
      contents: 'export default { stdout: false, stderr: false };',
      loader: 'js',
    }));
  },
};

/**
 * After the CLI build: `node dist/cli.js` keeps working (the executable itself is dist/cli.cjs), and the
 * program's help as a pipe receives it (80 columns, no colour) is stored per language for src/cli/bin.ts,
 * written by the program just built so that the two can never differ.
 */
async function afterCliBuild(): Promise<void> {
  await writeFile('dist/cli.js', "#!/usr/bin/env node\n// The executable is dist/cli.cjs (package.json bin); this path is kept for scripts that name it.\nimport './cli.cjs';\n");
  await chmod('dist/cli.js', 0o755);
  await chmod('dist/cli.cjs', 0o755);
  for (const lang of LANGS) {
    const help = execFileSync(process.execPath, ['dist/cli-main.cjs', '--help'], {
      env: { PATH: process.env['PATH'] ?? '', AGENTPACK_LANG: lang, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await writeFile(`dist/cli-help-${lang}.txt`, help);
  }
}

export default defineConfig(async (): Promise<Options[]> => {
  const exportsOf = new Map<string, { names: string[]; defaultIsFunction: boolean }>();
  for (const lazy of LAZY) {
    const api = (await import(lazy.pkg)) as Record<string, unknown>;
    exportsOf.set(lazy.pkg, { names: Object.keys(api), defaultIsFunction: typeof api['default'] === 'function' });
  }
  // zod's file holds only the names build/lazy/zod.ts lists: the stub offers exactly those, and every
  // `z.<name>` the sources call must be among them.
  const zodNames = [...(readFileSync('build/lazy/zod.ts', 'utf8').match(/export \{([^}]*)\} from 'zod'/)?.[1] ?? '').split(',')].map((n) => n.trim()).filter(Boolean);
  const used = new Set<string>();
  for (const file of readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
    for (const m of readFileSync(`src/${file}`, 'utf8').matchAll(/\bz\.([a-zA-Z_]\w*)\b(?!<)/g)) if (m[1] !== 'infer' && m[1] !== 'input' && m[1] !== 'output') used.add(m[1] ?? '');
  }
  const missing = [...used].filter((n) => !zodNames.includes(n));
  if (missing.length > 0) throw new Error(`build/lazy/zod.ts lacks zod exports the sources use: ${missing.join(', ')}`);
  exportsOf.set('zod', { names: zodNames, defaultIsFunction: false });
  const runtimeFiles = ['./cli-main.cjs', ...LAZY.map((l) => `./cli-${l.file}.cjs`), ...ACTIONS.map((a) => `./cli-action-${a}.cjs`)];
  return [
    {
      entry: {
        cli: 'src/cli/bin.ts',
        'cli-main': 'src/cli/main.ts',
        ...Object.fromEntries(LAZY.map((l) => [`cli-${l.file}`, `build/lazy/${l.file}.ts`])),
        ...Object.fromEntries(ACTIONS.map((a) => [`cli-action-${a}`, `src/cli/actions/${a}.ts`])),
      },
      format: ['cjs'],
      outExtension: () => ({ js: '.cjs' }),
      target: 'node20',
      platform: 'node',
      outDir: 'dist',
      // Cleans everything but the library's files: the library build writes index.* at the same time.
      clean: ['**/*', '!index.js', '!index.d.ts'],
      splitting: false,
      // Everything is bundled except the files of this build that others require at run time.
      noExternal: [new RegExp(`^(?!(${runtimeFiles.map((f) => f.replace(/[.]/g, '\\.')).join('|')})$)`)],
      external: runtimeFiles,
      // AGENTPACK_NOMINIFY=1 keeps names readable for profiling (node --cpu-prof).
      minify: process.env['AGENTPACK_NOMINIFY'] !== '1',
      sourcemap: false,
      // import.meta.url (io/package-root.ts) in CommonJS.
      shims: true,
      esbuildPlugins: [startupStubs, lazyDependencies(exportsOf), separateActions],
      // Keep `node:` specifiers (Node 20 has them all); tsup's own rewrite would also resolve them before
      // the plugins above could.
      removeNodeProtocol: false,
      metafile: process.env['AGENTPACK_METAFILE'] === '1',
      onSuccess: afterCliBuild,
    },
    {
      entry: { index: 'src/index.ts' },
      format: ['esm'],
      target: 'node20',
      platform: 'node',
      outDir: 'dist',
      clean: false,
      dts: { entry: { index: 'src/index.ts' } },
      splitting: false,
      sourcemap: false,
      minify: false,
      shims: false,
    },
  ];
});
