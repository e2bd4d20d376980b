import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake was sent: headers and the parsed JSON body. */
export interface WebsmsRequest {
  authorization: string | undefined;
  body: Record<string, unknown>;
}

/** A planned answer: websms' statusCode (2000 OK), and the HTTP status (200 unless given). */
export interface WebsmsAnswer {
  statusCode: number;
  statusMessage: string;
  http?: number;
}

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      data += chunk;
    });
    req.on('end', () => resolve(data));
  });

/**
 * A local fake of websms' REST endpoint `POST /rest/smsmessaging/text` on 127.0.0.1: Bearer token, JSON with
 * `recipientAddressList` (MSISDNs without plus) and `messageContent`; answers `{ statusCode, statusMessage,
 * transferId }` as websms does. Anything else gets the error websms would give.
 */
export async function fakeWebsms(token: string) {
  const requests: WebsmsRequest[] = [];
  const plan: WebsmsAnswer[] = [];
  let transfers = 0;
  const server = createServer(async (req, res) => {
    const answer = (http: number, body: Record<string, unknown>) => {
      res.writeHead(http, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== '/rest/smsmessaging/text')
      return answer(404, { statusCode: 4000, statusMessage: 'not found' });
    if (req.headers.authorization !== `Bearer ${token}`)
      return answer(401, { statusCode: 4001, statusMessage: 'invalid credentials' });
    if (!req.headers['content-type']?.startsWith('application/json'))
      return answer(415, { statusCode: 4000, statusMessage: 'JSON only' });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(await read(req)) as Record<string, unknown>;
    } catch {
      return answer(400, { statusCode: 4000, statusMessage: 'malformed JSON' });
    }
    requests.push({ authorization: req.headers.authorization, body });
    const recipients = body.recipientAddressList;
    if (!Array.isArray(recipients) || !recipients.every((r) => /^[1-9]\d{6,14}$/.test(String(r))))
      return answer(200, { statusCode: 4002, statusMessage: 'invalid recipient' });
    if (typeof body.messageContent !== 'string' || body.messageContent === '')
      return answer(200, { statusCode: 4019, statusMessage: 'parameter missing: messageContent' });
    const next = plan.shift() ?? { statusCode: 2000, statusMessage: 'OK' };
    const accepted = next.statusCode === 2000 || next.statusCode === 2001;
    answer(next.http ?? 200, {
      statusCode: next.statusCode,
      statusMessage: next.statusMessage,
      ...(accepted ? { transferId: `tr-${++transfers}`, smsCount: 1 } : {}),
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    plan,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
