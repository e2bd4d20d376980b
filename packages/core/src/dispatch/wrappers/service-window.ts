import { passOn, type SendWrapper, type StepResult } from '../send-step.js';

/**
 * The 24-hour service window (F24): outside it only a template may go out. Business-initiated messages use the
 * broadcast's template where the messenger has templates, or are skipped without calling the platform.
 */
export function serviceWindow(): SendWrapper {
  return {
    name: 'service-window',
    wrap: (next) =>
      passOn((job) => {
        const windowMs = job.transport.capabilities.serviceWindowMs;
        const { purpose, useTemplate } = job.delivery;
        // A broadcast's template, or the template an agent's reply carries (`inbox.reply` with `template`).
        const template = job.broadcast?.content.template ?? job.content.template;
        const canTemplate = template !== undefined && job.transport.capabilities.templates;
        if (useTemplate && canTemplate) return next({ ...job, content: { template } });
        if (windowMs === null || purpose === 'consent-reply' || purpose === 'welcome' || purpose === 'reply')
          return next(job);
        const sinceInbound = job.contact.lastInboundAt === null ? null : job.now - job.contact.lastInboundAt;
        if (sinceInbound !== null && sinceInbound < windowMs) return next(job);
        // A person's reply may go out longer where the platform allows it (Messenger's HUMAN_AGENT tag).
        const agentWindowMs = job.transport.capabilities.agentWindowMs ?? null;
        if (
          purpose === 'agent' &&
          agentWindowMs !== null &&
          sinceInbound !== null &&
          sinceInbound < agentWindowMs
        )
          return next(job);

        if (canTemplate) return next({ ...job, content: { template } });
        if (purpose === 'agent' && agentWindowMs !== null) {
          const days = Math.round(agentWindowMs / 86_400_000);
          return skip(`window-closed: outside the ${days}-day window for an agent's reply`);
        }
        return skip('window-closed: outside the 24-hour window and no template');
      }),
  };
}

const skip = (reason: string): Promise<StepResult> => Promise.resolve({ kind: 'skip', reason });
