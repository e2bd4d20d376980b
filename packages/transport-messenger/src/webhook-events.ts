import type { InboundEvent, InboundMessageEvent, Media, MediaKind } from '@tidings/core';

interface Referral {
  ref?: string;
  source?: string;
  type?: string;
}

interface Attachment {
  type: string;
  payload?: { url?: string; attachment_id?: string; sticker_id?: number; title?: string } | null;
}

/** One item of `entry[].messaging[]`, the parts Tidings reads (PLATFORMS.md §3.2). */
export interface MessagingItem {
  sender: { id: string };
  recipient: { id: string };
  timestamp: number;
  message?: {
    mid: string;
    text?: string;
    is_echo?: boolean;
    app_id?: number | string;
    metadata?: string;
    quick_reply?: { payload: string };
    attachments?: Attachment[];
    referral?: Referral;
  };
  postback?: { mid?: string; title?: string; payload?: string; referral?: Referral };
  referral?: Referral;
  delivery?: { mids?: string[]; watermark: number };
  read?: { watermark: number };
}

/** The page webhook envelope. */
export interface PageWebhook {
  object: string;
  entry: { id: string; time: number; messaging?: MessagingItem[]; standby?: MessagingItem[] }[];
}

/** What Tidings writes in `metadata` of everything it sends, so its own echoes are known. */
export const echoMarker = 'tidings:';

const mediaKind: Record<string, MediaKind> = {
  image: 'image',
  audio: 'audio',
  video: 'video',
  file: 'document',
};

/**
 * Normalises every item of every entry (an entry may hold several pages and events). `standby` items (another app
 * owns the thread) are not ours to answer and are skipped. `ownAppId`: echoes from this app were sent by Tidings.
 */
export function toEvents(webhook: PageWebhook, ownAppId?: string): InboundEvent[] {
  const events: InboundEvent[] = [];
  for (const entry of webhook.entry) {
    for (const item of entry.messaging ?? []) events.push(...itemEvents(item, ownAppId));
  }
  return events;
}

export function itemEvents(item: MessagingItem, ownAppId?: string): InboundEvent[] {
  const at = item.timestamp;
  if (item.message?.is_echo) {
    const m = item.message;
    const ours =
      m.metadata?.startsWith(echoMarker) || (ownAppId !== undefined && String(m.app_id) === ownAppId);
    if (ours) return [];
    // The page wrote from elsewhere (its inbox, another app): the sender is the page, the recipient the contact.
    const echo: InboundEvent = {
      type: 'echo',
      senderId: item.sender.id,
      from: item.recipient.id,
      at,
      providerMessageId: m.mid,
      content: contentOf(m),
    };
    return [echo];
  }
  const base = { senderId: item.recipient.id, from: item.sender.id, at };
  if (item.message) {
    const m = item.message;
    const event: InboundMessageEvent = { type: 'message', ...base, providerMessageId: m.mid };
    const content = contentOf(m);
    if (content.text !== undefined) event.text = content.text;
    if (content.media) event.media = content.media;
    // The referral that came with the first message of a new thread (no Get Started button).
    const ref = m.referral?.ref ?? item.referral?.ref;
    if (ref) event.startPayload = ref;
    return [event];
  }
  if (item.postback) {
    const p = item.postback;
    const event: InboundMessageEvent = {
      type: 'message',
      ...base,
      providerMessageId: p.mid ?? `postback:${item.sender.id}:${at}`,
    };
    const text = p.title ?? p.payload;
    if (text) event.text = text;
    if (p.referral?.ref) event.startPayload = p.referral.ref;
    return [event];
  }
  if (item.referral?.ref) {
    return [
      {
        type: 'referral',
        ...base,
        providerEventId: `referral:${item.sender.id}:${at}`,
        startPayload: item.referral.ref,
      },
    ];
  }
  if (item.delivery)
    return [{ type: 'watermark', ...base, at: item.delivery.watermark, status: 'delivered' }];
  if (item.read) return [{ type: 'watermark', ...base, at: item.read.watermark, status: 'read' }];
  return [];
}

function contentOf(m: NonNullable<MessagingItem['message']>): { text?: string; media?: Media } {
  const out: { text?: string; media?: Media } = {};
  if (m.text !== undefined) out.text = m.text;
  for (const a of m.attachments ?? []) {
    const kind = mediaKind[a.type] ?? (a.type === 'sticker' ? 'image' : undefined);
    if (!kind || !a.payload) continue;
    const media: Media = { kind };
    if (a.payload.url) media.url = a.payload.url;
    if (a.payload.attachment_id) media.providerMediaId = a.payload.attachment_id;
    if (!media.url && !media.providerMediaId) continue;
    out.media = media;
    break;
  }
  return out;
}
