import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'notify-smtp', include: ['test/**/*.test.ts'] },
});
