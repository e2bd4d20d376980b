import { describe, expect, it } from 'vitest';
import { TidingsError } from '../src/index.js';
import { setup } from './setup.js';

describe('channels (F11, F14)', () => {
  it('creates, lists, updates and removes channels; one default at a time', async () => {
    const { tidings } = await setup();
    const events: string[] = [];
    tidings.on('channel.updated', ({ channel }) => events.push(channel.slug));
    expect((await tidings.channels.list()).map((c) => c.slug)).toEqual(['news', 'sport', 'culture']);
    await tidings.channels.update('sport', { isDefault: true });
    const all = await tidings.channels.list();
    expect(all.filter((c) => c.isDefault).map((c) => c.slug)).toEqual(['sport']);
    await tidings.channels.update('culture', { active: false });
    expect((await tidings.channels.list({ activeOnly: true })).map((c) => c.slug)).toEqual(['news', 'sport']);
    expect(await tidings.channels.remove('culture')).toBe(true);
    expect(await tidings.channels.remove('culture')).toBe(false);
    expect(await tidings.channels.get('culture')).toBeNull();
    expect(events).toEqual(['sport', 'culture']);
  });

  it('stores keywords normalised and refuses clashes, START/STOP words and empty ones', async () => {
    const { tidings } = await setup();
    const tech = await tidings.channels.create({
      slug: 'tech',
      name: 'Tech',
      keywords: ['  TECH! ', 'Künstliche Intelligenz'],
    });
    expect(tech.keywords).toEqual(['tech', 'künstliche intelligenz']);
    const clash = await tidings.channels
      .create({ slug: 'x', name: 'X', keywords: ['ok', 'sport', 'Stop', '🎉', 'OK'] })
      .catch((e: unknown) => e);
    expect(TidingsError.isInstance(clash) && clash.code).toBe('CHANNEL_CONFLICT');
    expect(TidingsError.isInstance(clash) && clash.issues.map((i) => i.field)).toEqual([
      'keywords.2',
      'keywords.3',
      'keywords.4',
      'keywords.1',
    ]);
    // A channel may keep its own keywords on update.
    await expect(
      tidings.channels.update('sport', { keywords: ['SPORT', 'Fussball'] }),
    ).resolves.toMatchObject({ keywords: ['sport', 'fussball'] });
  });

  it('validates slugs and enforces the maximum count', async () => {
    const { tidings } = await setup({ maxChannels: 4 });
    await expect(tidings.channels.create({ slug: 'Bad Slug', name: 'x' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      issues: [{ field: 'slug', message: expect.stringContaining('lower-case') }],
    });
    await expect(tidings.channels.create({ slug: 'news', name: 'Again' })).rejects.toMatchObject({
      code: 'CHANNEL_CONFLICT',
    });
    await tidings.channels.create({ slug: 'four', name: 'Four' });
    await expect(tidings.channels.create({ slug: 'five', name: 'Five' })).rejects.toMatchObject({
      code: 'CHANNEL_LIMIT',
    });
    await expect(tidings.channels.update('nope', { name: 'x' })).rejects.toMatchObject({
      code: 'UNKNOWN_CHANNEL',
    });
  });

  it('an update changes only the fields it names', async () => {
    const { tidings } = await setup();
    await tidings.channels.update('news', { active: false });
    expect(await tidings.channels.get('news')).toMatchObject({
      active: false,
      isDefault: true,
      keywords: ['news'],
      welcome: 'Welcome to the news!',
      name: 'News',
    });
  });

  it('keyword changes take effect at once', async () => {
    const { tidings, phone } = await setup();
    await tidings.channels.update('sport', { keywords: ['TOR'] });
    const fan = phone('+4917611111111');
    await fan.send('START');
    fan.newTexts();
    await fan.send('SPORT');
    expect(fan.newTexts()).toEqual([]);
    await fan.send('Tor!');
    expect(fan.newTexts()).toEqual(['Anpfiff! ⚽']);
  });
});
