import { describe, expect, it, vi } from 'vitest';
import { createTidings, type Logger, sandboxTransport } from '../src/index.js';
import { setup } from './setup.js';

const CAROL = '+4369912345678';

describe('inbound messages (F26)', () => {
  it('keeps every inbound and outbound message in the conversation, and drops replays by provider id', async () => {
    const { tidings, sandbox, backdoor } = await setup();
    const received: string[] = [];
    tidings.on('message.received', ({ message }) => {
      received.push(message.content.text ?? '');
    });
    await sandbox.simulateInbound({ from: CAROL, text: 'START', id: 'wamid.A' });
    await sandbox.simulateInbound({ from: CAROL, text: 'START', id: 'wamid.A' });
    await sandbox.simulateInbound({ from: CAROL, text: 'Hallo', id: 'wamid.B', profileName: 'Carol' });
    const contact = await tidings.contacts.find({ transport: 'sandbox', address: CAROL });
    const rows = await backdoor.messages('default', contact!.id);
    expect(rows.map((m) => [m.direction, m.content.text, m.status])).toEqual([
      ['in', 'START', 'received'],
      ['out', 'Welcome to the news!', 'sent'],
      ['in', 'Hallo', 'received'],
    ]);
    expect(rows[1]).toMatchObject({
      purpose: 'welcome',
      inReplyTo: rows[0]!.id,
      providerMessageId: expect.stringMatching(/^sbx\./),
    });
    expect(received).toEqual(['START', 'Hallo']);
    expect(sandbox.messagesTo(CAROL)).toHaveLength(1);
    expect(contact).toMatchObject({ name: 'Carol', lastInboundAt: expect.any(Number) });
    const history = await tidings.contacts.export(contact!.id);
    expect(history?.messages.map((m) => m.content.text)).toEqual(['START', 'Welcome to the news!', 'Hallo']);
  });

  it('handles one contact’s messages in arrival order even when they come at once', async () => {
    const { tidings, sandbox } = await setup();
    await Promise.all([
      sandbox.simulateInbound({ from: CAROL, text: 'SPORT' }),
      sandbox.simulateInbound({ from: CAROL, text: 'STOP' }),
    ]);
    const contact = await tidings.contacts.find({ transport: 'sandbox', address: CAROL });
    expect(contact?.state).toBe('unsubscribed');
    expect(await tidings.contacts.subscriptions(contact!.id)).toEqual([]);
  });

  it('marks a contact who blocked us and sends nothing more until they write again (F10)', async () => {
    const { tidings, sandbox, phone } = await setup();
    const carol = phone(CAROL);
    await carol.send('START');
    await sandbox.simulateBlock(CAROL);
    const blocked = await tidings.contacts.find({ transport: 'sandbox', address: CAROL });
    expect(blocked?.blockedAt).not.toBeNull();
    expect((await tidings.contacts.consent(blocked!.id)).at(-1)).toMatchObject({
      action: 'blocked',
      method: 'platform',
    });
    await sandbox.simulateUnblock(CAROL);
    expect((await tidings.contacts.get(blocked!.id))?.blockedAt).toBeNull();
    await sandbox.simulateBlock(CAROL);
    carol.newTexts();
    await carol.send('SPORT');
    expect((await tidings.contacts.get(blocked!.id))?.blockedAt).toBeNull();
    expect(carol.newTexts()).toEqual(['Anpfiff! ⚽']);
  });

  it('marks a contact blocked when the platform says so on send, and never retries', async () => {
    const sandbox = sandboxTransport();
    const send = sandbox.send.bind(sandbox);
    let refuse = false;
    sandbox.send = async (message) =>
      refuse
        ? { kind: 'recipient-blocked', reason: 'bot was blocked by the user', code: '403' }
        : send(message);
    const tidings = createTidings({ transports: [sandbox], logger: quiet() });
    await tidings.channels.create({ slug: 'news', name: 'News', isDefault: true, welcome: 'Hi' });
    await tidings.start();
    await sandbox.simulateInbound({ from: CAROL, text: 'START' });
    refuse = true;
    const failed = vi.fn();
    tidings.on('message.failed', failed);
    await sandbox.simulateInbound({ from: CAROL, text: 'Start news' });
    const contact = await tidings.contacts.find({ transport: 'sandbox', address: CAROL });
    expect(contact?.blockedReason).toBe('bot was blocked by the user');
    expect(failed).toHaveBeenCalledOnce();
  });

  it('notes calls in the conversation and fires call.received (F29)', async () => {
    const { tidings, sandbox, backdoor } = await setup();
    const calls = vi.fn();
    tidings.on('call.received', calls);
    await sandbox.simulateCall(CAROL);
    const contact = await tidings.contacts.find({ transport: 'sandbox', address: CAROL });
    expect(contact?.state).toBe('visitor');
    expect((await backdoor.messages('default', contact!.id)).map((m) => m.kind)).toEqual(['call']);
    expect(calls).toHaveBeenCalledOnce();
  });

  it('moves sent messages on by status reports, never backwards', async () => {
    const { tidings, sandbox, backdoor } = await setup();
    await sandbox.simulateInbound({ from: CAROL, text: 'START' });
    const [welcome] = sandbox.messagesTo(CAROL);
    const updates: string[] = [];
    tidings.on('delivery.updated', ({ status }) => {
      updates.push(status);
    });
    const status = (s: 'delivered' | 'read') =>
      tidings.receive('sandbox', [
        {
          type: 'status',
          senderId: 'sandbox',
          providerMessageId: welcome!.providerMessageId,
          status: s,
          at: 1,
        },
      ]);
    await status('read');
    await status('delivered');
    const contact = await tidings.contacts.find({ transport: 'sandbox', address: CAROL });
    expect((await backdoor.messages('default', contact!.id))[1]?.status).toBe('read');
    expect(updates).toEqual(['read']);
  });

  it('a failing sandbox listener never turns a send into a failure', async () => {
    const { sandbox, phone } = await setup();
    sandbox.onSent((message) => {
      message.content.text = 'mutated';
      throw new Error('simulator bug');
    });
    await phone(CAROL).send('START');
    expect(phone(CAROL).texts()).toEqual(['Welcome to the news!']);
    await expect(sandbox.simulateInbound({ from: 'not a number', text: 'hi' })).rejects.toMatchObject({
      code: 'INVALID_PHONE',
    });
  });

  it('a failing event listener is logged and never breaks the flow', async () => {
    const logger = quiet();
    const sandbox = sandboxTransport();
    const tidings = createTidings({ transports: [sandbox], logger });
    tidings.on('message.received', () => {
      throw new Error('listener bug');
    });
    tidings.on('message.received', async () => {
      throw new Error('async listener bug');
    });
    await tidings.start();
    await sandbox.simulateInbound({ from: CAROL, text: 'Hallo' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(await tidings.contacts.find({ transport: 'sandbox', address: CAROL })).not.toBeNull();
    expect(logger.error).toHaveBeenCalledTimes(2);
  });
});

function quiet() {
  return {
    debug: vi.fn<Logger['debug']>(),
    info: vi.fn<Logger['info']>(),
    warn: vi.fn<Logger['warn']>(),
    error: vi.fn<Logger['error']>(),
  };
}
