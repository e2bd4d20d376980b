import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'newsroom',
    include: ['test/**/*.test.ts'],
    // The console's page is a Vite build: made once before the tests, as `main.ts` makes it on start.
    globalSetup: ['test/build-console.setup.ts'],
    // Browser tests start Chromium and walk whole flows: more time than the HTTP tests need.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
