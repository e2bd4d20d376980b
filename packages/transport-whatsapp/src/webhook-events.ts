import type { InboundEvent, InboundMessageEvent, Media, MediaKind } from '@tidings/core';
import type { ChangeValue, WaCall, WaContact, WaError, WaMessage, WaStatus } from './webhook-payload.js';

const mediaKinds: Record<string, MediaKind> = {
  image: 'image',
  sticker: 'image',
  audio: 'audio',
  video: 'video',
  document: 'document',
};
const statuses = new Set(['sent', 'delivered', 'read', 'failed']);
/** The person turned off marketing messages from this business: recorded on the contact as a block. */
const STOPPED_MARKETING = 131050;

/**
 * Normalises one `changes[].value` (PLATFORMS.md §1.6) for the number `senderId`: messages (text, media, reply
 * buttons, template quick replies), statuses, and calls. A person is addressed by `+<wa_id>` where the phone is
 * given, else by the business-scoped user id; unknown message types are kept as messages without text.
 */
export function toEvents(value: ChangeValue, senderId: string, now: () => number = Date.now): InboundEvent[] {
  // Meta's times are unix seconds as strings; a missing or malformed one is taken as now.
  const seconds = (timestamp: string | undefined) => {
    const unix = Number(timestamp);
    return timestamp !== undefined && Number.isFinite(unix) && unix > 0 ? unix * 1000 : now();
  };
  const events: InboundEvent[] = [];
  for (const message of value.messages ?? []) {
    const event = messageEvent(message, value.contacts ?? [], senderId, seconds(message.timestamp));
    if (event) events.push(event);
  }
  for (const status of value.statuses ?? [])
    events.push(...statusEvents(status, senderId, seconds(status.timestamp)));
  for (const call of value.calls ?? []) {
    const event = callEvent(call, senderId, seconds(call.timestamp));
    if (event) events.push(event);
  }
  return events;
}

/** `+<digits>` for a phone, the BSUID as it is otherwise; null when neither is there. */
function addressOf(phone: string | undefined, userId: string | undefined): string | null {
  if (phone) return phone.charCodeAt(0) === 43 ? phone : `+${phone}`;
  return userId ?? null;
}

function messageEvent(
  message: WaMessage,
  contacts: WaContact[],
  senderId: string,
  at: number,
): InboundMessageEvent | null {
  const contact =
    contacts.find(
      (c) =>
        (message.from !== undefined && c.wa_id === message.from) ||
        (message.from_user_id !== undefined && c.user_id === message.from_user_id),
    ) ?? (contacts.length === 1 ? contacts[0] : undefined);
  const phone = message.from ?? contact?.wa_id;
  const from = addressOf(phone, message.from_user_id ?? contact?.user_id);
  if (from === null) return null;
  const event: InboundMessageEvent = {
    type: 'message',
    senderId,
    from,
    at,
    providerMessageId: message.id,
  };
  // With a phone, the address is that phone as +<digits>: one string serves both.
  if (phone) event.phone = from;
  const name = contact?.profile?.name;
  if (name) event.profileName = name;
  const text = textOf(message);
  if (text !== undefined) event.text = text;
  const media = mediaOf(message);
  if (media) event.media = media;
  return event;
}

function textOf(message: WaMessage): string | undefined {
  switch (message.type) {
    case 'text':
      return message.text?.body;
    case 'button':
      // A template's quick reply: the payload the business set ("STOP"), else the label.
      return message.button?.payload || message.button?.text;
    case 'interactive':
      return message.interactive?.button_reply?.id ?? message.interactive?.list_reply?.id;
    default:
      return undefined;
  }
}

function mediaOf(message: WaMessage): Media | undefined {
  const kind = mediaKinds[message.type];
  const object = kind
    ? message[message.type as 'image' | 'audio' | 'video' | 'document' | 'sticker']
    : undefined;
  if (!kind || !object?.id) return undefined;
  const media: Media = { kind, providerMediaId: object.id };
  if (object.mime_type) media.mimeType = object.mime_type;
  if (object.filename) media.filename = object.filename;
  if (object.caption !== undefined) media.caption = object.caption;
  return media;
}

function statusEvents(status: WaStatus, senderId: string, at: number): InboundEvent[] {
  if (!statuses.has(status.status)) return [];
  const error = status.errors?.[0];
  const events: InboundEvent[] = [
    {
      type: 'status',
      senderId,
      providerMessageId: status.id,
      status: status.status as 'sent' | 'delivered' | 'read' | 'failed',
      at,
      ...(error ? { error: { code: String(error.code), reason: reasonOf(error) } } : {}),
    },
  ];
  const from = addressOf(status.recipient_id, status.recipient_user_id);
  if (status.status === 'failed' && error?.code === STOPPED_MARKETING && from !== null) {
    events.push({ type: 'block', senderId, from, at });
  }
  return events;
}

function callEvent(call: WaCall, senderId: string, at: number): InboundEvent | null {
  // One event per call: its start ("connect"), not the terminate that follows.
  if (call.event !== undefined && call.event !== 'connect') return null;
  if (call.direction !== undefined && call.direction !== 'USER_INITIATED') return null;
  const from = addressOf(call.from, call.from_user_id);
  if (from === null) return null;
  return { type: 'call', senderId, from, at, providerCallId: call.id };
}

function reasonOf(error: WaError): string {
  const title = error.title ?? error.message ?? 'error';
  const details = error.error_data?.details;
  return details ? `${title}: ${details}` : title;
}
