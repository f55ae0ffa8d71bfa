#!/usr/bin/env node
/**
 * The `agentpack` executable (dist/cli.cjs). Tiny and CommonJS on purpose (tsup.config.ts): `--version`
 * is answered here without loading the CLI; everything else requires the CLI bundle, dist/cli-main.cjs.
 * A CommonJS entry also skips the ES module loader's set-up (BENCHMARKS.md).
 */
import { writeSync } from 'node:fs';
import { packageInfo } from '../io/package-root.js';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // The same bytes commander prints for `--version`, without commander, the catalogs or process.stdout.
  writeSync(1, `${packageInfo().version}\n`);
} else {
  require('./cli-main.cjs');
}
