import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FakeGraphError, fakeErrors } from './fake-errors.js';
import { sendMessage, withMetaDefaults } from './fake-send.js';
import type { FakeFault, FakeRequest } from './fake-types.js';
import type { FakeWorld } from './fake-world.js';

/**
 * The fake's HTTP side: `POST /{version}/{phone-number-id}/messages` and `/media`, with the bearer token checked, the
 * body checked against Meta's schema (after Meta's defaults), injected faults, and Meta's envelopes.
 */
export function requestHandler(
  world: FakeWorld,
  accessToken: string,
  takeFault: (phoneNumberId: string, to: string) => FakeFault | undefined,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { openapi } = world;
  const now = () => world.now();
  let traceCounter = 0;

  const answer = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=UTF-8',
      'x-fb-trace-id': `Fake${++traceCounter}`,
      ...headers,
    });
    res.end(text);
  };
  const answerError = (res: ServerResponse, error: FakeGraphError) =>
    answer(
      res,
      error.status,
      error.envelope(`AbC${traceCounter}`),
      error.retryAfterSeconds !== undefined ? { 'retry-after': String(error.retryAfterSeconds) } : {},
    );

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = /^\/v\d+\.\d+\/([^/]+)\/(messages|media)$/.exec(url.pathname);
    const entry: FakeRequest = {
      at: now(),
      path: url.pathname,
      phoneNumberId: match?.[1] ?? null,
      status: 200,
      injected: false,
      schemaErrors: [],
    };
    world.requests.push(entry);
    const fail = (error: FakeGraphError, injected = false) => {
      entry.status = error.status;
      entry.code = error.code;
      entry.injected = injected;
      answerError(res, error);
    };
    if (req.headers.authorization !== `Bearer ${accessToken}`) return fail(fakeErrors.badToken());
    if (req.method === 'GET') return getMedia(url, req.headers.host ?? '127.0.0.1', res, fail);
    if (!match || req.method !== 'POST') {
      return fail(new FakeGraphError(400, 100, 'Unknown path components', url.pathname, 'OAuthException'));
    }
    const number = world.numbers.get(match[1]!);
    if (!number) return fail(fakeErrors.unknownNumber(match[1]!));
    if (match[2] === 'media') return uploadMedia(req, raw, res, entry, fail);

    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      return fail(fakeErrors.invalidParameter('The request body is not JSON.'));
    }
    const filled = withMetaDefaults(body);
    entry.schemaErrors = openapi?.messageRequest(filled) ?? [];
    if (entry.schemaErrors.length > 0)
      return fail(fakeErrors.invalidParameter(entry.schemaErrors.join('; ')));
    const to = String(body.to ?? body.recipient ?? '').replace(/^\+/, '');
    if (to) entry.to = to;
    const fault = body.status === 'read' ? undefined : takeFault(number.phoneNumberId, to);
    if (fault?.kind === 'drop') {
      entry.status = 0;
      entry.injected = true;
      res.destroy();
      return;
    }
    if (fault?.kind === 'server-error') return fail(fakeErrors.server(fault.status ?? 500), true);
    const result = sendMessage(world, number, body, fault);
    if ('error' in result) return fail(result.error, result.injected);
    answer(res, 200, result.body);
  };

  const uploadMedia = async (
    req: IncomingMessage,
    raw: Buffer,
    res: ServerResponse,
    entry: FakeRequest,
    fail: (e: FakeGraphError) => void,
  ) => {
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(raw), {
        headers: { 'content-type': req.headers['content-type'] ?? '' },
      }).formData();
    } catch {
      return fail(fakeErrors.invalidParameter('The upload is not multipart/form-data.'));
    }
    if (form.get('messaging_product') !== 'whatsapp') {
      entry.schemaErrors = ['messaging_product must be "whatsapp"'];
      return fail(fakeErrors.invalidParameter('messaging_product must be "whatsapp"'));
    }
    const file = form.get('file');
    if (!(file instanceof Blob) || file.size === 0)
      return fail(fakeErrors.invalidParameter('file is required'));
    const id = String(4_490_709_327_384_033 + world.media.size);
    const type = form.get('type');
    world.media.set(id, {
      bytes: new Uint8Array(await file.arrayBuffer()),
      mimeType: typeof type === 'string' && type ? type : file.type,
    });
    answer(res, 200, { id });
  };

  /** `GET /{version}/{media-id}` → metadata with a download URL; `GET <url>` (with the token) → the bytes. */
  const getMedia = (url: URL, host: string, res: ServerResponse, fail: (e: FakeGraphError) => void) => {
    const download = /^\/media-download\/(\d+)$/.exec(url.pathname);
    const meta = /^\/v\d+\.\d+\/(\d+)$/.exec(url.pathname);
    const id = download?.[1] ?? meta?.[1];
    const media = id === undefined ? undefined : world.media.get(id);
    if (!media) return fail(fakeErrors.unknownNumber(id ?? url.pathname));
    if (download) {
      res.writeHead(200, { 'content-type': media.mimeType, 'content-length': media.bytes.length });
      res.end(media.bytes);
      return;
    }
    answer(res, 200, {
      messaging_product: 'whatsapp',
      url: `http://${host}/media-download/${id}`,
      mime_type: media.mimeType,
      sha256: createHash('sha256').update(media.bytes).digest('hex'),
      file_size: media.bytes.length,
      id,
    });
  };

  return handle;
}
