import type { OutboundMessage, SenderAccount, SendOutcome, Transport, TransportContext } from '@tidings/core';
import { messengerCapabilities } from './capabilities.js';
import { type GraphApi, graphApi, type SendResponse } from './graph-api.js';
import { MediaGate } from './media-gate.js';
import { messagingLabel } from './messaging-type.js';
import { mMeLink } from './optin-link.js';
import { type MessengerPage, type MessengerTransportOptions, resolveOptions } from './options.js';
import { toOutcome } from './outcome.js';
import { isSlowMedia, messageBodies } from './send-request.js';
import { parseWebhook } from './webhook.js';
import { echoMarker } from './webhook-events.js';

/** The Messenger transport. */
export interface MessengerTransport extends Transport {
  /** The Graph API version calls go to. */
  readonly apiVersion: string;
}

/**
 * A Facebook Messenger Platform transport: one or several pages as senders (F34), `m.me/<page>?ref=<token>`
 * opt-in (F4), signed webhooks with delivery and read watermarks, and `messaging_type` chosen by the situation
 * (RESPONSE in the 24-hour window, HUMAN_AGENT for an agent's reply up to 7 days, F24, F27).
 *
 * @example
 * const messenger = messengerTransport({
 *   pages: [{ pageId: process.env.MESSENGER_PAGE_ID!, accessToken: process.env.MESSENGER_PAGE_TOKEN! }],
 *   appSecret: process.env.MESSENGER_APP_SECRET!,
 *   verifyToken: process.env.MESSENGER_VERIFY_TOKEN!,
 * });
 * const tidings = createTidings({ transports: [messenger] }); // webhook: <mount>/webhooks/messenger
 */
export function messengerTransport(options: MessengerTransportOptions): MessengerTransport {
  const o = resolveOptions(options);
  const fetchFn = o.fetch ?? globalThis.fetch.bind(globalThis);
  const pages = new Map<string, { page: MessengerPage; api: GraphApi }>(
    o.pages.map((page) => [
      page.pageId,
      {
        page,
        api: graphApi(
          {
            baseUrl: o.baseUrl,
            version: o.apiVersion,
            accessToken: page.accessToken,
            appSecret: o.appSecret,
          },
          fetchFn,
        ),
      },
    ]),
  );
  const senders: SenderAccount[] = o.pages.map((p) => ({
    id: p.pageId,
    display: p.name ?? p.pageId,
    capacity: p.capacity,
  }));
  const webhook = {
    appSecret: o.appSecret,
    verifyToken: o.verifyToken,
    pageIds: new Set(pages.keys()),
    appId: o.appId,
  };
  const gate = new MediaGate(o.mediaPerSecond);
  let context: TransportContext | null = null;
  const now = () => context?.now() ?? Date.now();
  const sleep = (ms: number, signal?: AbortSignal) =>
    context ? context.sleep(ms, signal) : new Promise<void>((r) => setTimeout(r, ms));

  return {
    name: o.name,
    apiVersion: o.apiVersion,
    capabilities: messengerCapabilities,
    senders,
    async send(message: OutboundMessage, sendOptions?: { signal?: AbortSignal }): Promise<SendOutcome> {
      const entry = pages.get(message.sender.id);
      if (!entry) {
        return { kind: 'config-error', reason: `no page ${message.sender.id} in messengerTransport's pages` };
      }
      const label = messagingLabel(message.purpose, message.lastInboundAt, now());
      if ('refused' in label) return { kind: 'window-closed', reason: label.refused };
      const bodies = messageBodies(message.content);
      if (typeof bodies === 'string') return { kind: 'invalid', reason: bodies };
      const signal = sendOptions?.signal;
      let first: SendOutcome | null = null;
      for (const body of bodies) {
        if (isSlowMedia(body)) await gate.acquire(entry.page.pageId, now, sleep, signal);
        const request = {
          recipient: { id: message.to },
          ...label,
          notification_type: o.notificationType,
          message: { ...body, metadata: `${echoMarker}${message.messageId}` },
        };
        const outcome = toOutcome(
          await entry.api.post<SendResponse>(`${entry.page.pageId}/messages`, request, signal),
          entry.page,
        );
        if (outcome.kind !== 'accepted') return outcome;
        first ??= outcome;
      }
      return first ?? { kind: 'invalid', reason: 'nothing to send' };
    },
    parse: (request) => parseWebhook(request, webhook),
    optinLink: (sender, token) => mMeLink(linkName(pages.get(sender.id)?.page) ?? sender.id, token),
    start(ctx: TransportContext) {
      context = ctx;
    },
    stop() {
      context = null;
    },
  };
}

/** What m.me links name: the page's username where `name` can be one, else its id. */
function linkName(page: MessengerPage | undefined): string | undefined {
  return page?.name !== undefined && /^[A-Za-z0-9.]{5,50}$/.test(page.name) ? page.name : page?.pageId;
}
