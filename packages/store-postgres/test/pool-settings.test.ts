import { describe, expect, it } from 'vitest';
import { storeOnFreshSchema } from './fresh-store.js';

// The store's statements are short: compiling them to machine code (JIT) cost more than running them.
describe('the pool a store opens itself', () => {
  const storeOf = storeOnFreshSchema();

  it('runs with JIT off, in the schema it was given', async () => {
    const { rows } = await storeOf().db.query<{ jit: string; schema: string }>(
      'SELECT current_setting($1) AS jit, current_schema() AS schema',
      ['jit'],
    );
    expect(rows[0]!.jit).toBe('off');
    expect(rows[0]!.schema).toMatch(/^tidings_test_/);
  });
});
