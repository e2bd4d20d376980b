import type { MessengerKind } from '../config/transports.js';

/**
 * Plain pictograms in the spirit of each messenger (a phone in a bubble, a paper plane, a bubble with a
 * flash), not the brands' logos, whose use their owners regulate. Pages that may use the logos can slot
 * their own.
 */
export const messengerIcons: Record<MessengerKind | 'generic', string> = {
  whatsapp:
    'M12 2a10 10 0 0 0-8.7 14.9L2 22l5.3-1.3A10 10 0 1 0 12 2Zm4.9 13.9c-.2.6-1.2 1.1-1.7 1.2-.5 0-1 .2-3.3-.7-2.8-1.1-4.5-3.9-4.7-4.1-.1-.2-1.1-1.5-1.1-2.8 0-1.4.7-2 1-2.3.3-.3.6-.3.8-.3h.6c.2 0 .4 0 .6.5l.9 2.1c.1.2.1.4 0 .5l-.4.6-.4.4c-.1.1-.3.3-.1.6.2.3.8 1.3 1.7 2.1 1.2 1 2.1 1.3 2.4 1.5.3.1.5.1.6-.1l.9-1.1c.2-.3.4-.2.6-.1l2 1c.3.1.5.2.5.3.1.1.1.7-.1 1.3Z',
  telegram:
    'M21.5 3.6 2.9 10.8c-1.3.5-1.2 1.3-.2 1.6l4.7 1.5 1.8 5.6c.2.6.4.8.8.8s.6-.2.9-.5l2.3-2.2 4.7 3.5c.9.5 1.5.2 1.7-.8l3.1-14.5c.3-1.3-.5-1.9-1.2-1.6ZM9.4 13.4l9-5.7c.4-.3.8-.1.5.2l-7.4 6.7-.3 3.3-1.8-4.5Z',
  messenger:
    'M12 2C6.4 2 2 6.1 2 11.7c0 2.9 1.2 5.5 3.2 7.3V22l3-1.6c1.2.3 2.5.5 3.8.5 5.6 0 10-4.1 10-9.6S17.6 2 12 2Zm1 12.9-2.6-2.7-5 2.7 5.5-5.8 2.6 2.7 4.9-2.7-5.4 5.8Z',
  generic: 'M6 3h12a3 3 0 0 1 3 3v9a3 3 0 0 1-3 3H9l-6 4V6a3 3 0 0 1 3-3Zm1 5v2h10V8H7Zm0 4v2h7v-2H7Z',
};
