import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { startupStubsPlugin } from '../../build/startup-stubs.js';
import { bundle, folderWith } from '../helpers/bundle.js';

const files = {
  'node_modules/commander/package.json': '{ "name": "commander", "main": "index.js" }',
  'node_modules/commander/index.js': "const cp = require('node:child_process');\nmodule.exports = { run: () => cp.spawn('x') };\n",
  'node_modules/chalk/package.json': '{ "name": "chalk", "type": "module", "main": "index.js", "imports": { "#supports-color": "./supports-color.js" } }',
  'node_modules/chalk/index.js': "import supports from '#supports-color';\nexport const level = supports.stdout;\n",
  'node_modules/chalk/supports-color.js': "export default { stdout: 'REAL_SUPPORTS_COLOR' };\n",
  'src/main.ts': "import { run } from 'commander';\nimport { level } from 'chalk';\nexport { run, level };\n",
  'src/probe.ts': "import { spawn } from 'node:child_process';\nexport const probe = () => spawn('claude');\n",
};

/** Runs a CommonJS bundle whose only permitted require is none at all. */
function exportsOf(text: string): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  runInNewContext(text, { module, exports: module.exports, require: (id: string) => ({ required: id }) });
  return module.exports;
}

describe('startupStubsPlugin', () => {
  it("replaces commander's child_process by a refusing spawn, and chalk's supports-color by no colour", async () => {
    const out = await bundle({ dir: folderWith(files), entry: 'src/main.ts', plugins: [startupStubsPlugin] });
    expect(out).not.toMatch(/require\(["'](node:)?child_process["']\)/);
    expect(out).not.toContain('REAL_SUPPORTS_COLOR');
    const loaded = exportsOf(out);
    expect(loaded['level']).toBe(false);
    expect(() => (loaded['run'] as () => unknown)()).toThrow('agentpack has no executable subcommands');
  });

  it('negative control: without the plugin both internals are the real ones', async () => {
    const out = await bundle({ dir: folderWith(files), entry: 'src/main.ts', plugins: [] });
    expect(out).toMatch(/require\(["']node:child_process["']\)/);
    expect(exportsOf(out)['level']).toBe('REAL_SUPPORTS_COLOR');
  });

  it("leaves agentpack's own child_process (the probe) alone", async () => {
    const out = await bundle({ dir: folderWith(files), entry: 'src/probe.ts', plugins: [startupStubsPlugin] });
    expect(out).toMatch(/require\(["']node:child_process["']\)/);
  });
});
