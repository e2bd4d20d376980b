import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'transport-messenger', include: ['test/**/*.test.ts'], testTimeout: 30_000 },
});
