import { defineConfig } from 'vitest/config';

/**
 * `npm run test:stress` (issue 8): the crash-consistency and race tests, which spawn hundreds of CLI runs and
 * SIGKILL them, so they are kept out of `npm test`. Files run one after another: the kills are spread over a
 * run's measured duration, which two suites competing for the CPU would distort.
 */
export default defineConfig({
  test: {
    include: ['test-stress/**/*.test.ts'],
    testTimeout: 1_800_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    globalSetup: ['test/helpers/global-setup.ts'],
  },
});
