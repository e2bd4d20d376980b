import type { ServerResponse } from 'node:http';

/** A server-sent event stream to one client. */
export interface EventStream {
  send(id: string, data: unknown): void;
  /** Runs `cleanup` once, when the client goes away or the server closes the connection. */
  onClose(cleanup: () => void): void;
}

/** Idle proxies and browsers drop quiet connections; a comment line now and then keeps the stream open. */
const heartbeatMs = 20_000;

/** Answers with `text/event-stream` and writes a first comment at once, so the client knows it is listening. */
export function openEventStream(res: ServerResponse): EventStream {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // Reverse proxies such as nginx would otherwise hold events back in a buffer.
    'x-accel-buffering': 'no',
  });
  res.write(': listening\nretry: 2000\n\n');
  const heartbeat = setInterval(() => res.write(': ping\n\n'), heartbeatMs);
  heartbeat.unref();
  const cleanups: (() => void)[] = [() => clearInterval(heartbeat)];
  let closed = res.destroyed;
  res.once('close', () => {
    closed = true;
    for (const cleanup of cleanups.splice(0)) cleanup();
  });
  return {
    send(id, data) {
      if (!closed) res.write(`id: ${id}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    onClose(cleanup) {
      if (closed) cleanup();
      else cleanups.push(cleanup);
    },
  };
}
