import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'esbuild';

/**
 * The actions the commands import lazily (`await import('../actions/<name>.js')` in src/cli/commands/):
 * each becomes dist/cli-action-<name>.cjs and the import a require of it, so `--help` and every other
 * command compile none of the other commands' code. Modules they share are copied into each file; the
 * one thing that must stay shared, the identity of AgentpackError, is carried by a brand (core/errors.ts).
 */

const LAZY_IMPORT = /import\('\.\.\/actions\/([\w-]+)\.js'\)/g;
/** Any string that names an action file: each must sit in a LAZY_IMPORT, or the build would not split it. */
const ACTION_PATH = /(['"`])\.\.\/actions\/[^'"`]*\1/g;

/**
 * The action names the command files import, sorted and once each. Throws on a command file that names
 * an action any other way (a static import, other quotes, no `.js`): that action would silently stay
 * inside dist/cli-main.cjs or be required from a file that is never built.
 */
export function findActions(commandsDir: string): string[] {
  const names = new Set<string>();
  for (const file of readdirSync(commandsDir)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const text = readFileSync(join(commandsDir, file), 'utf8');
    const lazy = [...text.matchAll(LAZY_IMPORT)];
    // A path is spelled right when it is the argument of one of the lazy imports, found at that place.
    const starts = new Set(lazy.map((m) => m.index + 'import('.length));
    const odd = [...text.matchAll(ACTION_PATH)].filter((m) => !starts.has(m.index)).map((m) => m[0]);
    if (odd.length > 0) throw new Error(`${join(commandsDir, file)}: import an action only as import('../actions/<name>.js'), found ${odd.join(', ')}`);
    for (const m of lazy) names.add(m[1] ?? '');
  }
  return [...names].sort();
}

/** The entries of the action files: dist/cli-action-<name>.cjs from src/cli/actions/<name>.ts. */
export function actionEntries(actions: readonly string[]): Record<string, string> {
  return Object.fromEntries(actions.map((a) => [`cli-action-${a}`, `src/cli/actions/${a}.ts`]));
}

const NAMESPACE = 'agentpack-action';

/** Turns a command file's `import('../actions/<name>.js')` into a require of dist/cli-action-<name>.cjs. */
export function separateActionsPlugin(actions: readonly string[]): Plugin {
  return {
    name: 'agentpack-separate-actions',
    setup(build) {
      build.onResolve({ filter: /^\.\.\/actions\/[\w-]+\.js$/ }, (args) => {
        if (!/[\\/]src[\\/]cli[\\/]commands[\\/]/.test(args.importer)) return undefined;
        const name = args.path.slice('../actions/'.length, -'.js'.length);
        // A require of a file the build does not write would fail only when that command runs.
        if (!actions.includes(name)) return { errors: [{ text: `${args.importer}: action ${name} is not among the built actions (${actions.join(', ')})` }] };
        return { path: name, namespace: NAMESPACE };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        contents: `module.exports = require('./cli-action-${args.path}.cjs');`,
        loader: 'js',
      }));
    },
  };
}
