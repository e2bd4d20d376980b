const fixedBodies = new WeakMap<Response, Uint8Array>();
const encoder = new TextEncoder();

/**
 * A Response whose whole body is known up front (a small JSON answer): an adapter may write it in one go
 * (see `fixedBodyOf`) instead of piping its stream.
 */
export function fixedResponse(body: string, init: ResponseInit): Response {
  const bytes = encoder.encode(body);
  const response = new Response(bytes, init);
  fixedBodies.set(response, bytes);
  return response;
}

/** The bytes of a `fixedResponse` whose body nobody has touched; `undefined` for any other Response. */
export function fixedBodyOf(response: Response): Uint8Array | undefined {
  const bytes = fixedBodies.get(response);
  if (!bytes || response.bodyUsed || response.body?.locked) return undefined;
  return bytes;
}
