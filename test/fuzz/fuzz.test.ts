import fc from 'fast-check';
import { describe, it } from 'vitest';
import { PROPERTIES } from './properties.js';

/**
 * Seeded property runs inside `npm test` (RUNS per property, fixed SEED: the same cases every run).
 * The long run is `npm run fuzz` (scripts/fuzz.ts, 225,000 cases by default).
 */
const RUNS = 300;
const SEED = 20_250_808;

describe('property-based fuzzing (seeded)', () => {
  for (const { name, property } of PROPERTIES) {
    it(`${name} (${RUNS} cases, seed ${SEED})`, () => {
      fc.assert(property, { numRuns: RUNS, seed: SEED });
    });
  }
});
