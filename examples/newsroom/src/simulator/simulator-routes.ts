import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxSentMessage, SandboxTransport } from '@tidings/core';
import { sendJson, sendProblem } from '../responses.js';
import { openEventStream } from './event-stream.js';
import { isE164, phoneFromQuery } from './phone-address.js';
import { toSimMessage } from './sim-message.js';

export type SimRoute = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

/** The phone's address from `?address=`, or null after answering 422. */
function addressOf(res: ServerResponse, url: URL): string | null {
  const address = phoneFromQuery(url, 'address');
  if (address !== null && isE164(address)) return address;
  sendProblem(res, 422, {
    title: 'Unprocessable Content',
    detail: 'Give the phone number in international format (E.164), e.g. +4915112345678.',
    errors: [{ field: 'address', message: address === null ? 'required' : 'not in E.164 format' }],
  });
  return null;
}

/** After a dropped connection the browser reconnects with the last id it saw: what came after it. */
function missedSince(
  history: SandboxSentMessage[],
  lastSeen: string | string[] | undefined,
): SandboxSentMessage[] {
  const index = history.findIndex((m) => m.providerMessageId === lastSeen);
  return index >= 0 ? history.slice(index + 1) : [];
}

/**
 * What the phone simulator reads: the history of one simulated phone, and a live stream of what the sandbox
 * sends to it from now on (F42). Both only read the sandbox; writing goes through Tidings' own webhook.
 */
export function simulatorRoutes(sandbox: SandboxTransport): Record<string, SimRoute> {
  return {
    '/sim/messages': (_req, res, url) => {
      const address = addressOf(res, url);
      if (address) sendJson(res, 200, { address, messages: sandbox.messagesTo(address).map(toSimMessage) });
    },
    '/sim/events': (req, res, url) => {
      const address = addressOf(res, url);
      if (!address) return;
      const stream = openEventStream(res);
      for (const missed of missedSince(sandbox.messagesTo(address), req.headers['last-event-id'])) {
        stream.send(missed.providerMessageId, toSimMessage(missed));
      }
      const stop = sandbox.onSent((message) => {
        if (message.to === address) stream.send(message.providerMessageId, toSimMessage(message));
      });
      stream.onClose(stop);
    },
  };
}
