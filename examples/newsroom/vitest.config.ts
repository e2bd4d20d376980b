import { defineProject } from 'vitest/config';

export default defineProject({
  // Browser tests start Chromium and walk whole flows: more time than the HTTP tests need.
  test: { name: 'newsroom', include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 },
});
