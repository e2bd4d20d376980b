import { renderPlaceholders } from '../../dispatch/placeholders.js';
import { TidingsError } from '../../errors/tidings-error.js';
import type { Agent } from '../../model/agent.js';
import type { Contact } from '../../model/contact.js';
import type { Content } from '../../model/content.js';
import type { ConversationWindow } from '../../model/conversation.js';
import type { CoreContext } from '../core-context.js';
import type { ReplyContent, ReplyOptions } from './inbox-api.js';

/** A canned answer (by id or shortcut) becomes its text, filled in for the contact. */
async function resolveCanned(ctx: CoreContext, content: ReplyContent, contact: Contact): Promise<Content> {
  if (!('canned' in content)) return content;
  const key = content.canned;
  const answer =
    (await ctx.store.cannedAnswers.get(ctx.workspaceId, key)) ??
    (await ctx.store.cannedAnswers.getByShortcut(ctx.workspaceId, key));
  if (!answer) throw new TidingsError('NOT_FOUND', `No canned answer "${key}".`);
  return { text: renderPlaceholders(answer.text, contact) };
}

/** The agent's sign-off (F27) after a blank line: on the text, else on a media caption. */
function signed(content: Content, agent: Agent): Content {
  const signature = agent.signature?.trim();
  if (!signature) return content;
  if (content.text !== undefined) return { ...content, text: `${content.text}\n\n${signature}` };
  if (content.media)
    return {
      ...content,
      media: {
        ...content.media,
        caption: content.media.caption ? `${content.media.caption}\n\n${signature}` : signature,
      },
    };
  return content;
}

/**
 * What an agent's reply sends, given the window: the content signed; a template where only a template may go
 * out; a refusal where nothing may.
 */
export async function replyContent(
  ctx: CoreContext,
  input: {
    contact: Contact;
    agent: Agent;
    content: ReplyContent;
    options: ReplyOptions;
    window: ConversationWindow;
  },
): Promise<Content> {
  const { contact, agent, options, window } = input;
  switch (window.status) {
    case 'template':
      if (!options.template)
        throw new TidingsError(
          'TEMPLATE_REQUIRED',
          `The 24-hour window with contact ${contact.id} is closed: only a template may go out (pass options.template).`,
        );
      return { template: options.template };
    case 'closed':
      throw new TidingsError(
        'WINDOW_CLOSED',
        `The reply window with contact ${contact.id} is closed: nothing may go out until they write again.`,
      );
    default: {
      const content = await resolveCanned(ctx, input.content, contact);
      if (!content.text && !content.media && !content.template)
        throw new TidingsError('INVALID_INPUT', 'A reply needs text, media or a template.', {
          issues: [{ field: 'content', message: 'empty' }],
        });
      return content.template ? content : signed(content, agent);
    }
  }
}
