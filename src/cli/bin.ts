#!/usr/bin/env node
/**
 * The `agentpack` executable (dist/cli.cjs). Tiny and CommonJS on purpose (tsup.config.ts): `--version`,
 * and `--help` when it goes to a pipe or file, are answered here without loading the CLI; everything else
 * requires the CLI bundle, dist/cli-main.cjs. A CommonJS entry also skips the ES module loader's set-up
 * (BENCHMARKS.md).
 */
import { readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { isatty } from 'node:tty';
import { invocationOf } from '../core/hints.js';
import { intlLocale, resolveLang } from '../core/lang.js';
import { packageInfo } from '../io/package/root.js';

/**
 * Write all of `text` to standard output. False if nothing could be written (the caller then leaves it to
 * the CLI). A reader that has gone away (EPIPE) ends the run as the CLI would: exit 0, no stack trace.
 */
function writeOut(text: string): boolean {
  const bytes = Buffer.from(text);
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(1, bytes, done);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return true;
      // A non-blocking pipe that is full: try again (the text is a few KB).
      if (code === 'EAGAIN') continue;
      if (done === 0) return false;
      throw error;
    }
  }
  return true;
}

/**
 * `agentpack --help` / `-h` alone, to a pipe or file: the program's help is the same bytes for every such
 * run of one language (80 columns, no colour), so the build stores it (dist/cli-help-<lang>.txt, written
 * by running dist/cli-main.cjs --help; test/cli/fast-help.test.ts holds the two paths to the same bytes).
 * A terminal gets help laid out for its width by the CLI itself, and a run under npx help whose examples
 * name `npx agentpack-cli` (the stored text names `agentpack`). False if this path does not apply.
 */
function prebuiltHelp(argv: readonly string[]): boolean {
  if (argv.length !== 1 || (argv[0] !== '--help' && argv[0] !== '-h') || isatty(1)) return false;
  if (invocationOf(process.env) !== 'agentpack') return false;
  const lang = resolveLang({ env: process.env, intlLocale });
  let text: string;
  try {
    text = readFileSync(join(__dirname, `cli-help-${lang}.txt`), 'utf8');
  } catch {
    return false;
  }
  return writeOut(text);
}

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // The same bytes commander prints for `--version`, without commander, the catalogs or process.stdout.
  if (!writeOut(`${packageInfo().version}\n`)) require('./cli-main.cjs');
} else if (!prebuiltHelp(argv)) {
  require('./cli-main.cjs');
}
