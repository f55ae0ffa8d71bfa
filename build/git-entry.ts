import type { Plugin } from 'esbuild';

/**
 * The code that runs the user's git (src/io/git/) is its own file, dist/cli-git.cjs: io/source imports it
 * with `await import('../git/checkout.js')` only when `--from` names a repository, and that import becomes
 * a require of the file, so no other run reads it and no other file of dist/ holds a child_process import
 * besides the Claude Code probe's (test/hostile/static-guarantees.test.ts).
 */
export const GIT_ENTRY = { 'cli-git': 'src/io/git/checkout.ts' } as const;

const NAMESPACE = 'agentpack-git';

export const gitEntryPlugin: Plugin = {
  name: 'agentpack-git-entry',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/git\/checkout\.js$/ }, (args) =>
      /[\\/]src[\\/]io[\\/]source[\\/]/.test(args.importer) ? { path: 'checkout', namespace: NAMESPACE } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, () => ({ contents: "module.exports = require('./cli-git.cjs');", loader: 'js' }));
  },
};
