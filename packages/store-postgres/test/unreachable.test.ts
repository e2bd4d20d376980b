import { describe, expect, it } from 'vitest';
import { freshSchema } from './database.js';

describe('the server tests without a server', () => {
  it('fail loudly instead of skipping when PostgreSQL is not reachable', async () => {
    // Port 1 on localhost: nothing listens there.
    await expect(freshSchema('postgres://postgres@127.0.0.1:1/test')).rejects.toThrow(
      /PostgreSQL is not reachable/,
    );
  });
});
