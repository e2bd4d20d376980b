import type { Content } from '../../model/content.js';
import type { LinkTracker } from '../link-tracker.js';
import { renderPlaceholders } from '../placeholders.js';
import { passOn, type SendJob, type SendStep, type SendWrapper } from '../send-step.js';

/**
 * Personalises the content for its recipient: placeholders, tracked links (F22) and the optional reference id
 * footer (F23). Rendering at send time means an edit to a sending broadcast reaches everyone not yet sent.
 */
export function render(links: LinkTracker): SendWrapper {
  return {
    name: 'render',
    // Nothing personal (the common bulk case): the job goes on as it is, without a copy or a promise per delivery.
    wrap: (next) => passOn((job) => (personal(job) ? renderAndPassOn(job, links, next) : next(job))),
  };
}

/** Whether the content differs per recipient: otherwise every recipient gets the very same object. */
function personal(job: SendJob): boolean {
  const { content, broadcast } = job;
  return (
    broadcast?.tracking !== 'off' ||
    !!broadcast?.referenceId ||
    !!content.text?.includes('{') ||
    !!content.media?.caption?.includes('{') ||
    !!content.template?.parameters.some((p) => p.includes('{'))
  );
}

async function renderAndPassOn(job: SendJob, links: LinkTracker, next: SendStep) {
  const content = await renderContent(job, links);
  return await next(content === job.content ? job : { ...job, content });
}

async function renderContent(job: SendJob, links: LinkTracker): Promise<Content> {
  const { content, contact, broadcast } = job;
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
