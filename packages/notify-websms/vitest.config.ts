import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'notify-websms', include: ['test/**/*.test.ts'] },
});
