import type { AddressInfo } from 'node:net';
import {
  createTidings,
  type ForwardEmail,
  sandboxTransport,
  silentLogger,
  type TidingsEvents,
} from '@tidings/core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpNotifier } from '../src/index.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** The body of a single-part mail, quoted-printable or not, as text. */
function bodyOf(raw: string): string {
  const end = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, end);
  const body = raw.slice(end + 4);
  if (!/content-transfer-encoding:\s*quoted-printable/i.test(head)) return body;
  const joined = body.replace(/=\r?\n/g, '');
  return joined.replace(/(=[0-9A-F]{2})+/g, (run) =>
    Buffer.from(run.replace(/=/g, ''), 'hex').toString('utf8'),
  );
}

const header = (raw: string, name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(raw)?.[1]?.trim();

describe('smtpNotifier against a real SMTP server on 127.0.0.1', () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let port = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      onAuth(auth, _session, done) {
        if (auth.username === 'desk' && auth.password === 'letmein') done(null, { user: 'desk' });
        else done(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      },
      onRcptTo(address, _session, done) {
        if (address.address.startsWith('nobody@'))
          done(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
        else done();
      },
      onData(stream, session, done) {
        let raw = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => {
          raw += chunk;
        });
        stream.on('end', () => {
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          received.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const notifier = (pass = 'letmein') =>
    smtpNotifier({
      host: '127.0.0.1',
      port,
      auth: { user: 'desk', pass },
      from: '"Newsroom" <desk@newsroom.test>',
    });

  it('delivers what a "forward email" rule forwards', async () => {
    const email = notifier();
    const sandbox = sandboxTransport();
    const tidings = createTidings({
      transports: [sandbox],
      logger: silentLogger,
      businessName: 'Newsroom',
      forwarding: { email },
    });
    await tidings.start();
    await tidings.rules.set('when keyword "😡" then forward email "support@example.com"');
    await sandbox.simulateInbound({
      from: '+436641234567',
      text: '😡 schon wieder kein Heft!',
      profileName: 'Erika',
    });
    await sandbox.simulateInbound({ from: '+436641234567', text: '😡' });
    await tidings.drain();
    await tidings.stop();
    email.close();

    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail!.from).toBe('desk@newsroom.test');
    expect(mail!.to).toEqual(['support@example.com']);
    expect(header(mail!.raw, 'Subject')).toBe('Newsroom: Message from Erika');
    expect(header(mail!.raw, 'From')).toBe('Newsroom <desk@newsroom.test>');
    const body = bodyOf(mail!.raw);
    expect(body.startsWith('😡\r\n\r\n—\r\nFrom: Erika <+436641234567> on sandbox')).toBe(true);
    expect(body).toContain('Rule: #1 (line 1)');
  });

  it('a refused mailbox or a wrong password fails for good, not retried', async () => {
    const send = (pass: string, to: string) =>
      notifier(pass)
        .send({ to, subject: 'x', text: 'y' } satisfies ForwardEmail, {
          signal: new AbortController().signal,
        })
        .then(
          () => null,
          (error: Error & { permanent?: boolean }) => error,
        );
    expect(await send('letmein', 'nobody@example.com')).toMatchObject({
      permanent: true,
      message: expect.stringContaining('No such mailbox'),
    });
    expect(await send('wrong', 'support@example.com')).toMatchObject({
      permanent: true,
      message: expect.stringContaining('Invalid'),
    });

    const failed: TidingsEvents['forward.failed'][] = [];
    const sandbox = sandboxTransport();
    const email = notifier();
    const tidings = createTidings({ transports: [sandbox], logger: silentLogger, forwarding: { email } });
    tidings.on('forward.failed', (e) => void failed.push(e));
    await tidings.start();
    await tidings.rules.set('when any then forward email nobody@example.com');
    await sandbox.simulateInbound({ from: '+436641234567', text: 'Hallo' });
    await tidings.drain();
    await tidings.stop();
    email.close();
    expect(failed).toEqual([
      expect.objectContaining({ willRetry: false, error: expect.stringContaining('550') }),
    ]);
    expect((await tidings.rules.listForwards({ status: 'failed' })).items).toHaveLength(1);
  });

  it('checks its options, naming the bad one', () => {
    expect(() => smtpNotifier({ host: '', from: 'desk@example.com' })).toThrow(/host/);
  });
});
