import { describe, expect, it } from 'vitest';
import { sandboxFaults, TidingsError } from '../src/index.js';
import { setup } from './setup.js';

const DAY = 86_400_000;
const ADA = '+4915111111111';
const BEA = '+4915122222222';
const CEM = '+4915133333333';

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof TidingsError ? e.code : String(e)),
  );

describe('stats: sign-ups per day and channel (F36)', () => {
  async function twoDays() {
    const s = await setup();
    // Day 1 (2026-06-01): Ada opts in by START, Bea by the SPORT keyword, Cem asks through the widget.
    await s.phone(ADA).send('START');
    await s.phone(BEA).send('SPORT');
    await s.clock.advance(DAY / 2);
    const started = await s.tidings.optins.start({
      transport: 'sandbox',
      address: CEM,
      channels: ['culture'],
    });
    // Day 2: Cem confirms, Ada says STOP, Bea leaves sport only.
    await s.clock.advance(DAY / 2);
    await s.phone(CEM).send(`START ${started.token}`);
    await s.phone(ADA).send('STOP');
    await s.phone(BEA).send('Stop sport');
    return s;
  }

  it('counts sign-ups, confirmations and unsubscribes from the consent ledger', async () => {
    const { tidings } = await twoDays();
    const stats = await tidings.stats.consent({ from: '2026-05-31', to: '2026-06-03' });
    expect(stats.timeZone).toBe('UTC');
    expect(stats.days).toEqual([
      { day: '2026-05-31', channel: null, signups: 0, confirmations: 0, unsubscribes: 0 },
      { day: '2026-06-01', channel: null, signups: 3, confirmations: 2, unsubscribes: 0 },
      { day: '2026-06-02', channel: null, signups: 0, confirmations: 1, unsubscribes: 1 },
    ]);
    expect(stats.byChannel).toEqual([
      { day: '2026-06-01', channel: 'culture', signups: 1, confirmations: 0, unsubscribes: 0 },
      { day: '2026-06-01', channel: 'news', signups: 2, confirmations: 2, unsubscribes: 0 },
      { day: '2026-06-01', channel: 'sport', signups: 1, confirmations: 1, unsubscribes: 0 },
      { day: '2026-06-02', channel: 'culture', signups: 0, confirmations: 1, unsubscribes: 0 },
      { day: '2026-06-02', channel: 'news', signups: 0, confirmations: 1, unsubscribes: 1 },
      { day: '2026-06-02', channel: 'sport', signups: 0, confirmations: 0, unsubscribes: 1 },
    ]);
  });

  it('counts days in the time zone asked for, over a half-open range', async () => {
    const { tidings, phone, clock } = await setup();
    await clock.advance(15 * 3_600_000 + 30 * 60_000); // 2026-06-01 23:30 UTC = 06-02 01:30 in Berlin
    await phone(ADA).send('START');
    const utc = await tidings.stats.consent({ from: '2026-06-01', to: '2026-06-03' });
    expect(utc.days.map((d) => [d.day, d.signups])).toEqual([
      ['2026-06-01', 1],
      ['2026-06-02', 0],
    ]);
    const berlin = await tidings.stats.consent({
      from: Date.parse('2026-06-01T00:00:00+02:00'),
      to: new Date('2026-06-03T00:00:00+02:00'),
      timeZone: 'Europe/Berlin',
    });
    expect(berlin.days.map((d) => [d.day, d.signups])).toEqual([
      ['2026-06-01', 0],
      ['2026-06-02', 1],
    ]);
    const before = await tidings.stats.consent({ from: '2026-05-01', to: clock.now() });
    expect(before.days.every((d) => d.signups === 0)).toBe(true);
    expect(await code(tidings.stats.consent({ from: '2026-06-02', to: '2026-06-01' }))).toBe('INVALID_INPUT');
    expect(await code(tidings.stats.consent({ from: 'soon', to: '2026-06-01' }))).toBe('INVALID_INPUT');
    expect(
      await code(tidings.stats.consent({ from: '2026-06-01', to: '2026-06-02', timeZone: 'Mars/Olympus' })),
    ).toBe('INVALID_INPUT');
  });

  it('exports the counts as CSV', async () => {
    const { tidings } = await twoDays();
    const csv = await tidings.stats.consentCsv({ from: '2026-06-01', to: '2026-06-03' });
    expect(csv).toBe(
      [
        'day,channel,signups,confirmations,unsubscribes',
        '2026-06-01,*,3,2,0',
        '2026-06-01,culture,1,0,0',
        '2026-06-01,news,2,2,0',
        '2026-06-01,sport,1,1,0',
        '2026-06-02,*,0,1,1',
        '2026-06-02,culture,0,1,0',
        '2026-06-02,news,0,1,1',
        '2026-06-02,sport,0,0,1',
        '',
      ].join('\r\n'),
    );
  });
});

describe('stats: broadcast funnels (F36)', () => {
  it('follows queued → sent → delivered → read → clicked and failures by reason, with a CSV export', async () => {
    const { tidings, sandbox, phone, clock } = await setup({ publicUrl: 'https://news.example/tidings' });
    const addresses = ['+4915100000001', '+4915100000002', '+4915100000003', '+4915100000004'];
    for (const a of addresses) await phone(a).send('START');
    sandbox.setBehaviour((m) => (m.to === addresses[3] ? sandboxFaults.blockedByRecipient() : undefined));
    await clock.advance(60_000);
    const older = await tidings.broadcasts.create({ name: 'Older', content: { text: 'Old news' } });
    await clock.advance(60_000);
    const b = await tidings.broadcasts.create({
      name: 'Morning, "special" edition',
      content: { text: 'Read more: https://example.com/story' },
      scheduledAt: 'now',
      tracking: 'individual',
    });
    await tidings.drain();
    const sent = sandbox.sent.filter((m) => m.purpose === 'broadcast');
    expect(sent).toHaveLength(3);
    const status = (i: number, s: 'delivered' | 'read') =>
      tidings.receive('sandbox', [
        {
          type: 'status',
          senderId: 'sandbox',
          providerMessageId: sent[i]!.providerMessageId,
          status: s,
          at: clock.now(),
        },
      ]);
    await status(0, 'delivered');
    await status(1, 'read');
    const link = sent[1]!.content.text!.match(/https:\/\/news\.example\/tidings\/\S+/)![0];
    const click = await tidings.handler(new Request(link));
    expect(click.status).toBeLessThan(400);

    const funnel = await tidings.stats.broadcast(b.id);
    expect(funnel).toMatchObject({
      broadcastId: b.id,
      name: 'Morning, "special" edition',
      status: 'completed',
      total: 4,
      queued: 0,
      sent: 3,
      delivered: 2,
      read: 1,
      clicked: 1,
      failed: 1,
      skipped: 0,
      reasons: { 'recipient-blocked: the recipient blocked the sender (403)': 1 },
    });
    expect(await code(tidings.stats.broadcast('nope'))).toBe('NOT_FOUND');
    const list = await tidings.stats.broadcasts();
    expect(list.map((f) => f.broadcastId)).toEqual([b.id, older.id]);
    expect(
      (await tidings.stats.broadcasts({ from: clock.now() - 30_000 })).map((f) => f.broadcastId),
    ).toEqual([b.id]);
    expect((await tidings.stats.broadcasts({ limit: 1 })).map((f) => f.broadcastId)).toEqual([b.id]);

    const csv = await tidings.stats.broadcastsCsv({ from: clock.now() - 30_000 });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'broadcast_id,name,status,created_at,started_at,completed_at,total,queued,sent,delivered,read,clicked,failed,skipped,cancelled,reason,reason_count',
    );
    expect(lines[1]).toMatch(
      new RegExp(
        `^${b.id},"Morning, ""special"" edition",completed,2026-06-01T08:02:00.000Z,[^,]+,[^,]+,4,0,3,2,1,1,1,0,0,,$`,
      ),
    );
    expect(lines[2]).toMatch(/,recipient-blocked: the recipient blocked the sender \(403\),1$/);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });
});
