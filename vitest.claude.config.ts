import { defineConfig } from 'vitest/config';

/** `npm run test:claude`: the end-to-end suite against the real Claude Code (not part of `npm test`). */
export default defineConfig({
  test: {
    include: ['test-claude/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    globalSetup: ['test/helpers/global-setup.ts', 'test-claude/helpers/claude-setup.ts'],
  },
});
