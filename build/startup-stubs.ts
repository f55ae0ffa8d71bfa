import type { Plugin } from 'esbuild';

/**
 * Two dependencies load Node internals at start-up that agentpack never uses:
 * - commander requires child_process, used only to run executable subcommands (agentpack has none, and
 *   SECURITY.md promises it spawns nothing but `status --claude`'s probe): its child_process is an object
 *   whose spawn refuses, so the CLI's files hold no child_process import besides the probe's.
 * - chalk's supports-color probes tty/os for its default instances; agentpack only builds
 *   `new Chalk({ level })` with an explicit level (ui/style.ts), which never reads the probe.
 */

const NAMESPACE = 'agentpack-stub';

/** What commander's child_process becomes. */
const CHILD_PROCESS_STUB = "module.exports = { spawn() { throw new Error('agentpack has no executable subcommands'); } };";
/** What chalk's supports-color becomes: no colour detected, for the default instances agentpack never uses. */
const SUPPORTS_COLOR_STUB = 'export default { stdout: false, stderr: false };';

export const startupStubsPlugin: Plugin = {
  name: 'agentpack-startup-stubs',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: NAMESPACE } : undefined,
    );
    build.onResolve({ filter: /^#supports-color$/ }, (args) =>
      /[\\/]node_modules[\\/]chalk[\\/]/.test(args.importer) ? { path: 'supports-color', namespace: NAMESPACE } : undefined,
    );
    build.onLoad({ filter: /^child_process$/, namespace: NAMESPACE }, () => ({ contents: CHILD_PROCESS_STUB, loader: 'js' }));
    build.onLoad({ filter: /^supports-color$/, namespace: NAMESPACE }, () => ({ contents: SUPPORTS_COLOR_STUB, loader: 'js' }));
  },
};
