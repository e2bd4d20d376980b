import type { Contact } from '../model/contact.js';
import type { Content } from '../model/content.js';
import type { Message } from '../model/message.js';
import type {
  BlockEvent,
  CallEvent,
  EchoEvent,
  InboundEvent,
  InboundMessageEvent,
  ReferralEvent,
  StatusEvent,
  WatermarkEvent,
} from '../ports/inbound-event.js';
import type { Transport } from '../ports/transport.js';
import type { RuleRunner } from '../rules/rule-runner.js';
import { type BuiltInResult, handleConsent } from './consent-built-ins.js';
import { markBlocked, markUnblocked } from './contact-blocking.js';
import { contactLockKey } from './contact-lock-key.js';
import type { CoreContext } from './core-context.js';
import { assignByRoundRobin } from './inbox/round-robin.js';
import type { KeyedLock } from './keyed-lock.js';

/** The result of one inbound message: null for a replay of a message seen before. */
export type InboundResult = (BuiltInResult & { message: Message }) | null;

/**
 * The inbound pipeline: dedupe by provider id → store in the conversation → consent built-ins → events.
 * Messages from one contact are handled one at a time, in arrival order.
 */
export class InboundPipeline {
  constructor(
    private readonly ctx: CoreContext,
    private readonly lock: KeyedLock,
    private readonly rules: RuleRunner,
  ) {}

  async receive(transport: Transport, events: readonly InboundEvent[]): Promise<void> {
    for (const event of events) await this.handle(transport, event);
  }

  handle(transport: Transport, event: InboundEvent): Promise<unknown> {
    switch (event.type) {
      case 'message':
        return this.#serial(transport, event, () => this.#message(transport, event));
      case 'referral':
        return this.#serial(transport, event, () => this.#message(transport, referralAsMessage(event)));
      case 'status':
        return this.#status(transport, event);
      case 'block':
      case 'unblock':
        return this.#serial(transport, event, () => this.#block(transport, event));
      case 'call':
        return this.#serial(transport, event, () => this.#call(transport, event));
      case 'watermark':
        return this.#serial(transport, event, () => this.#watermark(transport, event));
      case 'echo':
        return this.#serial(transport, event, () => this.#echo(transport, event));
    }
  }

  #serial<T>(transport: Transport, event: { from: string }, task: () => Promise<T>): Promise<T> {
    return this.lock.run(contactLockKey(transport.name, event.from), task);
  }

  async #contactFor(transport: Transport, event: InboundMessageEvent | CallEvent) {
    const result = await this.ctx.store.contacts.getOrCreate(
      {
        workspaceId: this.ctx.workspaceId,
        transport: transport.name,
        address: event.from,
        phone: 'phone' in event ? (event.phone ?? null) : null,
        name: 'profileName' in event ? (event.profileName ?? null) : null,
        locale: null,
        state: 'visitor',
        blockedAt: null,
        blockedReason: null,
        attributes: {},
        tags: [],
        lastInboundAt: null,
      },
      { senderId: event.senderId },
      this.ctx.clock.now(),
    );
    return result as { contact: Contact; created: boolean };
  }

  async #record(
    contact: Contact,
    transport: Transport,
    event: InboundMessageEvent | CallEvent,
    content: Content,
  ) {
    return this.ctx.store.messages.insert({
      workspaceId: this.ctx.workspaceId,
      contactId: contact.id,
      transport: transport.name,
      senderId: event.senderId,
      direction: 'in',
      kind: event.type === 'call' ? 'call' : 'message',
      purpose: null,
      content,
      providerMessageId: event.type === 'call' ? event.providerCallId : event.providerMessageId,
      status: 'received',
      error: null,
      at: event.at,
      inReplyTo: null,
      broadcastId: null,
    });
  }

  /** A message proves the contact can reach us: unblock, note the time (service window), learn the name. */
  async #touch(contact: Contact, event: InboundMessageEvent | CallEvent): Promise<Contact> {
    const unblocked =
      contact.blockedAt === null ? contact : await markUnblocked(this.ctx, contact, 'message');
    const patch: Parameters<typeof this.ctx.store.contacts.update>[2] = { lastInboundAt: event.at };
    if (event.type === 'message') {
      if (event.profileName && !unblocked.name) patch.name = event.profileName;
      if (event.phone && !unblocked.phone) patch.phone = event.phone;
    }
    return this.ctx.store.contacts.update(this.ctx.workspaceId, unblocked.id, patch, this.ctx.clock.now());
  }

  async #message(transport: Transport, event: InboundMessageEvent): Promise<InboundResult> {
    const { contact: found, created } = await this.#contactFor(transport, event);
    const content: Content = {};
    if (event.text !== undefined) content.text = event.text;
    if (event.media) content.media = event.media;
    const message = await this.#record(found, transport, event, content);
    if (!message) return null;
    const contact = await this.#touch(found, event);
    const result = await handleConsent(this.ctx, { contact, message, event, isFirst: created });
    this.ctx.events.emit('message.received', { contact: result.contact, message });
    const afterRules = await this.rules.afterInbound({ contact: result.contact, message, isFirst: created });
    // A START, STOP or keyword is consent business, not a conversation for an agent.
    if (result.command === 'other') await assignByRoundRobin(this.ctx, afterRules);
    // Spelled out: a spread copy with a property added is a slow path in V8 (Node 20).
    return { contact: result.contact, command: result.command, message };
  }

  async #call(transport: Transport, event: CallEvent): Promise<void> {
    const { contact: found, created } = await this.#contactFor(transport, event);
    const message = await this.#record(found, transport, event, {});
    if (!message) return;
    const contact = await this.#touch(found, event);
    this.ctx.events.emit('call.received', { contact, message });
    const afterRules = await this.rules.afterInbound({ contact, message, isFirst: created });
    await assignByRoundRobin(this.ctx, afterRules);
  }

  async #block(transport: Transport, event: BlockEvent): Promise<void> {
    const contact = await this.ctx.store.contacts.findByAddress(
      this.ctx.workspaceId,
      transport.name,
      event.from,
    );
    if (!contact) return;
    if (event.type === 'block') await markBlocked(this.ctx, contact, 'blocked by the contact', 'platform');
    else await markUnblocked(this.ctx, contact, 'platform');
  }

  /** Every message to the contact up to the watermark moves on (none moves back). */
  async #watermark(transport: Transport, event: WatermarkEvent): Promise<void> {
    const { store, workspaceId } = this.ctx;
    const contact = await store.contacts.findByAddress(workspaceId, transport.name, event.from);
    if (!contact) return;
    const moved = await store.messages.advanceOutboundUpTo(workspaceId, contact.id, {
      status: event.status,
      until: event.at,
    });
    for (const message of moved)
      this.ctx.events.emit('delivery.updated', { message, status: message.status });
  }

  /** A message the sender account sent from elsewhere joins the conversation as outbound history, once. */
  async #echo(transport: Transport, event: EchoEvent): Promise<void> {
    const { store, workspaceId } = this.ctx;
    const contact = await store.contacts.findByAddress(workspaceId, transport.name, event.from);
    if (!contact) return;
    const known = await store.messages.findOutboundByProviderId(
      workspaceId,
      transport.name,
      event.providerMessageId,
    );
    if (known) return;
    await store.messages.insert({
      workspaceId,
      contactId: contact.id,
      transport: transport.name,
      senderId: event.senderId,
      direction: 'out',
      kind: 'message',
      purpose: 'agent',
      content: event.content,
      providerMessageId: event.providerMessageId,
      status: 'sent',
      error: null,
      at: event.at,
      inReplyTo: null,
      broadcastId: null,
    });
  }

  async #status(transport: Transport, event: StatusEvent): Promise<void> {
    const { store, workspaceId } = this.ctx;
    const message = await store.messages.findOutboundByProviderId(
      workspaceId,
      transport.name,
      event.providerMessageId,
    );
    if (!message || !movesForward(message.status, event.status)) return;
    const error = event.error ? `${event.error.reason} (${event.error.code})` : null;
    await store.messages.updateStatus(workspaceId, message.id, { status: event.status, error });
    this.ctx.events.emit('delivery.updated', {
      message: { ...message, status: event.status, error },
      status: event.status,
    });
  }
}

const statusRank: Record<Message['status'], number> = {
  received: 0,
  queued: 0,
  skipped: 0,
  sent: 1,
  delivered: 2,
  read: 3,
  failed: 4,
};

/** Statuses arrive out of order: a late "delivered" never overwrites "read". */
function movesForward(current: Message['status'], next: StatusEvent['status']): boolean {
  return statusRank[next] > statusRank[current];
}

function referralAsMessage(event: ReferralEvent): InboundMessageEvent {
  return {
    type: 'message',
    senderId: event.senderId,
    from: event.from,
    at: event.at,
    providerMessageId: event.providerEventId,
    startPayload: event.startPayload,
  };
}
