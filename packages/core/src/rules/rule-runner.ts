import type { ForwardWorker } from '../forwarding/forward-worker.js';
import type { Channel } from '../model/channel.js';
import type { Contact } from '../model/contact.js';
import type { Message } from '../model/message.js';
import type { CoreContext } from '../services/core-context.js';
import type { CompiledRule } from './compiled-rules.js';
import { runAction } from './rule-actions.js';
import type { RuleCache } from './rule-cache.js';
import { FactsView, type RuleEvent, type RuleFacts } from './rule-facts.js';
import { type RecordedTrigger, TriggerRecorder } from './trigger-recorder.js';

const noChannels: ReadonlySet<string> = new Set();

/** One inbound message or call, after the consent handling. */
export interface InboundForRules {
  /** The contact as the consent handling left them. */
  contact: Contact;
  /** The stored inbound message or call. */
  message: Message;
  /** The contact did not exist before it. */
  isFirst: boolean;
}

/** Runs a contact's work in order with their inbound messages (the pipeline's per-contact lock). */
export type ContactSerializer = <T>(contact: Contact, task: () => Promise<T>) => Promise<T>;

/**
 * The rule engine: runs after the built-in consent handling on every inbound message and call, and on the
 * consent events that handling raised. Each run evaluates the set in order and runs every matching rule's
 * actions in order, until a rule that says `do nothing` or `stop`. Actions ask the same consent guard as
 * everything else, so no rule can undo an unsubscribe or message a contact who may not be messaged.
 */
export class RuleRunner {
  readonly recorder: TriggerRecorder;

  constructor(
    private readonly ctx: CoreContext,
    private readonly cache: RuleCache,
    private readonly forwards: ForwardWorker,
    private readonly serialize: ContactSerializer,
    private readonly track: <T>(work: Promise<T>) => Promise<T>,
  ) {
    this.recorder = new TriggerRecorder(
      ctx.events,
      (event) => this.#listensFor(event),
      // A trigger raised inside an inbound flow is taken by that flow; one raised anywhere else runs once the
      // contact's queue reaches it, so none is lost and none overtakes the contact's messages.
      (trigger) =>
        void this.track(this.serialize(trigger.contact, () => this.#runLeftOver(trigger.contact.id))),
    );
  }

  /** The one step after the consent handling of an inbound message or call: its triggers, then itself. */
  async afterInbound(inbound: InboundForRules): Promise<Contact> {
    let contact = inbound.contact;
    for (const trigger of this.recorder.take(contact.id))
      contact = await this.#runTrigger(trigger, contact, inbound.message);
    const { message } = inbound;
    const media = message.content.media ?? null;
    return this.#run(
      {
        event: message.kind === 'call' ? 'call' : 'message',
        channel: null,
        text: message.content.text ?? media?.caption ?? '',
        media: media?.kind ?? null,
        transport: contact.transport,
        at: this.ctx.clock.now(),
        firstMessage: inbound.isFirst,
        windowOpen: this.#windowOpen(contact),
        channels: noChannels,
      },
      contact,
      message,
      null,
    );
  }

  #listensFor(event: RuleEvent): boolean {
    // Before the first load nothing is known, so record; afterwards only what some rule listens for.
    const compiled = this.cache.peek();
    return compiled === undefined || compiled?.listensFor(event) === true;
  }

  async #runLeftOver(contactId: string): Promise<void> {
    const triggers = this.recorder.take(contactId);
    if (triggers.length === 0) return;
    let contact = await this.ctx.store.contacts.get(this.ctx.workspaceId, contactId);
    for (const trigger of triggers) if (contact) contact = await this.#runTrigger(trigger, contact, null);
  }

  #runTrigger(trigger: RecordedTrigger, contact: Contact, cause: Message | null): Promise<Contact> {
    const facts: RuleFacts = {
      event: trigger.event,
      channel: trigger.channel?.slug ?? null,
      text: '',
      media: null,
      transport: contact.transport,
      at: this.ctx.clock.now(),
      firstMessage: false,
      windowOpen: this.#windowOpen(contact),
      channels: noChannels,
    };
    return this.#run(facts, contact, cause, trigger.channel);
  }

  #windowOpen(contact: Contact): boolean {
    const windowMs = this.ctx.transports.get(contact.transport)?.capabilities.serviceWindowMs ?? null;
    if (windowMs === null) return true;
    return contact.lastInboundAt !== null && this.ctx.clock.now() - contact.lastInboundAt < windowMs;
  }

  async #channelSlugs(contact: Contact): Promise<ReadonlySet<string>> {
    const [subs, { channels }] = await Promise.all([
      this.ctx.store.subscriptions.listByContact(this.ctx.workspaceId, contact.id),
      this.ctx.channels.get(),
    ]);
    const ids = new Set(subs.map((s) => s.channelId));
    return new Set(channels.filter((c) => ids.has(c.id)).map((c) => c.slug));
  }

  async #run(
    facts: RuleFacts,
    contact: Contact,
    cause: Message | null,
    channel: Channel | null,
  ): Promise<Contact> {
    const compiled = await this.cache.get();
    if (!compiled) return contact;
    const view = new FactsView(facts);
    const candidates = compiled.candidates(view);
    if (candidates.length === 0) return contact;
    if (candidates.some((r) => r.condition.needsChannels)) facts.channels = await this.#channelSlugs(contact);
    let current = contact;
    for (const rule of compiled.fire(candidates, view))
      current = await this.#runRule(rule, facts, current, cause, channel);
    return current;
  }

  #runRule(
    rule: CompiledRule,
    facts: RuleFacts,
    contact: Contact,
    cause: Message | null,
    channel: Channel | null,
  ): Promise<Contact> {
    const run = { ctx: this.ctx, forwards: this.forwards, facts, rule, cause, channel };
    return this.recorder.mute(contact.id, async () => {
      let current = contact;
      for (const action of rule.rule.actions) {
        try {
          const result = await runAction(action, current, run);
          current = result.contact;
          this.ctx.logger.debug(
            `rule ${rule.index + 1} (line ${rule.line}): ${action.type}: ${result.outcome}`,
            {
              contactId: current.id,
            },
          );
        } catch (error) {
          // The message is stored and consent handled already; one failing action must not undo that.
          this.ctx.logger.error(`rule ${rule.index + 1} (line ${rule.line}) failed at ${action.type}`, {
            error,
            contactId: current.id,
          });
        }
      }
      return current;
    });
  }
}
