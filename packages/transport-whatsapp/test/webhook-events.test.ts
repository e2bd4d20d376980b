import { describe, expect, it } from 'vitest';
import { type ChangeValue, toEvents } from '../src/index.js';

const metadata = { display_phone_number: '15550783880', phone_number_id: '106540352242922' };
const at = (value: ChangeValue) =>
  toEvents({ messaging_product: 'whatsapp', metadata, ...value }, 'n1', () => 42);

describe('normalising a change value', () => {
  it('keeps message types it does not read as messages without text, and never throws', () => {
    const events = at({
      contacts: [{ profile: { name: 'Ana' }, wa_id: '4915112345678' }],
      messages: [
        { from: '4915112345678', id: 'wamid.1', timestamp: '1750000000', type: 'location' },
        { from: '4915112345678', id: 'wamid.2', timestamp: '1750000001', type: 'reaction' },
        { from: '4915112345678', id: 'wamid.3', timestamp: '1750000002', type: 'brand_new_type' },
      ],
    });
    expect(events).toEqual([
      {
        type: 'message',
        senderId: 'n1',
        from: '+4915112345678',
        phone: '+4915112345678',
        profileName: 'Ana',
        at: 1_750_000_000_000,
        providerMessageId: 'wamid.1',
      },
      expect.objectContaining({ providerMessageId: 'wamid.2', at: 1_750_000_001_000 }),
      expect.objectContaining({ providerMessageId: 'wamid.3' }),
    ]);
    for (const e of events) expect(e).not.toHaveProperty('text');
  });

  it('takes a missing or malformed time as now, and the address from contacts when the message has none', () => {
    const events = at({
      contacts: [{ profile: { name: 'Bo' }, user_id: 'US.1234567890' }],
      messages: [{ id: 'wamid.4', type: 'text', text: { body: 'hi' } }],
    });
    expect(events).toEqual([
      {
        type: 'message',
        senderId: 'n1',
        from: 'US.1234567890',
        profileName: 'Bo',
        at: 42,
        providerMessageId: 'wamid.4',
        text: 'hi',
      },
    ]);
  });

  it('ignores statuses it does not know, call events after the connect, and messages from nobody', () => {
    expect(
      at({
        statuses: [{ id: 'wamid.5', status: 'deleted', timestamp: '1', recipient_id: '1' }],
        calls: [{ id: 'wacid.1', from: '1', event: 'terminate', timestamp: '1' }],
        messages: [{ id: 'wamid.6', timestamp: '1', type: 'text', text: { body: 'x' } }],
      }),
    ).toEqual([]);
  });
});
