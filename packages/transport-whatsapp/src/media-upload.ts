import type { Media } from '@tidings/core';
import type { GraphApi, GraphResult } from './graph-api.js';

/** Uploads bytes to `/{phone-number-id}/media` (multipart: `file`, `type`, `messaging_product`) → the media id. */
export function uploadMedia(
  api: GraphApi,
  phoneNumberId: string,
  file: { bytes: Uint8Array; mimeType: string; filename?: string },
  signal?: AbortSignal,
): Promise<GraphResult<{ id: string }>> {
  const form = new FormData();
  form.set('messaging_product', 'whatsapp');
  form.set('type', file.mimeType);
  const blob = new Blob([new Uint8Array(file.bytes)], { type: file.mimeType });
  form.set('file', blob, file.filename ?? `upload${extension(file.mimeType)}`);
  return api.post<{ id: string }>(`${phoneNumberId}/media`, form, signal);
}

/** Media with bytes but no id yet needs an upload first. */
export function needsUpload(media: Media | undefined): media is Media & { bytes: Uint8Array } {
  return media !== undefined && !media.providerMediaId && !media.url && media.bytes !== undefined;
}

function extension(mimeType: string): string {
  const sub = mimeType.split('/')[1];
  return sub ? `.${sub.replace('jpeg', 'jpg').replace('mpeg', 'mp3')}` : '';
}
