import type { Content } from '../../model/content.js';
import type { LinkTracker } from '../link-tracker.js';
import { renderPlaceholders } from '../placeholders.js';
import type { SendJob, SendWrapper } from '../send-step.js';

/**
 * Personalises the content for its recipient: placeholders, tracked links (F22) and the optional reference id
 * footer (F23). Rendering at send time means an edit to a sending broadcast reaches everyone not yet sent.
 */
export function render(links: LinkTracker): SendWrapper {
  return {
    name: 'render',
    wrap: (next) => async (job) => {
      const content = await renderContent(job, links);
      // Unchanged (nothing personal): the job goes on as it is, without a copy per delivery.
      return next(content === job.content ? job : { ...job, content });
    },
  };
}

async function renderContent(job: SendJob, links: LinkTracker): Promise<Content> {
  const { content, contact, broadcast } = job;
  // Nothing to personalise: the same object for every recipient (a million kept messages then share it).
  const personal =
    broadcast?.tracking !== 'off' ||
    !!broadcast?.referenceId ||
    content.text?.includes('{') ||
    content.media?.caption?.includes('{') ||
    content.template?.parameters.some((p) => p.includes('{'));
  if (!personal) return content;
  const out: Content = { ...content };

  if (content.template) {
    out.template = {
      ...content.template,
      parameters: content.template.parameters.map((p) => renderPlaceholders(p, contact)),
    };
  }
  if (content.text !== undefined) {
    let text = renderPlaceholders(content.text, contact);
    if (broadcast && broadcast.tracking !== 'off') text = await links.rewrite(text, broadcast, contact);
    if (broadcast?.referenceId) text = `${text}\n\nRef: ${broadcast.referenceId}`;
    out.text = text;
  }
  if (content.media?.caption !== undefined) {
    out.media = { ...content.media, caption: renderPlaceholders(content.media.caption, contact) };
  }
  return out;
}
