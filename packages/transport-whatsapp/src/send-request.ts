import type { Content, Media, TemplateContent } from '@tidings/core';

/** A `POST /{phone-number-id}/messages` body (PLATFORMS.md §1.2). */
export type MessageBody = Record<string, unknown> & { messaging_product: 'whatsapp'; type: string };

export interface BodySettings {
  linkPreviews: boolean;
  /** A reply button to add under a text (the "Stop" quick reply), or null. */
  button: { id: string; title: string } | null;
}

const TEXT_MAX = 4096;
const CAPTION_MAX = 1024;
const BUTTON_BODY_MAX = 1024;

/**
 * The message bodies for one piece of content, or the reason it cannot go out (checked before anything is sent).
 * Media must already be a link or an uploaded media id. A text beside media becomes its caption when it fits;
 * otherwise it follows as a message of its own.
 */
export function messageBodies(to: string, content: Content, settings: BodySettings): MessageBody[] | string {
  const base = { messaging_product: 'whatsapp' as const, recipient_type: 'individual', ...recipient(to) };
  if (content.template) return [{ ...base, type: 'template', template: templateObject(content.template) }];
  const text = content.text;
  if (!content.media) {
    const body = textBody(text ?? '', settings);
    return typeof body === 'string' ? body : [{ ...base, ...body }];
  }
  const media = content.media;
  const caption = media.caption ?? (text !== undefined && text.length <= CAPTION_MAX ? text : undefined);
  if (caption !== undefined && caption.length > CAPTION_MAX) {
    return `caption of ${caption.length} characters; WhatsApp accepts up to ${CAPTION_MAX}`;
  }
  const object = mediaObject(media, caption);
  if (typeof object === 'string') return object;
  const first: MessageBody = { ...base, type: media.kind, [media.kind]: object };
  if (text === undefined || text === caption) return [first];
  const after = textBody(text, settings);
  return typeof after === 'string' ? after : [first, { ...base, ...after }];
}

/** BSUIDs (`US.1349…`) go in `recipient`; phone numbers in `to`, digits only. */
function recipient(to: string): Record<string, string> {
  return to.startsWith('+') || /^\d+$/.test(to) ? { to: to.replace(/^\+/, '') } : { recipient: to };
}

function textBody(text: string, settings: BodySettings): { type: string; [key: string]: unknown } | string {
  if (text.trim() === '') return 'message text is empty';
  if (text.length > TEXT_MAX) return `text of ${text.length} characters; WhatsApp accepts up to ${TEXT_MAX}`;
  if (settings.button && text.length <= BUTTON_BODY_MAX) {
    return {
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text },
        action: { buttons: [{ type: 'reply', reply: settings.button }] },
      },
    };
  }
  return {
    type: 'text',
    text: { body: text, preview_url: settings.linkPreviews && /https?:\/\//.test(text) },
  };
}

function mediaObject(media: Media, caption: string | undefined): Record<string, string> | string {
  const source = media.providerMediaId
    ? { id: media.providerMediaId }
    : media.url
      ? { link: media.url }
      : null;
  if (!source) return `${media.kind} without url or providerMediaId (upload bytes first)`;
  const object: Record<string, string> = { ...source };
  // WhatsApp shows no caption on audio.
  if (caption !== undefined && media.kind !== 'audio') object.caption = caption;
  if (media.kind === 'document' && media.filename) object.filename = media.filename;
  return object;
}

/** Numbered body parameters `{{1}}…`, in order. */
export function templateObject(template: TemplateContent): Record<string, unknown> {
  const object: Record<string, unknown> = {
    name: template.name,
    language: { policy: 'deterministic', code: template.language },
  };
  if (template.parameters.length > 0) {
    object.components = [
      { type: 'body', parameters: template.parameters.map((text) => ({ type: 'text', text })) },
    ];
  }
  return object;
}

/** Marks an inbound message read (blue ticks), optionally showing "typing…". */
export function markReadBody(messageId: string, typing = false): Record<string, unknown> {
  return {
    messaging_product: 'whatsapp',
    status: 'read',
    message_id: messageId,
    ...(typing ? { typing_indicator: { type: 'text' } } : {}),
  };
}
