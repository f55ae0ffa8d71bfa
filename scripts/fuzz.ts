/**
 * The long property-based fuzz run (issue 8): `npm run fuzz`.
 * FUZZ_RUNS (default 25,000) cases per unit of weight — parseAgent gets 4 units — so 225,000 cases in all by
 * default. FUZZ_SEED fixes the seed; otherwise a fresh one is drawn and printed so that a failure can be
 * replayed with `FUZZ_SEED=<seed> npm run fuzz`. Exit code 1 on the first failing property.
 */
import fc from 'fast-check';
import { PROPERTIES } from '../test/fuzz/properties.js';

const base = Number(process.env['FUZZ_RUNS'] ?? 25_000);
const seed = process.env['FUZZ_SEED'] !== undefined ? Number(process.env['FUZZ_SEED']) : Math.floor(Math.random() * 2 ** 31);
if (!Number.isInteger(base) || base < 1 || !Number.isInteger(seed)) {
  process.stderr.write('FUZZ_RUNS and FUZZ_SEED must be positive integers\n');
  process.exit(2);
}

let total = 0;
let failed = 0;
const started = performance.now();
process.stdout.write(`agentpack fuzz: seed ${seed}, ${base} runs per weight unit\n`);
for (const { name, weight, property } of PROPERTIES) {
  const runs = base * weight;
  const t0 = performance.now();
  const details = fc.check(property, { numRuns: runs, seed });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  total += details.numRuns;
  if (details.failed) {
    failed++;
    process.stdout.write(
      `FAIL ${name}: after ${details.numRuns} cases (${seconds} s)\n${fc.defaultReportMessage(details) ?? ''}\n${String(details.errorInstance)}\n`,
    );
  } else {
    process.stdout.write(`ok   ${name}: ${details.numRuns} cases in ${seconds} s\n`);
  }
}
const minutes = ((performance.now() - started) / 60_000).toFixed(1);
process.stdout.write(`${total} cases, ${PROPERTIES.length - failed} passed, ${failed} failed, ${minutes} min, seed ${seed}\n`);
process.exitCode = failed === 0 ? 0 : 1;
