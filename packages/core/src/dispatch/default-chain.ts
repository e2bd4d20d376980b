import type { CoreContext } from '../services/core-context.js';
import { LinkTracker } from './link-tracker.js';
import { limitsFor, type PacingLimits } from './pacing-limits.js';
import { composeChain, type SendStep, type SendWrapper } from './send-step.js';
import { transportCall } from './transport-call.js';
import { consentGuard } from './wrappers/consent-guard.js';
import { dailyCap } from './wrappers/daily-cap.js';
import { dedupe } from './wrappers/dedupe.js';
import { frequencyCap } from './wrappers/frequency-cap.js';
import { pacing } from './wrappers/pacing.js';
import { quietHours } from './wrappers/quiet-hours.js';
import { render } from './wrappers/render.js';
import { retry } from './wrappers/retry.js';
import { serviceWindow } from './wrappers/service-window.js';

/** The pacing of each installed transport, with the options' overrides applied once. */
export function pacingLimits(ctx: CoreContext): (transport: string) => PacingLimits {
  const limits = new Map(
    [...ctx.transports.values()].map((t) => [
      t.name,
      limitsFor(t.capabilities, ctx.options.pacing[t.name] ?? {}),
    ]),
  );
  return (name) => limits.get(name)!;
}

/**
 * The default chain, outermost first: consent → dedupe → service window → frequency cap → quiet hours →
 * daily cap → pacing → render (placeholders, tracked links, reference) → retry → the transport.
 */
export function defaultWrappers(
  ctx: CoreContext,
  limitsOf: (transport: string) => PacingLimits,
): SendWrapper[] {
  const o = ctx.options;
  const links = new LinkTracker(
    ctx.store,
    ctx.workspaceId,
    o.publicUrl ?? `http://localhost${o.basePath}`,
    () => ctx.clock.now(),
  );
  const wrappers: SendWrapper[] = [
    consentGuard(ctx.store),
    dedupe(ctx.store, ctx.clock, o.dispatch.leaseMs),
    serviceWindow(),
  ];
  if (o.frequencyCap) wrappers.push(frequencyCap(ctx.store, o.frequencyCap.perDay));
  if (o.quietHours) wrappers.push(quietHours(o.quietHours));
  wrappers.push(dailyCap(ctx.store, limitsOf));
  if (o.dispatch.pacing) wrappers.push(pacing(ctx.store, limitsOf, ctx.clock));
  wrappers.push(render(links));
  wrappers.push(
    retry({
      maxAttempts: o.dispatch.maxAttempts,
      baseDelayMs: o.dispatch.baseDelayMs,
      maxDelayMs: o.dispatch.maxDelayMs,
      random: o.random,
    }),
  );
  return wrappers;
}

export function buildChain(ctx: CoreContext, wrappers: SendWrapper[]): SendStep {
  return composeChain(wrappers, transportCall(ctx.clock, ctx.logger, ctx.options.dispatch.sendTimeoutMs));
}
