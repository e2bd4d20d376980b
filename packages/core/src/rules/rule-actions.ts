import { parseCommand } from '../consent/command.js';
import { TidingsError } from '../errors/tidings-error.js';
import { forwardEvent } from '../forwarding/forward-event.js';
import type { ForwardWorker } from '../forwarding/forward-worker.js';
import type { Channel } from '../model/channel.js';
import type { Contact } from '../model/contact.js';
import type { Message } from '../model/message.js';
import type { ForwardChannel } from '../ports/rule-store.js';
import type { CoreContext } from '../services/core-context.js';
import { sendToContact } from '../services/outbound.js';
import { joinChannels, leaveChannels } from '../services/subscriptions.js';
import type { CompiledRule } from './compiled-rules.js';
import { fillReply } from './reply-placeholders.js';
import type { RuleFacts } from './rule-facts.js';
import type { Action } from './rule-schema.js';

/** What one run's actions share. */
export interface ActionRun {
  ctx: CoreContext;
  forwards: ForwardWorker;
  facts: RuleFacts;
  rule: CompiledRule;
  /** The inbound message or call this run answers; null for a trigger raised outside an inbound flow. */
  cause: Message | null;
  /** The channel a subscription trigger is about. */
  channel: Channel | null;
}

/** An action's result: the contact as it is now, and what happened, for the debug log. */
export interface ActionOutcome {
  contact: Contact;
  outcome: string;
}

const done = (contact: Contact, outcome: string): ActionOutcome => ({ contact, outcome });

async function channelBySlug(run: ActionRun, slug: string): Promise<Channel | null> {
  return (await run.ctx.channels.get()).channels.find((c) => c.slug === slug) ?? null;
}

/**
 * Invariant 2: a channel the contact asked to leave (STOP, "Stop sport") is never joined by a rule — not in
 * answer to that very message (even when they were not in it, so nothing was written), and not later: only
 * the contact's own keyword or START rejoins it, writing a newer "channel-added" line first.
 */
async function leftByThemselves(run: ActionRun, contact: Contact, slug: string): Promise<boolean> {
  const text = run.cause?.content.text;
  if (text) {
    const command = parseCommand(text, undefined, (await run.ctx.channels.get()).vocabulary);
    if (command.kind === 'stop-all') return true;
    if (command.kind === 'stop-channels' && command.channels.some((c) => c.slug === slug)) return true;
  }
  const ledger = await run.ctx.store.consent.listByContact(run.ctx.workspaceId, contact.id);
  const last = ledger.findLast(
    (e) => (e.action === 'channel-added' || e.action === 'channel-removed') && e.channels.includes(slug),
  );
  return last?.action === 'channel-removed' && last.method !== 'rule';
}

async function reply(run: ActionRun, contact: Contact, text: string): Promise<ActionOutcome> {
  const filled = fillReply(text, {
    name: contact.name ?? '',
    business: run.ctx.options.businessName,
    channel: run.channel?.name ?? '',
    transport: contact.transport,
  });
  try {
    // An auto reply answers the message that started the run, from the sender it came to (invariant 1).
    await sendToContact(
      run.ctx,
      contact,
      { text: filled },
      {
        purpose: 'reply',
        inReplyTo: run.cause?.id ?? null,
        ...(run.cause ? { senderId: run.cause.senderId } : {}),
      },
    );
    return done(contact, 'replied');
  } catch (error) {
    if (!TidingsError.isInstance(error) || error.code !== 'CONSENT_REQUIRED') throw error;
    return done(contact, `reply skipped: ${error.message}`);
  }
}

async function forward(run: ActionRun, contact: Contact, via: ForwardChannel, target: string) {
  const { ctx, facts, rule, cause, channel } = run;
  const event = forwardEvent({
    workspaceId: ctx.workspaceId,
    at: ctx.clock.now(),
    event: facts.event,
    channel,
    contact,
    message: cause,
    rule: { index: rule.index, name: rule.rule.name ?? null, line: rule.line },
  });
  const queued = await run.forwards.enqueue({
    contactId: contact.id,
    via,
    target,
    body: JSON.stringify(event),
  });
  return done(contact, `forward ${queued.id} queued`);
}

/** Runs one action. Consent holds whatever the rule says: see invariants 1 and 2 in DESIGN.md. */
export async function runAction(action: Action, contact: Contact, run: ActionRun): Promise<ActionOutcome> {
  const { ctx } = run;
  const source = { method: 'rule' as const, messageId: run.cause?.id ?? null };
  switch (action.type) {
    case 'reply':
      return reply(run, contact, action.text);
    case 'forward-http':
      return forward(run, contact, 'http', action.url);
    case 'forward-email':
      return forward(run, contact, 'email', action.to);
    case 'forward-sms':
      return forward(run, contact, 'sms', action.to);
    case 'add-to-channel': {
      if (contact.state !== 'confirmed')
        return done(contact, `not added: the contact is ${contact.state}; only they can give consent`);
      const channel = await channelBySlug(run, action.channel);
      if (!channel) return done(contact, `not added: there is no channel "${action.channel}" any more`);
      if (await leftByThemselves(run, contact, channel.slug))
        return done(contact, `not added: the contact left ${channel.slug} themselves`);
      const joined = await joinChannels(ctx, contact, [channel], source);
      return done(
        contact,
        joined.length ? `added to ${channel.slug}` : `already in ${channel.slug} (or it is inactive)`,
      );
    }
    case 'remove-from-channel': {
      const channel = await channelBySlug(run, action.channel);
      if (!channel) return done(contact, `not removed: there is no channel "${action.channel}" any more`);
      const left = await leaveChannels(ctx, contact, [channel], source);
      return done(contact, left.length ? `removed from ${channel.slug}` : `not in ${channel.slug}`);
    }
    case 'tag': {
      if (contact.tags.includes(action.tag)) return done(contact, `already tagged ${action.tag}`);
      const tags = [...contact.tags, action.tag];
      return done(
        await ctx.store.contacts.update(ctx.workspaceId, contact.id, { tags }, ctx.clock.now()),
        'tagged',
      );
    }
    case 'assign': {
      const patch = { assignee: action.agent };
      const previous = contact.assignee ?? null;
      const updated = await ctx.store.contacts.update(ctx.workspaceId, contact.id, patch, ctx.clock.now());
      // The inbox shows it at once, as it shows assignments by hand.
      if (previous !== action.agent)
        ctx.events.emit('conversation.assigned', {
          contactId: contact.id,
          assignee: action.agent,
          previous,
          via: 'rule',
          by: null,
          note: null,
        });
      return done(updated, 'assigned');
    }
    case 'do-nothing':
    case 'stop':
      return done(contact, 'the run ends here');
  }
}
