import type { PacingLimits } from '../../dispatch/pacing-limits.js';
import { type QuietHours, quietUntil } from '../../dispatch/wrappers/quiet-hours.js';
import type { Audience, BroadcastContent } from '../../model/broadcast.js';
import type { Contact } from '../../model/contact.js';
import type { CoreContext } from '../core-context.js';

const DAY = 24 * 60 * 60 * 1000;

/** What a broadcast would do if it started now (F25). */
export interface PreflightReport {
  /** Contacts that would get a delivery. */
  recipients: number;
  byTransport: Record<string, { recipients: number; templated: number; bySender: Record<string, number> }>;
  /** In the audience but not sent to, by reason. */
  skipped: { pending: number; unsubscribed: number; visitor: number; blocked: number; windowClosed: number };
  /** Recipients whose delivery would wait, by reason. */
  deferred: { frequencyCap: number; quietHours: number };
  /** How long sending would take under the pacing limits (the slowest sender decides). */
  expectedDurationMs: number;
}

export interface PreflightDeps {
  limitsOf(transport: string): PacingLimits;
  frequencyCap: number | null;
  quietHours: QuietHours | null;
}

/** Streams through the audience a page at a time; nothing is queued and nothing is held. */
export async function preflight(
  ctx: CoreContext,
  input: { audience: Audience; content: BroadcastContent; spreadMs: number },
  deps: PreflightDeps,
): Promise<PreflightReport> {
  const now = ctx.clock.now();
  const report: PreflightReport = {
    recipients: 0,
    byTransport: {},
    skipped: { pending: 0, unsubscribed: 0, visitor: 0, blocked: 0, windowClosed: 0 },
    deferred: { frequencyCap: 0, quietHours: 0 },
    expectedDurationMs: 0,
  };
  const classify = async (contact: Contact) => {
    if (contact.blockedAt !== null) return void report.skipped.blocked++;
    if (contact.state !== 'confirmed') return void report.skipped[contact.state]++;
    const transport = ctx.transports.get(contact.transport);
    if (!transport) return;
    const windowMs = transport.capabilities.serviceWindowMs;
    const windowOpen =
      windowMs === null || (contact.lastInboundAt !== null && now - contact.lastInboundAt < windowMs);
    const templated = !windowOpen && !!input.content.template && transport.capabilities.templates;
    if (!windowOpen && !templated) return void report.skipped.windowClosed++;
    report.recipients++;
    const entry = report.byTransport[contact.transport] ?? { recipients: 0, templated: 0, bySender: {} };
    report.byTransport[contact.transport] = entry;

    entry.recipients++;
    if (templated) entry.templated++;
    entry.bySender[contact.senderId] = (entry.bySender[contact.senderId] ?? 0) + 1;
    if (deps.frequencyCap !== null) {
      const times = await ctx.store.messages.broadcastTimesSince(ctx.workspaceId, contact.id, now - DAY);
      if (times.length >= deps.frequencyCap) report.deferred.frequencyCap++;
    }
    if (
      deps.quietHours &&
      quietUntil(now, deps.quietHours, contact.attributes.timeZone ?? deps.quietHours.timeZone) !== null
    ) {
      report.deferred.quietHours++;
    }
  };

  let cursor: string | null = null;
  do {
    const page = await ctx.store.broadcasts.audience(ctx.workspaceId, input.audience, {
      cursor,
      limit: 1000,
    });
    for (const contact of page.items) await classify(contact);
    cursor = page.nextCursor;
  } while (cursor);

  for (const [transport, entry] of Object.entries(report.byTransport)) {
    const limits = deps.limitsOf(transport);
    for (const count of Object.values(entry.bySender)) {
      const days = limits.dailyUniqueRecipients ? Math.ceil(count / limits.dailyUniqueRecipients) - 1 : 0;
      const perDay = limits.dailyUniqueRecipients ? Math.min(count, limits.dailyUniqueRecipients) : count;
      const ms = days * DAY + (perDay / limits.perSenderPerSecond) * 1000;
      report.expectedDurationMs = Math.max(report.expectedDurationMs, Math.round(ms));
    }
  }
  if (report.recipients > 0) report.expectedDurationMs = Math.max(report.expectedDurationMs, input.spreadMs);
  return report;
}
