import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Setup, setup } from './setup.js';

/**
 * Invariants 1 and 2 (DESIGN.md): no message reaches a pending or unsubscribed contact except the single
 * reply to their own START/STOP, and a STOP always wins — over random sequences and interleavings of
 * sign-ups, tokens from right and wrong numbers, keywords, STOP variants and channel switches.
 */

const ADDRESSES = ['+4915100000001', '+4915100000002', '+4915100000003'];
const STOPS = ['STOP', 'stop', 'Stopp!', '🛑 Stop', 'abmelden', 'UNSUBSCRIBE'];
const STARTS = ['START', 'start', 'Start!', '👋 start'];
const CHATS = ['Hallo', 'we must stop this', 'stop it, please', 'start me up, Scotty', 'sport is great', '?'];
const TOGGLED = ['sport', 'culture'] as const;
const KEYWORD = { sport: 'SPORT', culture: 'KULTUR' } as const;

type Action =
  | { kind: 'optin'; who: number; channels: ('sport' | 'culture')[] }
  | { kind: 'token'; who: number; ticket: number }
  | { kind: 'start'; who: number; text: string }
  | { kind: 'stop'; who: number; text: string }
  | { kind: 'keyword'; who: number; channel: 'sport' | 'culture' }
  | { kind: 'stop-channel'; who: number; channel: 'sport' | 'culture' }
  | { kind: 'chat'; who: number; text: string }
  | { kind: 'toggle'; channel: 'sport' | 'culture' };

const who = fc.integer({ min: 0, max: ADDRESSES.length - 1 });
const channel = fc.constantFrom(...TOGGLED);
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('optin' as const), who, channels: fc.subarray([...TOGGLED]) }),
  fc.record({ kind: fc.constant('token' as const), who, ticket: fc.nat(10) }),
  fc.record({ kind: fc.constant('start' as const), who, text: fc.constantFrom(...STARTS) }),
  fc.record({ kind: fc.constant('stop' as const), who, text: fc.constantFrom(...STOPS) }),
  fc.record({ kind: fc.constant('keyword' as const), who, channel }),
  fc.record({ kind: fc.constant('stop-channel' as const), who, channel }),
  fc.record({
    kind: fc.constant('chat' as const),
    who,
    text: fc.oneof(fc.constantFrom(...CHATS), fc.string({ maxLength: 12 })),
  }),
  fc.record({ kind: fc.constant('toggle' as const), channel }),
);

interface World {
  s: Setup;
  tickets: { token: string; address: string }[];
}

/** Runs one action; returns the address that wrote, if any. */
async function run(world: World, a: Action): Promise<string | null> {
  const { s } = world;
  switch (a.kind) {
    case 'optin': {
      const started = await s.tidings.optins.safeStart({
        transport: 'sandbox',
        address: ADDRESSES[a.who]!,
        channels: a.channels,
      });
      // A sign-up for a channel switched off is refused; that is correct, not a failure.
      if (!started.success) expect(started.error.code).toBe('UNKNOWN_CHANNEL');
      else world.tickets.push({ token: started.value.token, address: ADDRESSES[a.who]! });
      return null;
    }
    case 'toggle': {
      const current = await s.tidings.channels.get(a.channel);
      await s.tidings.channels.update(a.channel, { active: !current!.active });
      return null;
    }
    default: {
      const from = ADDRESSES[a.who]!;
      await s.sandbox.simulateInbound({ from, text: textOf(world, a) });
      return from;
    }
  }
}

function textOf(world: World, a: Exclude<Action, { kind: 'optin' | 'toggle' }>): string {
  switch (a.kind) {
    case 'token': {
      const ticket = world.tickets[a.ticket % Math.max(1, world.tickets.length)];
      return ticket ? `START ${ticket.token}` : 'START';
    }
    case 'keyword':
      return KEYWORD[a.channel];
    case 'stop-channel':
      return `Stop ${a.channel}`;
    default:
      return a.text;
  }
}

type Consent = 'none' | 'pending' | 'yes' | 'stopped';

/** The test's own account of consent per address: independent of the code under test. */
class Model {
  consent = new Map<string, Consent>(ADDRESSES.map((a) => [a, 'none']));
  /** Addresses Tidings has a contact for: a sign-up or any message creates one. */
  known = new Set<string>();
  active = { sport: true, culture: true };

  /** How many replies the writer should get for this message; updates the model. */
  step(a: Action): number | null {
    if (a.kind === 'optin') {
      const address = ADDRESSES[a.who]!;
      if (a.channels.some((c) => !this.active[c])) return null;
      if (!this.known.has(address)) this.consent.set(address, 'pending');
      this.known.add(address);
      return null;
    }
    if (a.kind === 'toggle') {
      this.active[a.channel] = !this.active[a.channel];
      return null;
    }
    const address = ADDRESSES[a.who]!;
    const first = !this.known.has(address);
    this.known.add(address);
    const consent = () => this.consent.set(address, 'yes');
    switch (a.kind) {
      case 'stop':
        this.consent.set(address, 'stopped');
        return 1;
      case 'stop-channel':
        return 1;
      case 'start':
      case 'token':
        consent();
        return 1;
      case 'keyword':
        if (this.active[a.channel]) {
          consent();
          return 1;
        }
        return this.chat(address, first);
      case 'chat':
        return this.chat(address, first);
    }
  }

  /** A first message that is no command subscribes to the default channel (F12); later ones get nothing. */
  private chat(address: string, first: boolean): number {
    if (!first) return 0;
    this.consent.set(address, 'yes');
    return 1;
  }
}

async function checkAgainstModel(world: World, model: Model) {
  for (const address of ADDRESSES) {
    const contact = await world.s.tidings.contacts.find({ transport: 'sandbox', address });
    const expected = model.consent.get(address)!;
    const subs = contact ? await world.s.tidings.contacts.subscriptions(contact.id) : [];
    if (expected === 'none' && !model.known.has(address)) expect(contact).toBeNull();
    if (expected === 'none' && model.known.has(address))
      expect({ state: contact?.state, subs }).toEqual({ state: 'visitor', subs: [] });
    if (expected === 'pending')
      expect({ state: contact?.state, subs }).toEqual({ state: 'pending', subs: [] });
    if (expected === 'stopped')
      expect({ state: contact?.state, subs }).toEqual({ state: 'unsubscribed', subs: [] });
    if (expected === 'yes') {
      // "Stop <channel>" of the last channel unsubscribes, so a consenting contact is confirmed or has left everything.
      expect(contact?.state === 'confirmed' || (contact?.state === 'unsubscribed' && subs.length === 0)).toBe(
        true,
      );
    }
  }
}

describe('invariants 1 and 2 (property tests)', () => {
  it('sequentially: replies only to the writer, none to pending or stopped contacts, STOP always wins', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 25 }), async (actions) => {
        const world: World = { s: await setup(), tickets: [] };
        const model = new Model();
        for (const a of actions) {
          const counts = new Map(ADDRESSES.map((x) => [x, world.s.sandbox.messagesTo(x).length]));
          const modelState = model.consent.get(ADDRESSES['who' in a ? a.who : 0]!);
          const expected = model.step(a);
          const writer = await run(world, a);
          for (const address of ADDRESSES) {
            const got = world.s.sandbox.messagesTo(address).length - counts.get(address)!;
            if (address !== writer)
              expect(got, `${address} got a message without writing (${a.kind})`).toBe(0);
          }
          if (writer && expected !== null) {
            const got = world.s.sandbox.messagesTo(writer).length - counts.get(writer)!;
            if (a.kind === 'stop' || a.kind === 'stop-channel') expect(got).toBe(1);
            else if (expected === 0) expect(got, `${modelState} contact answered on "${a.kind}"`).toBe(0);
            else expect(got).toBeGreaterThanOrEqual(1);
          }
          await checkAgainstModel(world, model);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('under concurrency: nothing reaches a contact who never wrote, every message answers its own, the last STOP wins', () =>
    concurrently());

  it('sequentially, with rules that reply and join channels on every message and consent event: the same holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 25 }), async (actions) => {
        const world: World = { s: await setup(), tickets: [] };
        await world.s.tidings.rules.set(GREEDY_RULES);
        const model = new Model();
        for (const a of actions) {
          const counts = new Map(ADDRESSES.map((x) => [x, world.s.sandbox.messagesTo(x).length]));
          model.step(a);
          const writer = await run(world, a);
          await world.s.tidings.drain();
          for (const address of ADDRESSES) {
            const got = world.s.sandbox.messagesTo(address).length - counts.get(address)!;
            if (address !== writer)
              expect(got, `${address} got a message without writing (${a.kind})`).toBe(0);
          }
          if (writer && a.kind !== 'optin' && a.kind !== 'toggle') {
            const got = world.s.sandbox.messagesTo(writer).length - counts.get(writer)!;
            const contact = await world.s.tidings.contacts.find({ transport: 'sandbox', address: writer });
            const subs = await world.s.tidings.contacts.subscriptions(contact!.id);
            // A pending or unsubscribed contact gets nothing but the single reply to their own STOP.
            const consentReply = a.kind === 'stop' || a.kind === 'stop-channel' ? 1 : 0;
            if (contact!.state === 'pending' || contact!.state === 'unsubscribed')
              expect(got, `${contact!.state} contact answered on "${a.kind}"`).toBe(consentReply);
            if (contact!.state === 'unsubscribed') expect(subs).toEqual([]);
            if (a.kind === 'stop') expect(contact!.state).toBe('unsubscribed');
            // No rule takes back a "Stop <channel>".
            if (a.kind === 'stop-channel') expect(subs).not.toContain(a.channel);
          }
          await checkAgainstModel(world, model);
        }
        await everyReplyAnswersItsOwn(world);
      }),
      { numRuns: 100 },
    );
  });

  it('under concurrency, with the same rules: the same holds', () => concurrently(GREEDY_RULES));
});

/** Rules that try everything a rule could do against consent, on every message and consent event. */
const GREEDY_RULES = `
when any then reply "R", add to channel sport, add to channel culture
when unsubscribed from sport then add to channel sport, reply "Sure?"
when unsubscribed then add to channel news, reply "Bye"
when subscribed then reply "S", add to channel culture
when confirmed then add to channel sport, reply "C"
`;

async function everyReplyAnswersItsOwn(world: World) {
  for (const address of ADDRESSES) {
    const contact = await world.s.tidings.contacts.find({ transport: 'sandbox', address });
    if (!contact) continue;
    const rows = await world.s.backdoor.messages('default', contact.id);
    const inbound = new Set(rows.filter((m) => m.direction === 'in').map((m) => m.id));
    for (const out of rows.filter((m) => m.direction === 'out'))
      expect(inbound.has(out.inReplyTo ?? '')).toBe(true);
  }
}

async function concurrently(rules?: string) {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(action, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }),
      async (batches) => {
        const world: World = { s: await setup(), tickets: [] };
        if (rules) await world.s.tidings.rules.set(rules);
        const wrote = new Set<string>();
        const last = new Map<string, Action['kind']>();
        for (const batch of batches) {
          await Promise.all(batch.map((a) => run(world, a)));
          for (const a of batch) {
            if (a.kind === 'optin' || a.kind === 'toggle') continue;
            wrote.add(ADDRESSES[a.who]!);
            last.set(ADDRESSES[a.who]!, a.kind);
          }
        }
        await world.s.tidings.drain();
        for (const address of ADDRESSES) {
          const contact = await world.s.tidings.contacts.find({ transport: 'sandbox', address });
          if (!wrote.has(address)) {
            expect(world.s.sandbox.messagesTo(address)).toEqual([]);
            if (contact) expect(contact.state).toBe('pending');
            continue;
          }
          if (last.get(address) === 'stop') {
            expect(contact!.state).toBe('unsubscribed');
            expect(await world.s.tidings.contacts.subscriptions(contact!.id)).toEqual([]);
            expect(world.s.sandbox.messagesTo(address).at(-1)?.content.text).toContain('unsubscribed');
          }
        }
        await everyReplyAnswersItsOwn(world);
      },
    ),
    { numRuns: 150 },
  );
}
