import type { Media } from '../../model/content.js';
import { readCapped } from '../../streams/read-capped.js';
import { imageSize } from './image-size.js';

/** What is known about a piece of media before anything is queued. */
export interface MediaFacts {
  bytes: number | null;
  mimeType: string | null;
  width: number | null;
  height: number | null;
}

/**
 * Measures media given as bytes, or fetches media given by URL (at most `maxBytes + 1` bytes are read) to learn
 * its size, type and — for images — dimensions. Media already on the platform (`providerMediaId`) is not probed.
 */
export async function probeMedia(media: Media, maxBytes: number, fetchFn: typeof fetch): Promise<MediaFacts> {
  if (media.bytes) return facts(media.bytes, media.bytes.length, media.mimeType ?? null);
  if (!media.url) return { bytes: null, mimeType: media.mimeType ?? null, width: null, height: null };
  const response = await fetchFn(media.url, { signal: AbortSignal.timeout(15_000) });
  if (!response.ok || !response.body) throw new Error(`fetching ${media.url} answered ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  const mimeType = media.mimeType ?? response.headers.get('content-type')?.split(';')[0]?.trim() ?? null;
  // One byte past the largest limit is enough to know the media is too large.
  const { bytes, truncated } = await readCapped(response.body, maxBytes + 1);
  const size = truncated ? maxBytes + 2 : bytes.length;
  const head = bytes.subarray(0, 64 * 1024);
  return facts(head, Number.isFinite(declared) ? Math.max(declared, size) : size, mimeType);
}

function facts(head: Uint8Array, bytes: number, mimeType: string | null): MediaFacts {
  const image = imageSize(head);
  return {
    bytes,
    mimeType: image?.type ?? mimeType,
    width: image?.width ?? null,
    height: image?.height ?? null,
  };
}
