import { describe, expect, it } from 'vitest';
import { endpointUrl, optinClient } from '../src/api/client.js';
import { readSubmitOutcome } from '../src/api/outcome.js';
import { retryAfterMs } from '../src/api/retry-after.js';
import { fieldErrors, rateLimitMessage } from '../src/flow/field-errors.js';
import { outcomeErrors } from '../src/flow/outcome-errors.js';
import { en } from '../src/i18n/strings-en.js';

const now = Date.parse('2026-06-01T12:00:00Z');
const problem = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });

describe('the API client', () => {
  it('resolves endpoints with or without a trailing slash, relative or absolute', () => {
    expect(endpointUrl('/tidings', 'channels', 'https://shop.example/a/b').href).toBe(
      'https://shop.example/tidings/channels',
    );
    expect(endpointUrl('https://api.example/t/', 'optin/x', 'https://shop.example/').href).toBe(
      'https://api.example/t/optin/x',
    );
  });

  it('posts the sign-up as JSON without cookies, and reads 404 of a status as unknown', async () => {
    const calls: [string, RequestInit][] = [];
    const fake: typeof fetch = async (input, init) => {
      calls.push([String(input), init ?? {}]);
      return String(input).includes('/optin/')
        ? new Response(null, { status: 404 })
        : problem(422, { errors: [] });
    };
    const client = optinClient('/tidings', 'https://shop.example/', fake, () => now);
    const body = {
      transport: 'whatsapp',
      phone: '0151',
      country: 'DE',
      channels: ['sport'],
      locale: 'de',
      website: '',
    };
    expect(await client.submit(body)).toEqual({ kind: 'invalid', issues: [] });
    expect(calls[0]![0]).toBe('https://shop.example/tidings/optin');
    expect(calls[0]![1]).toMatchObject({ method: 'POST', credentials: 'omit' });
    expect(JSON.parse(String(calls[0]![1].body))).toEqual(body);
    expect(await client.status('abc')).toBeNull();
  });

  it('reads 202, 422 with field errors, 429 with Retry-After and failures', async () => {
    const started = {
      status: 'pending',
      token: 't',
      link: 'https://x',
      sender: '+49',
      expiresAt: '',
      qr: 'q',
    };
    expect(await readSubmitOutcome(problem(202, started), now)).toMatchObject({ kind: 'started' });
    expect(
      await readSubmitOutcome(
        problem(422, { errors: [{ field: 'phone', message: 'bad' }, { nope: 1 }] }),
        now,
      ),
    ).toEqual({ kind: 'invalid', issues: [{ field: 'phone', message: 'bad' }] });
    expect(await readSubmitOutcome(problem(429, {}, { 'retry-after': '120' }), now)).toEqual({
      kind: 'rate-limited',
      retryAfterMs: 120_000,
    });
    expect(await readSubmitOutcome(new Response('<html>', { status: 502 }), now)).toEqual({
      kind: 'failed',
      status: 502,
    });
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs(new Date(now + 90_000).toUTCString(), now)).toBe(90_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});

describe('errors for the form', () => {
  const channels = [{ slug: 'sport', name: 'Sport', description: null, isDefault: false }];

  it('puts each issue at its field, in the widget’s words, naming the channel', () => {
    expect(
      fieldErrors(
        [
          { field: 'phone', message: 'not a valid phone number' },
          { field: 'channels.1', message: 'unknown channel "sport"' },
        ],
        ['culture', 'sport'],
        channels,
        en,
      ),
    ).toEqual({
      phone: en.phoneInvalid,
      channels: '“Sport” is not available any more. Untick it and try again.',
    });
    expect(fieldErrors([{ field: 'locale', message: 'x' }], [], channels, en)).toEqual({
      form: en.invalidInput,
    });
    expect(fieldErrors([], [], channels, en)).toEqual({ form: en.invalidInput });
  });

  it('says when to retry: seconds when soon, a clock time when later, “later” when unknown', () => {
    expect(rateLimitMessage(30_000, now, en, 'en')).toBe(
      'Too many attempts. Please try again in 30 seconds.',
    );
    expect(rateLimitMessage(3_600_000, now, en, 'en-GB')).toMatch(
      /^Too many attempts\. Please try again after \d\d:\d\d\.$/,
    );
    expect(rateLimitMessage(null, now, en, 'en')).toBe('Too many attempts. Please try again later.');
  });

  it('turns each refusal into errors and one announcement', () => {
    const args = [[], channels, en, 'en', now] as const;
    expect(outcomeErrors({ kind: 'invalid', issues: [{ field: 'phone', message: 'x' }] }, ...args)).toEqual({
      errors: { phone: en.phoneInvalid },
      announcement: en.checkFields,
    });
    expect(outcomeErrors({ kind: 'failed', status: null }, ...args).announcement).toBe(en.network);
    expect(outcomeErrors({ kind: 'failed', status: 500 }, ...args).errors).toEqual({ form: en.failed });
    expect(outcomeErrors({ kind: 'rate-limited', retryAfterMs: 5000 }, ...args).announcement).toBe(
      'Too many attempts. Please try again in 5 seconds.',
    );
  });
});
