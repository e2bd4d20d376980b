import type { ForwardEvent } from './forward-event.js';
import type { ForwardEmail, ForwardSms } from './notifiers.js';

const what: Record<ForwardEvent['type'], string> = {
  'message.received': 'Message',
  'call.received': 'Missed call',
  'subscription.added': 'New subscriber',
  'subscription.removed': 'Subscriber left',
  'contact.confirmed': 'Confirmed subscriber',
  'contact.unsubscribed': 'Unsubscribed',
};

/** An SMS is paid per 160 characters: three parts at most. */
const smsMaxLength = 459;

const who = (e: ForwardEvent) => e.contact.name ?? e.contact.address;

function messageText(e: ForwardEvent): string | null {
  if (e.message?.text) return e.message.text;
  const media = e.message?.media;
  return media ? `[${media.kind}${media.caption ? `: ${media.caption}` : ''}]` : null;
}

/** A message says itself; a consent event says what happened, and by which message. */
function body(e: ForwardEvent): string {
  const text = messageText(e);
  if (e.type === 'message.received' && text) return text;
  if (e.type === 'call.received') return what[e.type];
  const event = e.channel ? `${what[e.type]}: ${e.channel.name}` : what[e.type];
  return text ? `${event} (“${text}”)` : event;
}

/** The e-mail of a `forward email` rule: the message first, then who sent it and where to answer. */
export function emailFor(e: ForwardEvent, to: string, businessName: string): ForwardEmail {
  const lines = [
    body(e),
    '',
    '—',
    `From: ${e.contact.name ? `${e.contact.name} ` : ''}<${e.contact.address}> on ${e.contact.transport}`,
    e.contact.phone && e.contact.phone !== e.contact.address ? `Phone: ${e.contact.phone}` : null,
    e.channel ? `Channel: ${e.channel.name} (${e.channel.slug})` : null,
    `At: ${e.message?.at ?? e.createdAt}`,
    `Rule: ${e.rule.name ?? `#${e.rule.index + 1}`} (line ${e.rule.line}) · event ${e.id}`,
  ].filter((line) => line !== null);
  return { to, subject: `${businessName}: ${what[e.type]} from ${who(e)}`, text: `${lines.join('\n')}\n` };
}

/** The SMS of a `forward sms` rule: who, then what, cut to three SMS parts. */
export function smsFor(e: ForwardEvent, to: string): ForwardSms {
  const text = `${who(e)} (${e.contact.transport}): ${body(e)}`;
  return { to, text: text.length > smsMaxLength ? `${text.slice(0, smsMaxLength - 1)}…` : text };
}
