import { describe, expect, it } from 'vitest';
import { setup } from './setup.js';

const DORA = '+4369912345679';

describe('watermarks and echoes (receipts without message ids, messages sent from elsewhere)', () => {
  it('a watermark moves every outbound message up to its time on, and a later one never back', async () => {
    const { tidings, sandbox, clock, backdoor } = await setup();
    await sandbox.simulateInbound({ from: DORA, text: 'START' });
    await tidings.drain();
    const contact = (await tidings.contacts.find({ transport: 'sandbox', address: DORA }))!;
    const welcomeAt = clock.now();
    await clock.advance(60_000);
    await sandbox.simulateInbound({ from: DORA, text: 'SPORT' });
    await tidings.drain();
    const updates: string[] = [];
    tidings.on('delivery.updated', ({ message, status }) => {
      updates.push(`${message.content.text}:${status}`);
    });

    await tidings.receive('sandbox', [
      { type: 'watermark', senderId: 'sandbox', from: DORA, at: welcomeAt, status: 'delivered' },
    ]);
    const outbound = async () =>
      (await backdoor.messages('default', contact.id))
        .filter((m) => m.direction === 'out')
        .map((m) => m.status);
    expect(await outbound()).toEqual(['delivered', 'sent']);
    await tidings.receive('sandbox', [
      { type: 'watermark', senderId: 'sandbox', from: DORA, at: clock.now(), status: 'read' },
      { type: 'watermark', senderId: 'sandbox', from: DORA, at: clock.now(), status: 'delivered' },
    ]);
    expect(await outbound()).toEqual(['read', 'read']);
    expect(updates).toEqual([
      'Welcome to the news!:delivered',
      'Welcome to the news!:read',
      'Anpfiff! ⚽:read',
    ]);
    // Nobody we know: nothing happens.
    await tidings.receive('sandbox', [
      { type: 'watermark', senderId: 'sandbox', from: '+4369900000000', at: clock.now(), status: 'read' },
    ]);
  });

  it('keeps a message the sender sent from elsewhere as outbound history, once', async () => {
    const { tidings, sandbox, clock, backdoor } = await setup();
    await sandbox.simulateInbound({ from: DORA, text: 'Hallo' });
    const contact = (await tidings.contacts.find({ transport: 'sandbox', address: DORA }))!;
    const echo = {
      type: 'echo' as const,
      senderId: 'sandbox',
      from: DORA,
      at: clock.now(),
      providerMessageId: 'm_page_inbox_1',
      content: { text: 'Hi Dora, this is Eva from the newsroom.' },
    };
    await tidings.receive('sandbox', [echo, echo]);
    const rows = await backdoor.messages('default', contact.id);
    expect(rows.at(-1)).toMatchObject({
      direction: 'out',
      purpose: 'agent',
      status: 'sent',
      providerMessageId: 'm_page_inbox_1',
      content: { text: 'Hi Dora, this is Eva from the newsroom.' },
    });
    expect(rows.filter((m) => m.providerMessageId === 'm_page_inbox_1')).toHaveLength(1);
    expect((await tidings.contacts.get(contact.id))?.lastInboundAt).toBe(rows[0]!.at);
  });
});
