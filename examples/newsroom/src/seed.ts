import type { ChannelInput, Tidings } from '@tidings/core';

/**
 * The demo's channels. News is the default, so every confirmed subscriber gets its welcome;
 * the keywords let a subscriber join the others by message (F12). Channels that exist already (a restart on a
 * database that kept them) are left as they are.
 */
export async function seedChannels(tidings: Tidings): Promise<void> {
  const existing = new Set((await tidings.channels.list()).map((c) => c.slug));
  const create = async (channel: ChannelInput) => {
    if (!existing.has(channel.slug)) await tidings.channels.create(channel);
  };
  await create({
    slug: 'news',
    name: 'News',
    description: 'The morning briefing and breaking news.',
    keywords: ['NEWS'],
    welcome:
      'Welcome to the Newsroom! Your briefing arrives every morning. Send SPORT or KULTUR for more, STOP to leave.',
    isDefault: true,
  });
  await create({
    slug: 'sport',
    name: 'Sport',
    description: 'Results and transfer news.',
    keywords: ['SPORT'],
    welcome: 'Kick-off! ⚽ You get the sport news now. Send "Stop sport" to leave this channel only.',
  });
  await create({
    slug: 'culture',
    name: 'Culture',
    description: 'Stage, screen and books, every Friday.',
    keywords: ['KULTUR'],
    welcome: 'Curtain up! 🎭 Culture arrives every Friday. Send "Stop culture" to leave this channel only.',
  });
}

/**
 * The demo's inbox staff and canned answers (F27, F28), for the console. Like the channels, what exists already is
 * left as it is.
 */
export async function seedInbox(tidings: Tidings): Promise<void> {
  const agents = new Set((await tidings.inbox.agents.list()).map((a) => a.id));
  if (!agents.has('anna')) {
    await tidings.inbox.agents.add({ id: 'anna', name: 'Anna', signature: '— Anna, Newsroom reader desk' });
  }
  if (!agents.has('ben')) await tidings.inbox.agents.add({ id: 'ben', name: 'Ben' });
  const canned = new Set((await tidings.inbox.canned.list()).map((c) => c.shortcut));
  if (!canned.has('/hours')) {
    await tidings.inbox.canned.create({
      shortcut: '/hours',
      title: 'Opening hours',
      text: 'Hi {name|there}, the reader desk is staffed Monday to Friday, 8:00–20:00.',
    });
  }
  if (!canned.has('/thanks')) {
    await tidings.inbox.canned.create({
      shortcut: '/thanks',
      title: 'Thanks for the tip',
      text: 'Thank you for the tip, {name|there}! Our editors will look into it.',
    });
  }
}
