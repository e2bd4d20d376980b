const noHeaders: Readonly<Record<string, string>> = Object.freeze({});

/** CORS for the widget's origins. Only listed origins (or `*`) get the headers. */
export function corsHeaders(request: Request, origins: readonly string[]): Readonly<Record<string, string>> {
  // No origins configured (the usual webhook-only setup): the request's headers are not even looked at.
  if (origins.length === 0) return noHeaders;
  const origin = request.headers.get('origin');
  if (!origin) return noHeaders;
  const allowed = origins.includes('*') ? '*' : origins.includes(origin) ? origin : null;
  if (!allowed) return noHeaders;
  return {
    'access-control-allow-origin': allowed,
    'access-control-expose-headers': 'retry-after',
    ...(allowed === '*' ? {} : { vary: 'origin' }),
  };
}

export function preflight(request: Request, origins: readonly string[]): Response {
  const headers = corsHeaders(request, origins);
  if (!headers['access-control-allow-origin']) return new Response(null, { status: 403 });
  return new Response(null, {
    status: 204,
    headers: {
      ...headers,
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': 'content-type',
      'access-control-max-age': '600',
    },
  });
}

export function withHeaders(response: Response, headers: Readonly<Record<string, string>>): Response {
  // Nothing to add leaves the response's headers untouched (a fixed response then never builds its Headers).
  if (headers === noHeaders) return response;
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
