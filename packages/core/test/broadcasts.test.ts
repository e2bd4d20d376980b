import { describe, expect, it, vi } from 'vitest';
import type { TidingsError } from '../src/index.js';
import { address, broadcastSetup, seedSubscribers } from './broadcast-setup.js';

describe('broadcasts (F15–F17, F21)', () => {
  it('sends one individual message to every confirmed, subscribed, unblocked contact — taken at start', async () => {
    const s = await broadcastSetup();
    const subscribers = await seedSubscribers(s.store, 5);
    await s.tidings.optins.start({ transport: 'sandbox', address: '+4915199999901' }); // pending
    await s.phone('+4915199999902').send('START');
    await s.phone('+4915199999902').send('STOP'); // unsubscribed
    await s.store.contacts.update(
      'default',
      subscribers[4]!.id,
      { blockedAt: 1, blockedReason: 'blocked' },
      1,
    );
    s.sandbox.clear();
    const completed = vi.fn();
    s.tidings.on('broadcast.completed', completed);

    const broadcast = await s.tidings.broadcasts.create({
      content: { text: 'Hallo {name}!' },
      audience: { channels: ['news'] },
      scheduledAt: 'now',
    });
    await s.tidings.drain();

    expect(s.sandbox.sent.map((m) => [m.to, m.content.text])).toEqual(
      subscribers.slice(0, 4).map((c, i) => [c.address, `Hallo Person ${i}!`]),
    );
    const stats = await s.tidings.broadcasts.stats(broadcast.id);
    expect(stats).toMatchObject({ status: 'completed', total: 4, queued: 0, sent: 4, failed: 0, skipped: 0 });
    expect(completed).toHaveBeenCalledWith(expect.objectContaining({ broadcastId: broadcast.id }));
    // Kept in each recipient's conversation (F26).
    const history = await s.backdoor.messages('default', subscribers[0]!.id);
    expect(history.map((m) => [m.direction, m.broadcastId, m.status])).toEqual([
      ['out', broadcast.id, 'sent'],
    ]);
  });

  it('skips, at the moment of sending, a recipient who left the channel after the fan-out (invariant 1)', async () => {
    const s = await broadcastSetup();
    const subscribers = await seedSubscribers(s.store, 4, { channels: ['news', 'sport'] });
    // The sender is paused, so the fanned-out deliveries wait in the outbox.
    await s.tidings.senders.pause('sandbox', 'sandbox', 'hold');
    const broadcast = await s.tidings.broadcasts.create({
      content: { text: 'x' },
      audience: { channels: ['news'] },
      scheduledAt: 'now',
    });
    await s.tidings.drain();
    expect(s.sandbox.sent).toHaveLength(0);
    const news = (await s.store.channels.list('default')).find((c) => c.slug === 'news')!;
    // Still confirmed and subscribed to sport, but no longer to the broadcast's channel.
    await s.store.subscriptions.remove('default', subscribers[1]!.id, [news.id]);
    await s.tidings.senders.resume('sandbox', 'sandbox');
    await s.tidings.drain();
    expect(s.sandbox.sent.map((m) => m.to).sort()).toEqual(
      [subscribers[0]!, subscribers[2]!, subscribers[3]!].map((c) => c.address).sort(),
    );
    expect(await s.tidings.broadcasts.stats(broadcast.id)).toMatchObject({ total: 4, sent: 3, skipped: 1 });
  });

  it('targets channels, chosen contacts, attributes and transports; drafts send nothing', async () => {
    const s = await broadcastSetup();
    const news = await seedSubscribers(s.store, 3, { channels: ['news'] });
    const sport = await seedSubscribers(s.store, 2, {
      channels: ['sport'],
      from: 10,
      extra: { attributes: { city: 'Wien' } },
    });
    const send = async (audience: object) => {
      s.sandbox.clear();
      await s.tidings.broadcasts.create({ content: { text: 'x' }, audience, scheduledAt: 'now' });
      await s.tidings.drain();
      return s.sandbox.sent.map((m) => m.to).sort();
    };
    expect(await send({ channels: ['sport'] })).toEqual(sport.map((c) => c.address).sort());
    expect(await send({ contacts: [news[1]!.id] })).toEqual([news[1]!.address]);
    expect(await send({ attributes: { city: 'Wien' } })).toEqual(sport.map((c) => c.address).sort());
    expect(await send({ transports: ['nowhere'] }).catch((e: TidingsError) => e.code)).toBe(
      'UNKNOWN_TRANSPORT',
    );
    expect(await send({})).toHaveLength(5);
    s.sandbox.clear();
    const draft = await s.tidings.broadcasts.create({ content: { text: 'draft' } });
    await s.tidings.drain();
    expect(draft.status).toBe('draft');
    expect(s.sandbox.sent).toEqual([]);
  });

  it('targets the outcome of an earlier broadcast: not read, read', async () => {
    const s = await broadcastSetup();
    await seedSubscribers(s.store, 3);
    const first = await s.tidings.broadcasts.create({ content: { text: 'first' }, scheduledAt: 'now' });
    await s.tidings.drain();
    const [a] = s.sandbox.sent;
    await s.tidings.receive('sandbox', [
      { type: 'status', senderId: 'sandbox', providerMessageId: a!.providerMessageId, status: 'read', at: 1 },
    ]);
    s.sandbox.clear();
    await s.tidings.broadcasts.create({
      content: { text: 'again' },
      audience: { outcome: { broadcastId: first.id, is: 'not-read' } },
      scheduledAt: 'now',
    });
    await s.tidings.drain();
    expect(s.sandbox.sent.map((m) => m.to).sort()).toEqual([address(1), address(2)]);
    expect(await s.tidings.broadcasts.stats(first.id)).toMatchObject({ sent: 3, delivered: 1, read: 1 });
  });

  it('fires a scheduled broadcast at its time, not before; edits while scheduled apply', async () => {
    const s = await broadcastSetup();
    await seedSubscribers(s.store, 2);
    const at = s.clock.now() + 60 * 60 * 1000;
    const b = await s.tidings.broadcasts.create({ content: { text: 'old' }, scheduledAt: new Date(at) });
    await s.tidings.broadcasts.update(b.id, { content: { text: 'new' }, scheduledAt: at + 1000 });
    await s.clock.advance(60 * 60 * 1000);
    expect(s.sandbox.sent).toHaveLength(0);
    await s.clock.advance(999);
    expect(s.sandbox.sent).toHaveLength(0);
    await s.clock.advance(1);
    await s.tidings.drain();
    expect(s.sandbox.sent.map((m) => [m.content.text, m.at])).toEqual([
      ['new', at + 1000],
      ['new', at + 1000],
    ]);
  });

  it('pauses, resumes, edits and cancels while sending — acting only on what is not yet sent', async () => {
    const s = await broadcastSetup({ pacing: { sandbox: { perSenderPerSecond: 1 } } });
    await seedSubscribers(s.store, 10);
    const b = await s.tidings.broadcasts.create({ content: { text: 'v1' }, scheduledAt: 'now' });
    await s.tidings.drain();
    await s.clock.advance(2000);
    expect(s.sandbox.sent).toHaveLength(3);
    await s.tidings.broadcasts.pause(b.id);
    await s.clock.advance(10_000);
    expect(s.sandbox.sent).toHaveLength(3);
    await s.tidings.broadcasts.update(b.id, { content: { text: 'v2' } });
    await expect(
      s.tidings.broadcasts.update(b.id, { audience: { channels: ['sport'] } }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await s.tidings.broadcasts.resume(b.id);
    await s.tidings.drain();
    await s.clock.advance(2000);
    const texts = s.sandbox.sent.map((m) => m.content.text);
    expect(texts.slice(0, 3)).toEqual(['v1', 'v1', 'v1']);
    expect(texts.slice(3)).toEqual(['v2', 'v2', 'v2']);
    await s.tidings.broadcasts.cancel(b.id);
    await s.clock.advance(60_000);
    expect(s.sandbox.sent).toHaveLength(6);
    expect(await s.tidings.broadcasts.stats(b.id)).toMatchObject({
      status: 'cancelled',
      sent: 6,
      cancelled: 4,
      queued: 0,
    });
    await expect(s.tidings.broadcasts.resume(b.id)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('fills placeholders with fallbacks and appends the reference id when asked (F23)', async () => {
    const s = await broadcastSetup();
    const [withName] = await seedSubscribers(s.store, 1, { extra: { attributes: { city: 'Graz' } } });
    await seedSubscribers(s.store, 1, { from: 5, extra: { name: null } });
    const b = await s.tidings.broadcasts.create({
      content: { text: 'Hallo {name|du} aus {city|deiner Stadt}!' },
      scheduledAt: 'now',
      referenceId: true,
    });
    await s.tidings.drain();
    expect(b.referenceId).toMatch(/^[2-9A-Z]{6}$/);
    expect(s.sandbox.messagesTo(withName!.address)[0]?.content.text).toBe(
      `Hallo Person 0 aus Graz!\n\nRef: ${b.referenceId}`,
    );
    expect(s.sandbox.messagesTo(address(5))[0]?.content.text).toBe(
      `Hallo du aus deiner Stadt!\n\nRef: ${b.referenceId}`,
    );
  });

  it('reports progress events and the funnel with failures by reason', async () => {
    const s = await broadcastSetup();
    await seedSubscribers(s.store, 4);
    s.sandbox.setBehaviour((m) =>
      m.to === address(3) ? { kind: 'invalid', reason: 'bad recipient', code: '100' } : undefined,
    );
    const progress = vi.fn();
    s.tidings.on('broadcast.progress', progress);
    const b = await s.tidings.broadcasts.create({ content: { text: 'x' }, scheduledAt: 'now' });
    await s.tidings.drain();
    expect(await s.tidings.broadcasts.stats(b.id)).toMatchObject({
      sent: 3,
      failed: 1,
      reasons: { 'invalid: bad recipient (100)': 1 },
    });
    expect(progress).toHaveBeenCalled();
    expect(progress.mock.calls.at(-1)?.[0]).toMatchObject({
      broadcastId: b.id,
      queued: 0,
      byStatus: { sent: 3, failed: 1 },
    });
  });
});

describe('content checks before anything is queued (F15)', () => {
  const png = (width: number, height: number, size = 100) => {
    const bytes = new Uint8Array(size);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, 0x89504e47);
    view.setUint32(4, 0x0d0a1a0a);
    view.setUint32(8, 13);
    view.setUint32(12, 0x49484452);
    view.setUint32(16, width);
    view.setUint32(20, height);
    return bytes;
  };

  it('names the messenger and the limit', async () => {
    const s = await broadcastSetup({ sandbox: { capabilities: { textMaxLength: 100 } } });
    const fail = async (content: object) => {
      const result = await s.tidings.broadcasts.safeCreate({ content, scheduledAt: 'now' } as never);
      return result.success ? 'ok' : result.error.issues.map((i) => `${i.field}: ${i.message}`);
    };
    expect(await fail({ text: 'x'.repeat(101) })).toEqual([
      'content.text: 101 characters; sandbox accepts up to 100',
    ]);
    expect(await fail({ media: { kind: 'image', bytes: png(1600, 1600) } })).toBe('ok');
    expect(await fail({ media: { kind: 'image', bytes: png(2000, 1000) } })).toEqual([
      'content.media: image of 2000×1000; sandbox accepts up to 1600×1600',
    ]);
    expect(await fail({ media: { kind: 'image', bytes: png(10, 10, 3 * 1024 * 1024) } })).toEqual([
      'content.media: image of 3 MB; sandbox accepts up to 2 MB',
    ]);
    expect(
      await fail({ media: { kind: 'audio', bytes: new Uint8Array(10), mimeType: 'audio/ogg' } }),
    ).toEqual(['content.media: audio/ogg; sandbox accepts audio as audio/aac, audio/mpeg, audio/mp4']);
    expect(await fail({})).toEqual(['content: a broadcast needs text, media or a template']);
    // Only the one that fitted was stored, as a draft; nothing was sent.
    expect(s.sandbox.sent).toEqual([]);
    expect((await s.tidings.broadcasts.list()).items.map((b) => b.content.media?.kind)).toEqual(['image']);
  });

  it('fetches media given by URL to check its size and dimensions', async () => {
    const image = png(1800, 900, 5000);
    const fetchStub = vi.fn(async () => new Response(image, { headers: { 'content-type': 'image/png' } }));
    const s = await broadcastSetup({ fetch: fetchStub as unknown as typeof fetch });
    const result = await s.tidings.broadcasts.safeCreate({
      content: { media: { kind: 'image', url: 'https://cdn.example/p.png' } },
    });
    expect(result.success || result.error.issues[0]?.message).toBe(
      'image of 1800×900; sandbox accepts up to 1600×1600',
    );
    expect(fetchStub).toHaveBeenCalledOnce();
  });

  it('refuses unknown channels and link tracking without a public URL', async () => {
    const s = await broadcastSetup({ publicUrl: undefined } as never);
    await expect(
      s.tidings.broadcasts.create({ content: { text: 'x' }, audience: { channels: ['nope'] } }),
    ).rejects.toMatchObject({
      code: 'UNKNOWN_CHANNEL',
      issues: [{ field: 'audience.channels.0' }],
    });
    const plain = await (await import('./setup.js')).setup();
    await expect(
      plain.tidings.broadcasts.create({ content: { text: 'x' }, tracking: 'anonymous' }),
    ).rejects.toMatchObject({
      issues: [{ field: 'tracking', message: 'needs publicUrl' }],
    });
  });
});

describe('streaming fan-out', () => {
  it('reads the audience in as sending goes: never more than the window waits in the outbox', async () => {
    const s = await broadcastSetup({
      pacing: { sandbox: { perSenderPerSecond: 20 } },
      dispatch: { fanOutChunk: 10, fanOutAhead: 25 },
    });
    await seedSubscribers(s.store, 200);
    const b = await s.tidings.broadcasts.create({ content: { text: 'x' }, scheduledAt: 'now' });
    let mostQueued = 0;
    for (let i = 0; i < 12; i++) {
      await s.clock.advance(1000);
      mostQueued = Math.max(mostQueued, await s.store.deliveries.countQueued('default', b.id));
    }
    expect(mostQueued).toBeLessThanOrEqual(25 + 10);
    expect(await s.tidings.broadcasts.stats(b.id)).toMatchObject({
      status: 'completed',
      sent: 200,
      total: 200,
    });
    expect(new Set(s.sandbox.sent.map((m) => m.to)).size).toBe(200);
  });
});
