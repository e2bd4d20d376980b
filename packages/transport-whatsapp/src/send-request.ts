import type { Content, Media, TemplateContent } from '@tidings/core';

/** A `POST /{phone-number-id}/messages` body (PLATFORMS.md §1.2). */
export type MessageBody = Record<string, unknown> & { messaging_product: 'whatsapp'; type: string };

export interface BodySettings {
  linkPreviews: boolean;
  /** Reply buttons to add under a text (the "Stop" quick reply), or null. */
  buttons: { id: string; title: string }[] | null;
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
  // With reply buttons the text follows the media as its own message: buttons sit under a text, not a caption.
  const textAfter = settings.buttons !== null && text !== undefined;
  const caption =
    media.caption ?? (!textAfter && text !== undefined && text.length <= CAPTION_MAX ? text : undefined);
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
  if (settings.buttons && text.length <= BUTTON_BODY_MAX) {
    return {
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text },
        action: { buttons: settings.buttons.map((reply) => ({ type: 'reply', reply })) },
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

/**
 * The content's quick replies as reply buttons (1–3, titles of 1–20 characters, ids up to 256), or why they cannot
 * be: WhatsApp puts them under a text of up to 1,024 characters. A tap comes back as the id: the payload, else the title.
 */
export function replyButtons(content: Content): { id: string; title: string }[] | string | null {
  const list = content.quickReplies;
  if (!list?.length) return null;
  if (list.length > 3) return `${list.length} quick replies; WhatsApp shows up to 3 reply buttons`;
  if (content.text === undefined || content.text.length > BUTTON_BODY_MAX) {
    return `reply buttons need a text of up to ${BUTTON_BODY_MAX} characters`;
  }
  const buttons: { id: string; title: string }[] = [];
  for (const reply of list) {
    if (reply.title.length === 0 || reply.title.length > 20) {
      return `quick reply "${reply.title}": a button title has 1–20 characters`;
    }
    const id = reply.payload ?? reply.title;
    if (id.length > 256) return `quick reply "${reply.title}": a button id has up to 256 characters`;
    buttons.push({ id, title: reply.title });
  }
  return buttons;
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
