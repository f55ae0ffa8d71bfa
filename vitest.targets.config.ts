import { defineConfig } from 'vitest/config';

/**
 * `npm run test:targets`: the other coding agents' real clients (pinned in scripts/target-clients.json, cached in
 * .cache/<tool>/ by scripts/ensure-clients.mjs) as judges of the files written for them. Not part of `npm test`.
 */
export default defineConfig({
  test: {
    include: ['test-targets/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // The clients are heavy to start: more at once only slows each one on a shared machine.
    maxConcurrency: 3,
    globalSetup: ['test/helpers/global-setup.ts', 'test-targets/helpers/setup.ts'],
  },
});
