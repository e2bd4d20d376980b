import { fakeErrors } from './fake-errors.js';
import type { FakeRateLimiter } from './fake-rate-limit.js';
import type { FakeSentAttachment, FakeSentMessage } from './fake-types.js';
import { type FakePage, type FakeWorld, nextMid } from './fake-world.js';

const HOUR = 3_600_000;
export const windowMs = 24 * HOUR;
export const humanAgentMs = 7 * 24 * HOUR;
const tags = new Set(['HUMAN_AGENT', 'ACCOUNT_UPDATE', 'CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE']);
const attachmentTypes = new Set(['image', 'audio', 'video', 'file', 'template']);

export type FakeParams = Record<string, unknown>;

/** What a send looked like before it was judged: for the request log. */
export function sendSummary(params: FakeParams): { psid?: string; messagingType?: string; tag?: string } {
  const recipient = params.recipient as { id?: unknown } | undefined;
  const out: { psid?: string; messagingType?: string; tag?: string } = {};
  if (typeof recipient?.id === 'string' || typeof recipient?.id === 'number') out.psid = String(recipient.id);
  if (typeof params.messaging_type === 'string') out.messagingType = params.messaging_type;
  if (typeof params.tag === 'string') out.tag = params.tag;
  return out;
}

/**
 * `POST /{version}/{page}/messages` (PLATFORMS.md §3.1): checks the body, the recipient, the window (24 h; 7 days
 * with HUMAN_AGENT) and the rate limits, then delivers the message to the user and, when echoes are on, echoes it.
 */
export function send(
  world: FakeWorld,
  page: FakePage,
  params: FakeParams,
  limiter: FakeRateLimiter,
): { recipient_id: string; message_id: string } {
  const now = world.now();
  const { psid, messagingType = 'UPDATE', tag } = sendSummary(params);
  if (!psid) throw fakeErrors.noRecipient();
  if (!['RESPONSE', 'UPDATE', 'MESSAGE_TAG'].includes(messagingType)) throw fakeErrors.badMessagingType();
  if (messagingType === 'MESSAGE_TAG' && (!tag || !tags.has(tag))) throw fakeErrors.badTag(String(tag));
  const message = params.message as Record<string, unknown> | undefined;
  if (!message || typeof message !== 'object') throw fakeErrors.noMessage();
  const text = typeof message.text === 'string' ? message.text : undefined;
  const attachment = attachmentOf(message.attachment);
  if (text === undefined && !attachment) throw fakeErrors.emptyMessage();
  if (text !== undefined && [...text].length > 2000) throw fakeErrors.textTooLong();
  const quickReplies = quickRepliesOf(message.quick_replies);

  if (!limiter.admit(page.info.pageId, attachment?.type === 'audio' || attachment?.type === 'video', now))
    throw fakeErrors.rateLimited();
  const target = world.byPsid.get(psid);
  if (!target || target.pageId !== page.info.pageId) throw fakeErrors.noUser();
  const user = target.user;
  if (user.blocked.has(page.info.pageId)) throw fakeErrors.unavailable();
  const since = now - (user.lastActiveAt.get(page.info.pageId) ?? Number.NEGATIVE_INFINITY);
  if (messagingType === 'MESSAGE_TAG' && tag === 'HUMAN_AGENT') {
    if (!page.humanAgent) throw fakeErrors.noHumanAgent();
    if (since >= humanAgentMs) throw fakeErrors.outsideWindow();
  } else if (messagingType !== 'MESSAGE_TAG' && since >= windowMs) {
    throw fakeErrors.outsideWindow();
  }

  const sent: FakeSentMessage = {
    mid: nextMid(page),
    pageId: page.info.pageId,
    psid,
    messagingType,
    ...(tag ? { tag } : {}),
    ...(text !== undefined ? { text } : {}),
    ...(attachment ? { attachment } : {}),
    ...(quickReplies ? { quickReplies } : {}),
    ...(typeof message.metadata === 'string' ? { metadata: message.metadata } : {}),
    fromInbox: false,
    at: now,
  };
  deliverToUser(world, page, sent, message);
  return { recipient_id: psid, message_id: sent.mid };
}

/** The user gets the message; the app gets its echo (when subscribed to message_echoes). */
export function deliverToUser(
  world: FakeWorld,
  page: FakePage,
  sent: FakeSentMessage,
  message: Record<string, unknown>,
): void {
  world.sent.push(sent);
  world.byPsid.get(sent.psid)?.user.received.push(sent);
  if (!world.echoes) return;
  world.emit(page.info.pageId, {
    sender: { id: page.info.pageId },
    recipient: { id: sent.psid },
    timestamp: sent.at,
    message: {
      is_echo: true,
      app_id: sent.fromInbox ? 263902037430900 : Number(world.appId),
      ...(sent.metadata !== undefined ? { metadata: sent.metadata } : {}),
      mid: sent.mid,
      ...(sent.text !== undefined ? { text: sent.text } : {}),
      ...(message.attachment
        ? {
            attachments: [
              {
                type: sent.attachment?.type,
                payload: { url: sent.attachment?.url ?? `https://fake.fbcdn.test/${sent.mid}` },
              },
            ],
          }
        : {}),
    },
  });
}

function attachmentOf(value: unknown): FakeSentAttachment | undefined {
  if (value === undefined) return undefined;
  const a = value as { type?: unknown; payload?: { url?: unknown; attachment_id?: unknown } };
  if (typeof a.type !== 'string' || !attachmentTypes.has(a.type))
    throw fakeErrors.badAttachment(
      'param message[attachment][type] must be one of {image, audio, video, file, template}',
    );
  const out: FakeSentAttachment = { type: a.type as FakeSentAttachment['type'] };
  if (typeof a.payload?.url === 'string') {
    if (!/^https?:\/\//.test(a.payload.url)) throw fakeErrors.badAttachment('Attachment URL must be http(s)');
    out.url = a.payload.url;
  } else if (typeof a.payload?.attachment_id === 'string' || typeof a.payload?.attachment_id === 'number') {
    out.attachmentId = String(a.payload.attachment_id);
  } else if (a.type !== 'template') {
    throw fakeErrors.badAttachment('Attachment payload needs url or attachment_id');
  }
  return out;
}

function quickRepliesOf(value: unknown): FakeSentMessage['quickReplies'] {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw fakeErrors.badAttachment('param message[quick_replies] must be an array');
  if (value.length > 13) throw fakeErrors.tooManyQuickReplies();
  return value.map((q: { title?: unknown; payload?: unknown }) => ({
    title: String(q.title ?? ''),
    payload: String(q.payload ?? ''),
  }));
}
