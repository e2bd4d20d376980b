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
export const copyChannel = (c: Channel): Channel => ({ ...c, keywords: [...c.keywords] });
export const copyEntry = (e: ConsentEntry): ConsentEntry => ({ ...e, channels: [...e.channels] });
export const copyToken = (t: OptinToken): OptinToken => ({ ...t, channels: [...t.channels] });
export const copyContent = (c: Content): Content => (c.media ? { ...c, media: { ...c.media } } : { ...c });
export const copyMessage = (m: Message): Message => ({ ...m, content: copyContent(m.content) });
