import { createTidings, sandboxTransport, silentLogger, type TidingsOptions } from '../src/index.js';
import { manualClock, memoryStoreWithBackdoor } from '../src/testing/index.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * A Tidings with three sandboxes playing the three kinds of reply window: `sandbox` has none (Telegram),
 * `wa` a 24-hour window with templates (WhatsApp), `fb` a 24-hour window and a 7-day agent window (Messenger).
 */
export async function inboxSetup(options: Partial<TidingsOptions> = {}) {
  const clock = manualClock(Date.parse('2026-06-01T08:00:00Z'));
  const { store, backdoor } = memoryStoreWithBackdoor();
  const sandbox = sandboxTransport();
  const wa = sandboxTransport({ name: 'wa', capabilities: { serviceWindowMs: DAY, templates: true } });
  const fb = sandboxTransport({
    name: 'fb',
    addressKind: 'opaque',
    capabilities: { serviceWindowMs: DAY, agentWindowMs: 7 * DAY, templates: false },
  });
  const tidings = createTidings({
    store,
    clock,
    transports: [sandbox, wa, fb],
    logger: silentLogger,
    businessName: 'Newsroom',
    // Writing does not subscribe here: the inbox is about conversations, not sign-ups.
    subscribeOnFirstMessage: false,
    ...options,
  });
  await tidings.channels.create({ slug: 'news', name: 'News', isDefault: true, welcome: 'Welcome!' });
  await tidings.channels.create({ slug: 'sport', name: 'Sport', keywords: ['SPORT'], welcome: 'Anpfiff!' });
  await tidings.start();
  /** A contact writes on a sandbox; returns the contact. */
  const write = async (
    transport: 'sandbox' | 'wa' | 'fb',
    from: string,
    text: string,
    profileName?: string,
  ) => {
    const t = { sandbox, wa, fb }[transport];
    await t.simulateInbound({ from, text, ...(profileName ? { profileName } : {}) });
    return (await tidings.contacts.find({ transport, address: from }))!;
  };
  return { tidings, clock, store, backdoor, sandbox, wa, fb, write };
}

export type InboxSetup = Awaited<ReturnType<typeof inboxSetup>>;
