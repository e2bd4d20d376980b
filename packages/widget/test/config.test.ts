import { describe, expect, it } from 'vitest';
import { channelOptions, parseChannels } from '../src/config/channels.js';
import { kindFromName, offeredTransports, parseTransports } from '../src/config/transports.js';

const server = [
  { name: 'whatsapp', addressKind: 'phone' as const },
  { name: 'tg-bot', addressKind: 'opaque' as const },
  { name: 'messenger', addressKind: 'opaque' as const },
];

describe('the transports attribute', () => {
  it('reads names and name=kind pairs, spaces or commas, in order, without duplicates', () => {
    expect(parseTransports('tg-bot=telegram, whatsapp  whatsapp x=fax')).toEqual([
      { name: 'tg-bot', kind: 'telegram' },
      { name: 'whatsapp', kind: 'whatsapp' },
      { name: 'x', kind: null },
    ]);
    expect(parseTransports(null)).toBeNull();
    expect(parseTransports('  ')).toBeNull();
  });

  it('guesses the kind from the name', () => {
    expect(kindFromName('WhatsApp-EU')).toBe('whatsapp');
    expect(kindFromName('sandbox')).toBeNull();
  });

  it('offers what the page asked for and the server has, in the page’s order; else all of the server’s', () => {
    expect(offeredTransports(parseTransports('messenger nope tg-bot=telegram'), server)).toEqual([
      { name: 'messenger', addressKind: 'opaque', kind: 'messenger' },
      { name: 'tg-bot', addressKind: 'opaque', kind: 'telegram' },
    ]);
    expect(offeredTransports(null, server).map((t) => [t.name, t.kind])).toEqual([
      ['whatsapp', 'whatsapp'],
      ['tg-bot', null],
      ['messenger', 'messenger'],
    ]);
  });
});

describe('the channels attribute', () => {
  const channels = [
    { slug: 'news', name: 'News', description: null, isDefault: true },
    { slug: 'sport', name: 'Sport', description: 'Results', isDefault: false },
    { slug: 'culture', name: 'Culture', description: null, isDefault: false },
  ];

  it('shows the listed channels in its order, + ticks one; the default is always first, ticked and fixed', () => {
    const choice = parseChannels('culture +sport weather');
    expect(choice).toEqual({ show: ['culture', 'sport', 'weather'], preselect: ['sport'] });
    expect(channelOptions(channels, choice).map((c) => [c.slug, c.checked, c.fixed])).toEqual([
      ['news', true, true],
      ['culture', false, false],
      ['sport', true, false],
    ]);
  });

  it('shows every channel, none ticked but the default, without the attribute', () => {
    expect(channelOptions(channels, parseChannels(null)).map((c) => [c.slug, c.checked])).toEqual([
      ['news', true],
      ['sport', false],
      ['culture', false],
    ]);
  });
});
