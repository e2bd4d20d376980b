import type { Tidings } from '@tidings/core';

/**
 * The demo's channels. News is the default, so every confirmed subscriber gets its welcome;
 * the keywords let a subscriber join the others by message (F12).
 */
export async function seedChannels(tidings: Tidings): Promise<void> {
  await tidings.channels.create({
    slug: 'news',
    name: 'News',
    description: 'The morning briefing and breaking news.',
    keywords: ['NEWS'],
    welcome:
      'Welcome to the Newsroom! Your briefing arrives every morning. Send SPORT or KULTUR for more, STOP to leave.',
    isDefault: true,
  });
  await tidings.channels.create({
    slug: 'sport',
    name: 'Sport',
    description: 'Results and transfer news.',
    keywords: ['SPORT'],
    welcome: 'Kick-off! ⚽ You get the sport news now. Send "Stop sport" to leave this channel only.',
  });
  await tidings.channels.create({
    slug: 'culture',
    name: 'Culture',
    description: 'Stage, screen and books, every Friday.',
    keywords: ['KULTUR'],
    welcome: 'Curtain up! 🎭 Culture arrives every Friday. Send "Stop culture" to leave this channel only.',
  });
}
