import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'newsroom', include: ['test/**/*.test.ts'] },
});
