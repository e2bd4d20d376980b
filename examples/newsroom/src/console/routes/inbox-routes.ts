import type { TemplateContent, Tidings } from '@tidings/core';
import { TidingsError } from '@tidings/core';
import type { ApiRoute } from '../api-router.js';

/** A required, non-blank string from the body, or INVALID_INPUT naming the field. */
export const str = (value: unknown, field: string): string => {
  if (typeof value === 'string' && value.trim()) return value;
  throw new TidingsError('INVALID_INPUT', `Give ${field}.`, { issues: [{ field, message: 'required' }] });
};

/** The approved template to send instead where the reply window allows only templates (WhatsApp after 24 h). */
function templateOf(value: unknown): TemplateContent | null {
  if (typeof value !== 'object' || value === null) return null;
  const t = value as Record<string, unknown>;
  const parameters = Array.isArray(t.parameters) ? t.parameters.filter((p) => typeof p === 'string') : [];
  return { name: str(t.name, 'template.name'), language: str(t.language, 'template.language'), parameters };
}

/** The shared inbox: conversations, one conversation's history, reply, assign, hand over, notes, read (F26–F29). */
export function inboxRoutes(tidings: Tidings): ApiRoute[] {
  const { inbox } = tidings;
  return [
    {
      method: 'GET',
      path: '/inbox',
      handler: ({ url }) => {
        const q = url.searchParams;
        const show = q.get('show');
        return inbox.conversations({
          limit: 50,
          cursor: q.get('cursor'),
          ...(show === 'mine' && q.get('agent') ? { assignedTo: q.get('agent')! } : {}),
          ...(show === 'unassigned' ? { unassigned: true } : {}),
          ...(show === 'unread' ? { unread: true } : {}),
          ...(q.get('transport') ? { transport: q.get('transport')! } : {}),
          ...(q.get('channel') ? { channel: q.get('channel')! } : {}),
        });
      },
    },
    {
      method: 'GET',
      path: '/inbox/:contactId',
      handler: async ({ params }) => {
        const conversation = await inbox.conversation(params.contactId!);
        if (!conversation) throw new TidingsError('NOT_FOUND', `No conversation with ${params.contactId}.`);
        const history = await inbox.history(params.contactId!, { limit: 100 });
        return { conversation, history: history.items };
      },
    },
    {
      method: 'POST',
      path: '/inbox/:contactId/reply',
      handler: ({ params, body }) => {
        const content =
          typeof body.canned === 'string' ? { canned: body.canned } : { text: str(body.text, 'text') };
        const template = templateOf(body.template);
        return inbox.reply(params.contactId!, content, {
          agent: str(body.agent, 'agent'),
          ...(template ? { template } : {}),
        });
      },
    },
    {
      method: 'POST',
      path: '/inbox/:contactId/assign',
      handler: ({ params, body }) => {
        const agent = body.agent === null ? null : str(body.agent, 'agent');
        return inbox.assign(params.contactId!, agent, typeof body.by === 'string' ? { by: body.by } : {});
      },
    },
    {
      method: 'POST',
      path: '/inbox/:contactId/hand-over',
      handler: ({ params, body }) =>
        inbox.handOver(params.contactId!, str(body.to, 'to'), {
          note: str(body.note, 'note'),
          ...(typeof body.by === 'string' ? { by: body.by } : {}),
        }),
    },
    {
      method: 'POST',
      path: '/inbox/:contactId/note',
      handler: ({ params, body }) =>
        inbox.note(params.contactId!, str(body.text, 'text'), { agent: str(body.agent, 'agent') }),
    },
    {
      method: 'POST',
      path: '/inbox/:contactId/read',
      handler: async ({ params, body }) => {
        await inbox.markRead(params.contactId!, typeof body.agent === 'string' ? { agent: body.agent } : {});
        return { read: true };
      },
    },
  ];
}
