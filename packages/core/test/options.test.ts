import { describe, expect, it } from 'vitest';
import { createTidings, sandboxTransport, TidingsError } from '../src/index.js';

const invalid = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (TidingsError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a TidingsError');
};

describe('createTidings options', () => {
  it('names the bad option', () => {
    const noTransports = invalid(() => createTidings({ transports: [] }));
    expect(noTransports.code).toBe('INVALID_OPTIONS');
    expect(noTransports.issues[0]?.field).toBe('transports');
    expect(noTransports.message).toContain('sandboxTransport()');
    const badPath = invalid(() => createTidings({ transports: [sandboxTransport()], basePath: 'tidings/' }));
    expect(badPath.issues.map((i) => i.field)).toEqual(['basePath']);
    const badRule = invalid(() =>
      createTidings({ transports: [sandboxTransport()], optin: { perClient: { limit: 0, windowMs: 1000 } } }),
    );
    expect(badRule.issues.map((i) => i.field)).toEqual(['optin.perClient.limit']);
    const twice = invalid(() => createTidings({ transports: [sandboxTransport(), sandboxTransport()] }));
    expect(twice.message).toContain('two transports are named "sandbox"');
  });

  it('applies defaults once', () => {
    const tidings = createTidings({ transports: [sandboxTransport()] });
    expect(tidings.options).toMatchObject({
      workspaceId: 'default',
      basePath: '/tidings',
      defaultLocale: 'en',
      subscribeOnFirstMessage: true,
      optin: { tokenTtlMs: 86_400_000, honeypotField: 'website' },
      http: { maxBodyBytes: 65_536, corsOrigins: [], trustProxy: false },
    });
    expect(tidings.options.replies.de?.unsubscribed).toContain('abgemeldet');
  });

  it('checks the sandbox options too', () => {
    const error = invalid(() => sandboxTransport({ name: 'Bad Name', linkBase: 'not a url' }));
    expect(error.issues.map((i) => i.field).sort()).toEqual(['linkBase', 'name']);
  });
});

describe('TidingsError', () => {
  it('is recognised across copies of the package by its brand', () => {
    const error = new TidingsError('NOT_FOUND', 'gone', { cause: new Error('inner') });
    const lookalike = Object.assign(new Error('x'), {
      [Symbol.for('tidings.error')]: true,
      code: 'NOT_FOUND',
    });
    expect(TidingsError.isInstance(error)).toBe(true);
    expect(TidingsError.isInstance(lookalike)).toBe(true);
    expect(TidingsError.isInstance(new Error('plain'))).toBe(false);
    expect(TidingsError.isInstance(null)).toBe(false);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('safeStart returns errors instead of throwing them', async () => {
    const tidings = createTidings({ transports: [sandboxTransport()] });
    const result = await tidings.optins.safeStart({ transport: 'sandbox', address: 'nope' });
    expect(result.success).toBe(false);
    const ok = await tidings.optins.safeStart({ transport: 'sandbox', address: '+4915112345678' });
    expect(ok.success && ok.value.status).toBe('pending');
  });

  it('the sandbox refuses to simulate before start()', async () => {
    const sandbox = sandboxTransport();
    createTidings({ transports: [sandbox] });
    await expect(sandbox.simulateInbound({ from: '+4915112345678', text: 'hi' })).rejects.toThrow(
      /tidings\.start\(\)/,
    );
  });
});
