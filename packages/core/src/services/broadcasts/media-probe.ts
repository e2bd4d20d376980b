import type { Media } from '../../model/content.js';
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
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      break;
    }
  }
  const head = new Uint8Array(Math.min(size, 64 * 1024));
  let offset = 0;
  for (const chunk of chunks) {
    if (offset >= head.length) break;
    head.set(chunk.subarray(0, head.length - offset), offset);
    offset += chunk.length;
  }
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
