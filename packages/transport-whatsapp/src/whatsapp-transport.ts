import type {
  Content,
  OutboundMessage,
  SenderAccount,
  SendOutcome,
  Transport,
  TransportContext,
} from '@tidings/core';
import { serviceWindowMs, whatsappCapabilities } from './capabilities.js';
import { waMeLink } from './deep-link.js';
import { type GraphApi, type GraphResult, graphApi } from './graph-api.js';
import { needsUpload, uploadMedia } from './media-upload.js';
import { resolveOptions, type WhatsAppSender, type WhatsAppTransportOptions } from './options.js';
import { type SendResponse, toOutcome } from './outcome.js';
import { markReadBody, messageBodies, replyButtons } from './send-request.js';
import { signatureCheck } from './signature.js';
import { parseWebhook } from './webhook.js';

/** The WhatsApp transport, with the Cloud API calls beyond sending. */
export interface WhatsAppTransport extends Transport {
  /** Uploads media once (for reuse by id in broadcasts); resolves to the media id. */
  uploadMedia(
    phoneNumberId: string,
    file: { bytes: Uint8Array; mimeType: string; filename?: string },
  ): Promise<string>;
  /**
   * Fetches what a contact sent (an inbound message's `media.providerMediaId`): its metadata, then the bytes from
   * Meta's short-lived URL, both with the access token.
   */
  downloadMedia(mediaId: string): Promise<{ bytes: Uint8Array; mimeType: string }>;
  /** Marks an inbound message read (blue ticks), optionally with a typing indicator. */
  markRead(phoneNumberId: string, providerMessageId: string, options?: { typing?: boolean }): Promise<void>;
}

/**
 * A WhatsApp Business Cloud API transport: one or several numbers as senders (F34), wa.me opt-in (F1), templates
 * outside the 24-hour window (F24), signed webhooks.
 *
 * @example
 * const whatsapp = whatsappTransport({
 *   senders: [{ phoneNumberId: '106540352242922', displayNumber: '+15550783881' }],
 *   accessToken: process.env.WHATSAPP_TOKEN!,
 *   appSecret: process.env.WHATSAPP_APP_SECRET!,
 *   verifyToken: process.env.WHATSAPP_VERIFY_TOKEN!,
 *   apiVersion: 'v23.0',
 * });
 * const tidings = createTidings({ transports: [whatsapp] });
 * // Meta's webhook URL: https://example.com/tidings/webhooks/whatsapp
 */
export function whatsappTransport(options: WhatsAppTransportOptions): WhatsAppTransport {
  const o = resolveOptions(options);
  const fetchFn = o.fetch ?? globalThis.fetch.bind(globalThis);
  const api: GraphApi = graphApi(o.baseUrl, o.apiVersion, o.accessToken, fetchFn);
  const byId = new Map<string, WhatsAppSender>(o.senders.map((s) => [s.phoneNumberId, s]));
  const senders: SenderAccount[] = o.senders.map((s) => ({
    id: s.phoneNumberId,
    display: s.displayNumber.startsWith('+') ? s.displayNumber : `+${s.displayNumber}`,
    capacity: s.capacity,
  }));
  const capabilities = whatsappCapabilities(o);
  let now: () => number = Date.now;
  const webhook = {
    verifyToken: o.verifyToken,
    checkSignature: signatureCheck(o.appSecret),
    phoneNumberIds: new Set(byId.keys()),
    now: () => now(),
  };

  const failOf = (result: GraphResult<unknown>, sender: WhatsAppSender): SendOutcome =>
    toOutcome(result as GraphResult<SendResponse>, sender, o.perRecipientGapMs);

  /** Replaces bytes by an uploaded media id; an outcome when the upload failed. */
  const withUploadedMedia = async (
    content: Content,
    sender: WhatsAppSender,
    signal?: AbortSignal,
  ): Promise<Content | SendOutcome> => {
    const media = content.media;
    if (!needsUpload(media)) return content;
    const mimeType = media.mimeType ?? 'application/octet-stream';
    const file = { bytes: media.bytes, mimeType, ...(media.filename ? { filename: media.filename } : {}) };
    const uploaded = await uploadMedia(api, sender.phoneNumberId, file, signal);
    if (!uploaded.ok) return failOf(uploaded, sender);
    const { bytes: _bytes, ...rest } = media;
    return { ...content, media: { ...rest, providerMediaId: uploaded.body.id } };
  };

  return {
    name: o.name,
    capabilities,
    senders,
    async send(message: OutboundMessage, sendOptions?: { signal?: AbortSignal }): Promise<SendOutcome> {
      const sender = byId.get(message.sender.id);
      if (!sender) {
        return {
          kind: 'config-error',
          reason: `no number ${message.sender.id} in whatsappTransport's senders`,
        };
      }
      if (!message.content.template && outsideWindow(message.lastInboundAt, now())) {
        return {
          kind: 'window-closed',
          reason: 'more than 24 hours since the contact last wrote; only a template may go out',
        };
      }
      const replies = replyButtons(message.content);
      if (typeof replies === 'string') return { kind: 'invalid', reason: replies };
      const stop =
        o.stopButton && message.purpose === 'broadcast' && !message.content.media ? [o.stopButton] : null;
      const settings = { linkPreviews: o.linkPreviews, buttons: replies ?? stop };
      // Checked before any upload, with a stand-in for the media id the upload will give.
      const planned = needsUpload(message.content.media)
        ? { ...message.content, media: { ...message.content.media, providerMediaId: 'upload' } }
        : message.content;
      const problem = messageBodies(message.to, planned, settings);
      if (typeof problem === 'string') return { kind: 'invalid', reason: problem };
      const signal = sendOptions?.signal;
      const content = await withUploadedMedia(message.content, sender, signal);
      if ('kind' in content) return content;
      const bodies = messageBodies(message.to, content, settings);
      if (typeof bodies === 'string') return { kind: 'invalid', reason: bodies };
      let first: SendOutcome | null = null;
      for (const body of bodies) {
        const result = await api.post<SendResponse>(`${sender.phoneNumberId}/messages`, body, signal);
        const outcome = failOf(result, sender);
        if (outcome.kind !== 'accepted') return outcome;
        first ??= outcome;
      }
      return first ?? { kind: 'invalid', reason: 'nothing to send' };
    },
    parse: (request) => parseWebhook(request, webhook),
    optinLink: (sender, token) => waMeLink(byId.get(sender.id)?.displayNumber ?? sender.display, token),
    start(context: TransportContext) {
      now = () => context.now();
    },
    async uploadMedia(phoneNumberId, file) {
      const sender = byId.get(phoneNumberId);
      if (!sender) throw new RangeError(`whatsappTransport has no number ${phoneNumberId}`);
      const result = await uploadMedia(api, phoneNumberId, file);
      if (result.ok) return result.body.id;
      throw new Error(`media upload failed: ${failOf(result, sender).kind}`, { cause: result });
    },
    async downloadMedia(mediaId) {
      const meta = await api.get<{ url: string; mime_type: string }>(encodeURIComponent(mediaId));
      if (!meta.ok) {
        const why = 'network' in meta ? meta.network.message : meta.error.message;
        throw new Error(`media ${mediaId}: ${why}`, { cause: meta });
      }
      const response = await api.fetchWithToken(meta.body.url);
      if (!response.ok) throw new Error(`media ${mediaId}: download answered ${response.status}`);
      return { bytes: new Uint8Array(await response.arrayBuffer()), mimeType: meta.body.mime_type };
    },
    async markRead(phoneNumberId, providerMessageId, markOptions = {}) {
      const sender = byId.get(phoneNumberId);
      if (!sender) throw new RangeError(`whatsappTransport has no number ${phoneNumberId}`);
      const result = await api.post(
        `${phoneNumberId}/messages`,
        markReadBody(providerMessageId, markOptions.typing ?? false),
      );
      if (!result.ok) throw new Error(`mark as read failed: ${JSON.stringify(failOf(result, sender))}`);
    },
  };
}

/** Known to be outside the service window (undefined: the caller did not say, so the platform decides). */
function outsideWindow(lastInboundAt: number | null | undefined, now: number): boolean {
  if (lastInboundAt === undefined) return false;
  return lastInboundAt === null || now - lastInboundAt >= serviceWindowMs;
}
