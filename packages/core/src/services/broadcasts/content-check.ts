import { type FieldIssue, TidingsError } from '../../errors/tidings-error.js';
import type { BroadcastContent } from '../../model/broadcast.js';
import type { Transport } from '../../ports/transport.js';
import { probeMedia } from './media-probe.js';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;

/**
 * Checks content against the declared limits of every messenger it goes to (F15) before anything is queued;
 * each problem names the messenger and the limit.
 */
export async function checkContent(
  content: BroadcastContent,
  transports: readonly Transport[],
  fetchFn: typeof fetch,
): Promise<void> {
  const issues: FieldIssue[] = [];
  const largest = Math.max(
    0,
    ...transports.map((t) => (content.media ? (t.capabilities.media[content.media.kind]?.maxBytes ?? 0) : 0)),
  );
  const facts = content.media
    ? await probeMedia(content.media, largest, fetchFn).catch((error: Error) => error)
    : null;
  if (facts instanceof Error) issues.push({ field: 'content.media', message: facts.message });

  for (const t of transports) {
    const caps = t.capabilities;
    if (content.text && content.text.length > caps.textMaxLength) {
      issues.push({
        field: 'content.text',
        message: `${content.text.length} characters; ${t.name} accepts up to ${caps.textMaxLength}`,
      });
    }
    const media = content.media;
    if (!media) continue;
    const limit = caps.media[media.kind];
    if (!limit) {
      issues.push({ field: 'content.media.kind', message: `${t.name} cannot send ${media.kind}` });
      continue;
    }
    if (media.caption && media.caption.length > caps.captionMaxLength) {
      issues.push({
        field: 'content.media.caption',
        message: `${media.caption.length} characters; ${t.name} accepts captions up to ${caps.captionMaxLength}`,
      });
    }
    if (!facts || facts instanceof Error) continue;
    if (facts.bytes !== null && facts.bytes > limit.maxBytes) {
      issues.push({
        field: 'content.media',
        message: `${media.kind} of ${mb(facts.bytes)}; ${t.name} accepts up to ${mb(limit.maxBytes)}`,
      });
    }
    if (facts.mimeType && !limit.mimeTypes.includes(facts.mimeType)) {
      issues.push({
        field: 'content.media',
        message: `${facts.mimeType}; ${t.name} accepts ${media.kind} as ${limit.mimeTypes.join(', ')}`,
      });
    }
    if (facts.width !== null && facts.height !== null && limit.maxWidth && limit.maxHeight) {
      if (facts.width > limit.maxWidth || facts.height > limit.maxHeight) {
        issues.push({
          field: 'content.media',
          message: `image of ${facts.width}×${facts.height}; ${t.name} accepts up to ${limit.maxWidth}×${limit.maxHeight}`,
        });
      }
    }
  }
  if (content.template && !transports.some((t) => t.capabilities.templates)) {
    issues.push({
      field: 'content.template',
      message: 'none of the messengers in the audience has templates',
    });
  }
  if (issues.length) {
    throw new TidingsError(
      'INVALID_INPUT',
      `The content does not fit: ${issues.map((i) => i.message).join('; ')}.`,
      { issues },
    );
  }
}
