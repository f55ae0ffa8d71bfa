import type { Plugin } from 'esbuild';

/**
 * Dependencies that only some runs need. Each is built from build/lazy/<file>.ts into
 * dist/cli-<file>.cjs; inside the CLI's files the package is replaced by an object with the same export
 * names whose getters require that file on first access (esbuild reads imported names at each use), so a
 * run that never calls it never reads or compiles it. yaml is the largest (core/yaml/simple.ts reads and
 * writes typical front-matter without it); string-width measures non-ASCII text; chalk writes colour;
 * zod is shared by the actions that parse with it instead of copied into each.
 */
export interface LazyDependency {
  /** The package name the sources import. */
  pkg: string;
  /** build/lazy/<file>.ts, built into dist/cli-<file>.cjs. */
  file: string;
}

/** What a stub must offer: the export names, and whether the default export is called as a function. */
export interface LazyExports {
  names: string[];
  defaultIsFunction: boolean;
}

export const LAZY_DEPENDENCIES: readonly LazyDependency[] = [
  { pkg: 'yaml', file: 'yaml' },
  { pkg: 'string-width', file: 'string-width' },
  { pkg: 'chalk', file: 'chalk' },
  { pkg: 'zod', file: 'zod' },
];

/** The entries of the lazy files: dist/cli-<file>.cjs from build/lazy/<file>.ts. */
export function lazyEntries(dependencies: readonly LazyDependency[]): Record<string, string> {
  return Object.fromEntries(dependencies.map((d) => [`cli-${d.file}`, `build/lazy/${d.file}.ts`]));
}

/** Each package's export names, read by importing it (the stub must offer every name the sources read). */
export async function readLazyExports(dependencies: readonly LazyDependency[]): Promise<Map<string, LazyExports>> {
  const exportsOf = new Map<string, LazyExports>();
  for (const d of dependencies) {
    const api = (await import(d.pkg)) as Record<string, unknown>;
    exportsOf.set(d.pkg, { names: Object.keys(api), defaultIsFunction: typeof api['default'] === 'function' });
  }
  return exportsOf;
}

/**
 * The CommonJS text that stands in for a lazy package: getters that require dist/cli-<file>.cjs on first
 * access. A package whose default export is a function (string-width) is stubbed by a forwarding function.
 */
export function lazyModuleText(options: { file: string; exports: LazyExports }): string {
  const { names, defaultIsFunction } = options.exports;
  const getters = names.map((n) => `${JSON.stringify(n)}: { enumerable: true, get: () => load()[${JSON.stringify(n)}] }`);
  const base = defaultIsFunction ? 'function (...args) { return load().default.apply(this, args); }' : '{}';
  return [
    `let real; const load = () => (real ??= require('./cli-${options.file}.cjs'));`,
    `module.exports = Object.defineProperties(${base}, { ${getters.join(', ')} });`,
  ].join('\n');
}

const NAMESPACE = 'agentpack-lazy';

/** Replaces each lazy package by its stub, except inside build/lazy/ where the real package is bundled. */
export function lazyDependenciesPlugin(options: { dependencies: readonly LazyDependency[]; exportsOf: ReadonlyMap<string, LazyExports> }): Plugin {
  const { dependencies, exportsOf } = options;
  const pattern = new RegExp(`^(${dependencies.map((d) => d.pkg.replace('/', '\\/')).join('|')})$`);
  return {
    name: 'agentpack-lazy-dependencies',
    setup(build) {
      build.onResolve({ filter: pattern }, (args) => (/[\\/]build[\\/]lazy[\\/]/.test(args.importer) ? undefined : { path: args.path, namespace: NAMESPACE }));
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => {
        const dependency = dependencies.find((d) => d.pkg === args.path);
        // The filter only lets the listed packages through; a miss here means the list and the pattern differ.
        if (dependency === undefined) return { errors: [{ text: `not a lazy dependency: ${args.path}` }] };
        const exports = exportsOf.get(args.path) ?? { names: [], defaultIsFunction: false };
        return { contents: lazyModuleText({ file: dependency.file, exports }), loader: 'js' };
      });
    },
  };
}
