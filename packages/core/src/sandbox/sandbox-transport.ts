import { z } from 'zod';
import { TidingsError } from '../errors/tidings-error.js';
import { parseOrThrow } from '../errors/zod-issues.js';
import type { SenderAccount } from '../model/sender.js';
import { toE164 } from '../phone/parse-phone.js';
import type { InboundEvent, InboundMessageEvent } from '../ports/inbound-event.js';
import type { SendOutcome } from '../ports/send-outcome.js';
import type {
  OutboundMessage,
  Transport,
  TransportCapabilities,
  TransportContext,
} from '../ports/transport.js';
import { sandboxCapabilities } from './sandbox-capabilities.js';
import type { SandboxBehaviour, SandboxRequest } from './sandbox-faults.js';
import type { SandboxSentMessage, SimulatedInbound } from './sandbox-types.js';
import { parseSandboxWebhook, type SandboxWebhookBody } from './sandbox-webhook.js';

const optionsSchema = z.object({
  name: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and dashes')
    .default('sandbox'),
  senders: z
    .array(
      z.object({
        id: z.string().min(1),
        display: z.string().min(1),
        capacity: z.number().int().positive().default(1_000_000),
      }),
    )
    .min(1)
    .default([{ id: 'sandbox', display: '+49 30 12345678', capacity: 1_000_000 }]),
  /** `phone` plays WhatsApp (sign-up with a number); `opaque` plays Telegram or Messenger (sign-up by link). */
  addressKind: z.enum(['phone', 'opaque']).default('phone'),
  /** Where deep links point; the demo points them at its phone simulator. */
  linkBase: z.url().default('https://sandbox.tidings.invalid/chat'),
  /** When set, webhook requests must carry it in `x-sandbox-secret`. */
  secret: z.string().min(1).optional(),
  capabilities: z
    .custom<Partial<TransportCapabilities>>((v) => typeof v === 'object' && v !== null)
    .optional(),
  /** Time each send takes, on the core's clock (0: instant). */
  latencyMs: z.number().int().nonnegative().default(0),
  /** Keep every sent message for reading back; off for million-message benchmarks. */
  keepSent: z.boolean().default(true),
});

export type SandboxOptions = z.input<typeof optionsSchema>;

/** The in-memory messenger: plays subscribers, keeps what was sent. The demo's default and the tests' workhorse (F42). */
export interface SandboxTransport extends Transport {
  /** Plays a subscriber writing to us; resolves when Tidings has handled the message. */
  simulateInbound(input: SimulatedInbound): Promise<{ providerMessageId: string }>;
  simulateBlock(from: string): Promise<void>;
  simulateUnblock(from: string): Promise<void>;
  simulateCall(from: string): Promise<void>;
  /** Everything sent so far, oldest first (empty with `keepSent: false`). */
  readonly sent: readonly SandboxSentMessage[];
  /** How many messages were accepted, also with `keepSent: false`. */
  readonly sentCount: number;
  /** Every send request with its answer, accepted or not, in order (what pacing tests measure). */
  readonly requests: readonly SandboxRequest[];
  /** Injects failures: decides each send's answer (null to accept everything again). */
  setBehaviour(behaviour: SandboxBehaviour | null): void;
  /** Time each send takes, on the core's clock. */
  setLatency(ms: number): void;
  /** What one simulated phone received, oldest first. */
  messagesTo(address: string): SandboxSentMessage[];
  /** Called for every message sent; returns a function that stops listening. */
  onSent(listener: (message: SandboxSentMessage) => void): () => void;
  clear(): void;
}

/**
 * @example
 * const sandbox = sandboxTransport();
 * const tidings = createTidings({ transports: [sandbox] });
 * await tidings.start();
 * await sandbox.simulateInbound({ from: '+4915112345678', text: 'START' });
 * sandbox.messagesTo('+4915112345678'); // the welcome
 */
export function sandboxTransport(options: SandboxOptions = {}): SandboxTransport {
  const o = parseOrThrow(optionsSchema, options, 'sandboxTransport options', 'INVALID_OPTIONS');
  const senders: SenderAccount[] = o.senders.map((s) => ({ ...s }));
  const capabilities: TransportCapabilities = {
    ...sandboxCapabilities,
    addressKind: o.addressKind,
    ...o.capabilities,
  };
  const sent: SandboxSentMessage[] = [];
  const byRecipient = new Map<string, SandboxSentMessage[]>();
  const listeners = new Set<(message: SandboxSentMessage) => void>();
  let context: TransportContext | null = null;
  let counter = 0;
  let sentCount = 0;
  let latencyMs = o.latencyMs;
  let behaviour: SandboxBehaviour | null = null;
  const requests: SandboxRequest[] = [];
  const attempts = new Map<string, number>();

  const attached = (): TransportContext => {
    if (!context) {
      throw new TidingsError(
        'INVALID_INPUT',
        `The sandbox "${o.name}" is not started: call tidings.start() (or pass it to createTidings) first.`,
      );
    }
    return context;
  };
  const senderFor = (id: string | undefined) => {
    const sender = id ? senders.find((s) => s.id === id) : senders[0];
    if (!sender) throw new TidingsError('INVALID_INPUT', `The sandbox has no sender "${id}".`);
    return sender;
  };
  const now = () => (context ? context.now() : Date.now());
  /** Phone addresses are E.164, as a real phone-number messenger reports them: "0151…" is refused. */
  // An E.164-shaped address is taken as it is (a real platform reports E.164); anything else is refused with
  // libphonenumber's reasons, never turned into a second contact. The full parse is too slow for every message.
  const e164 = /^\+[1-9]\d{6,14}$/;
  const addressOf = (from: string) =>
    o.addressKind === 'phone' && !e164.test(from) ? toE164(from, undefined, 'from') : from;

  const messageEvent = (input: SimulatedInbound | SandboxWebhookBody): InboundMessageEvent => {
    const from = addressOf(input.from);
    const event: InboundMessageEvent = {
      type: 'message',
      senderId: senderFor(input.to).id,
      from,
      at: now(),
      providerMessageId: input.id ?? `sbx-in.${++counter}`,
    };
    if (input.text !== undefined) event.text = input.text;
    if ('media' in input && input.media) event.media = input.media;
    if (input.startPayload !== undefined) event.startPayload = input.startPayload;
    if (input.profileName !== undefined) event.profileName = input.profileName;
    if (o.addressKind === 'phone') event.phone = from;
    return event;
  };
  /** Resolves once Tidings handled the event and sent what that made due (the replies). */
  const simulate = async (event: InboundEvent) => {
    const ctx = attached();
    await ctx.receive([event]);
    await ctx.settle();
  };

  /** Every send request with its answer, when sends are kept. */
  const log = (message: OutboundMessage, answer: string) => {
    if (o.keepSent)
      requests.push({
        at: now(),
        senderId: message.sender.id,
        to: message.to,
        messageId: message.messageId,
        answer,
      });
  };

  const simpleEvent = (type: 'block' | 'unblock' | 'call', address: string): InboundEvent => {
    const from = addressOf(address);
    return type === 'call'
      ? { type, from, senderId: senders[0]!.id, at: now(), providerCallId: `sbx-call.${++counter}` }
      : { type, from, senderId: senders[0]!.id, at: now() };
  };

  return {
    name: o.name,
    capabilities,
    senders,
    async send(message: OutboundMessage, sendOptions: { signal?: AbortSignal } = {}): Promise<SendOutcome> {
      const attempt = (attempts.get(message.messageId) ?? 0) + 1;
      // Counted up front only when something can happen before the answer (a latency, an injected behaviour);
      // otherwise only a send that is not accepted is counted (an accepted one is forgotten at once anyway).
      if (latencyMs > 0 || behaviour) attempts.set(message.messageId, attempt);
      // The signal is read only when needed: reading it may create it.
      if (latencyMs > 0 && context) await context.sleep(latencyMs, sendOptions.signal);
      const answer = behaviour?.(message, attempt);
      if (answer === 'timeout') {
        attempts.set(message.messageId, attempt);
        log(message, 'timeout');
        // Never answers, like a platform that dropped the connection; the caller's timeout ends the wait.
        const signal = sendOptions.signal;
        return new Promise<SendOutcome>((_, reject) =>
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true }),
        );
      }
      if (answer) {
        attempts.set(message.messageId, attempt);
        log(message, answer.kind);
        return answer;
      }
      const text = message.content.text;
      if (text !== undefined && text.length > capabilities.textMaxLength) {
        attempts.set(message.messageId, attempt);
        log(message, 'invalid');
        return {
          kind: 'invalid',
          reason: `text of ${text.length} characters; the limit is ${capabilities.textMaxLength}`,
        };
      }

      log(message, 'accepted');
      if (attempts.size > 0) attempts.delete(message.messageId);
      sentCount++;
      const record: SandboxSentMessage = {
        providerMessageId: `sbx.${++counter}`,
        senderId: message.sender.id,
        to: message.to,
        content: message.content,
        purpose: message.purpose,
        at: now(),
      };
      if (o.keepSent) {
        sent.push(record);
        const list = byRecipient.get(message.to);
        if (list) list.push(record);
        else byRecipient.set(message.to, [record]);
      }
      for (const listener of listeners) {
        // A simulator's listener is never allowed to turn a send into a failure.
        try {
          listener(structuredClone(record));
        } catch (error) {
          context?.logger?.warn('a sandbox onSent listener failed', { error });
        }
      }
      return { kind: 'accepted', providerMessageId: record.providerMessageId };
    },
    parse: (request) => parseSandboxWebhook(request, o.secret, messageEvent),
    optinLink(sender, token) {
      const url = new URL(o.linkBase);
      url.searchParams.set('to', sender.id);
      const text = o.addressKind === 'phone' ? `START ${token}` : null;
      if (text) url.searchParams.set('text', text);
      else url.searchParams.set('start', token);
      return { url: url.toString(), text, qrPayload: url.toString() };
    },
    start(ctx) {
      context = ctx;
    },
    stop() {
      context = null;
    },
    async simulateInbound(input) {
      const event = messageEvent(input);
      attached();
      await simulate(event);
      return { providerMessageId: event.providerMessageId };
    },
    simulateBlock: (from) => simulate(simpleEvent('block', from)),
    simulateUnblock: (from) => simulate(simpleEvent('unblock', from)),
    simulateCall: (from) => simulate(simpleEvent('call', from)),
    get sent() {
      return sent;
    },
    get sentCount() {
      return sentCount;
    },
    get requests() {
      return requests;
    },
    setBehaviour(next) {
      behaviour = next;
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    messagesTo: (address) => [...(byRecipient.get(address) ?? [])],
    onSent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear() {
      sent.length = 0;
      requests.length = 0;
      byRecipient.clear();
    },
  };
}
