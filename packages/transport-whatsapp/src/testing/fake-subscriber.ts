import { postStatus } from './fake-statuses.js';
import type { FakeNumber, FakeSentMessage } from './fake-types.js';
import { contactOf, envelope, type FakeWorld, fromOf, type SubscriberState, seconds } from './fake-world.js';

/** A person on WhatsApp: writes to the business's numbers, taps buttons, calls, blocks. */
export interface FakeSubscriber {
  /** Digits, or null for a person known only by business-scoped id. */
  readonly phone: string | null;
  readonly bsuid: string;
  /** How a Tidings transport knows them: `+<phone>` where webhooks show the phone, else the business-scoped id. */
  readonly address: string;
  /** Writes a text; resolves once the webhook was delivered. Returns the message id. */
  send(text: string, options?: { to?: string }): Promise<string>;
  /** Sends media (the fake makes up a media id). */
  sendMedia(
    kind: 'image' | 'audio' | 'video' | 'document',
    options?: { caption?: string; mimeType?: string; filename?: string; to?: string },
  ): Promise<string>;
  /** Taps a reply button of an interactive message (by the button's id). */
  tapButton(id: string, title: string, options?: { to?: string }): Promise<string>;
  /** Taps a template's quick-reply button. */
  tapQuickReply(payload: string, text: string, options?: { to?: string }): Promise<string>;
  /** Sends something WhatsApp cannot show the business (`type: "unsupported"`). */
  sendUnsupported(options?: { to?: string }): Promise<string>;
  /** Calls the number (a `calls` webhook, F29). */
  call(options?: { to?: string }): Promise<string>;
  /** Blocks the number: messages stay at `sent` (or are refused, see `blockedAnswer`). */
  block(phoneNumberId?: string): void;
  unblock(phoneNumberId?: string): void;
  /** Turns off marketing messages from the business: templates outside the window fail with 131050. */
  stopMarketing(): void;
  /** Opens every delivered message: `read` statuses. */
  read(): Promise<void>;
  /** What reached them, oldest first. */
  received(): FakeSentMessage[];
  texts(): string[];
}

export function fakeSubscriber(
  world: FakeWorld,
  state: SubscriberState,
  numberOf: (id?: string) => FakeNumber,
): FakeSubscriber {
  const inbound = (
    to: string | undefined,
    type: string,
    fields: Record<string, unknown>,
    context = false,
  ) => {
    const number = numberOf(to);
    const now = world.now();
    state.lastInbound.set(number.phoneNumberId, now);
    const id = world.nextId('wamid.HBgM');
    world.inboundIds.add(id);
    const last = state.received.filter((m) => m.phoneNumberId === number.phoneNumberId).at(-1);
    const message: Record<string, unknown> = {
      ...fromOf(state),
      id,
      timestamp: seconds(now),
      type,
      ...fields,
    };
    if (context && last) message.context = { from: number.displayNumber, id: last.wamid };
    else if (context) message.context = { from: number.displayNumber, id: world.nextId('wamid.HBgN') };
    return world.outbox
      .post(envelope(world, number, 'messages', { contacts: [contactOf(state)], messages: [message] }))
      .then(() => id);
  };
  const pick = (id?: string) => numberOf(id).phoneNumberId;
  return {
    phone: state.phone,
    bsuid: state.bsuid,
    address: state.phone && !state.hidePhone ? `+${state.phone}` : state.bsuid,
    send: (text, o = {}) => inbound(o.to, 'text', { text: { body: text } }),
    sendMedia(kind, o = {}) {
      const id = String(900_000_000_000 + world.media.size);
      const mimeType = o.mimeType ?? defaultMime[kind];
      world.media.set(id, { bytes: new TextEncoder().encode(`${kind} from ${state.bsuid}`), mimeType });
      const object: Record<string, unknown> = {
        id,
        mime_type: mimeType,
        sha256: 'SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI=',
      };
      if (o.caption !== undefined && kind !== 'audio') object.caption = o.caption;
      if (kind === 'document') object.filename = o.filename ?? 'file.pdf';
      if (kind === 'audio') object.voice = false;
      return inbound(o.to, kind, { [kind]: object });
    },
    tapButton: (id, title, o = {}) =>
      inbound(
        o.to,
        'interactive',
        { interactive: { type: 'button_reply', button_reply: { id, title } } },
        true,
      ),
    tapQuickReply: (payload, text, o = {}) => inbound(o.to, 'button', { button: { payload, text } }, true),
    sendUnsupported: (o = {}) =>
      inbound(o.to, 'unsupported', {
        errors: [
          {
            code: 131051,
            title: 'Message type unknown',
            message: 'Message type unknown',
            error_data: { details: 'Message type is currently not supported.' },
          },
        ],
      }),
    async call(o = {}) {
      const number = numberOf(o.to);
      const now = world.now();
      state.lastInbound.set(number.phoneNumberId, now);
      const id = world.nextId('wacid.HBgL');
      const call = {
        id,
        ...fromOf(state),
        to: number.displayNumber,
        event: 'connect',
        direction: 'USER_INITIATED',
        timestamp: seconds(now),
      };
      await world.outbox.post(
        envelope(world, number, 'calls', { contacts: [contactOf(state)], calls: [call] }),
      );
      return id;
    },
    block: (id) => void state.blocked.add(pick(id)),
    unblock: (id) => void state.blocked.delete(pick(id)),
    stopMarketing: () => {
      state.stoppedMarketing = true;
    },
    async read() {
      for (const m of state.received) if (m.status === 'delivered') await postStatus(world, m, 'read');
    },
    received: () => [...state.received],
    texts: () => state.received.map((m) => m.text ?? ''),
  };
}

const defaultMime = {
  image: 'image/jpeg',
  audio: 'audio/ogg; codecs=opus',
  video: 'video/mp4',
  document: 'application/pdf',
} as const;
