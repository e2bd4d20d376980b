import type { Channel } from '../../model/channel.js';
import type { ConsentEntry } from '../../model/consent.js';
import type { Contact } from '../../model/contact.js';
import type { Content } from '../../model/content.js';
import type { Message } from '../../model/message.js';
import type { OptinToken } from '../../model/optin-token.js';

export const copyContact = (c: Contact): Contact => ({
  ...c,
  attributes: { ...c.attributes },
  tags: [...c.tags],
});
// A row's attributes and tags are never edited in place (a change replaces the row), so the many rows without any
// share one frozen empty object rather than holding two each; copies handed out are always fresh.
const noAttributes: Record<string, string> = Object.freeze({}) as Record<string, string>;
const noTags: string[] = Object.freeze([]) as unknown as string[];

/** The attributes a stored row keeps: a copy, or the shared empty ones. */
export const ownAttributes = (a: Record<string, string>): Record<string, string> => {
  for (const _ in a) return { ...a };
  return noAttributes;
};
/** The tags a stored row keeps: a copy, or the shared empty ones. */
export const ownTags = (tags: readonly string[]): string[] => (tags.length === 0 ? noTags : [...tags]);
export const copyChannel = (c: Channel): Channel => ({ ...c, keywords: [...c.keywords] });
export const copyEntry = (e: ConsentEntry): ConsentEntry => ({ ...e, channels: [...e.channels] });
export const copyToken = (t: OptinToken): OptinToken => ({ ...t, channels: [...t.channels] });
export const copyContent = (c: Content): Content => (c.media ? { ...c, media: { ...c.media } } : { ...c });
export const copyMessage = (m: Message): Message => ({ ...m, content: copyContent(m.content) });
