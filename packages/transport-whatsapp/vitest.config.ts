import { defineProject } from 'vitest/config';

export default defineProject({
  // Meta's OpenAPI description (30,000 lines of YAML) is parsed and compiled once per test file.
  test: {
    name: 'transport-whatsapp',
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
