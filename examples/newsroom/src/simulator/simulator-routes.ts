import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxSentMessage, SandboxTransport } from '@tidings/core';
import { sendJson, sendProblem } from '../responses.js';
import { openEventStream } from './event-stream.js';
import { isAddress, phoneFromQuery } from './phone-address.js';
import { toSimMessage } from './sim-message.js';

export type SimRoute = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

/** The sandbox named by `?transport=` (default: the phone one), or null after answering 422. */
function sandboxOf(res: ServerResponse, url: URL, sandboxes: readonly SandboxTransport[]) {
  const name = url.searchParams.get('transport') ?? sandboxes[0]!.name;
  const sandbox = sandboxes.find((s) => s.name === name);
  if (sandbox) return sandbox;
  sendProblem(res, 422, {
    title: 'Unprocessable Content',
    detail: `No sandbox "${name}". Try ${sandboxes.map((s) => s.name).join(', ')}.`,
    errors: [{ field: 'transport', message: 'unknown sandbox' }],
  });
  return null;
}

/** The phone's (or chat's) address from `?address=`, or null after answering 422. */
function addressOf(res: ServerResponse, url: URL, sandbox: SandboxTransport): string | null {
  const address = phoneFromQuery(url, 'address');
  const kind = sandbox.capabilities.addressKind;
  if (address !== null && isAddress(address, kind)) return address;
  sendProblem(res, 422, {
    title: 'Unprocessable Content',
    detail:
      kind === 'phone'
        ? 'Give the phone number in international format (E.164), e.g. +4915112345678.'
        : 'Give the chat id: up to 64 letters, digits and _ . : -',
    errors: [
      {
        field: 'address',
        message: address === null ? 'required' : kind === 'phone' ? 'not in E.164 format' : 'not a chat id',
      },
    ],
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
 * What the phone simulator reads (`?transport=` picks the sandbox): the history of one simulated phone, and a live stream of what the sandbox
 * sends to it from now on (F42). Both only read the sandbox; writing goes through Tidings' own webhook.
 */
export function simulatorRoutes(sandboxes: readonly SandboxTransport[]): Record<string, SimRoute> {
  return {
    '/sim/messages': (_req, res, url) => {
      const sandbox = sandboxOf(res, url, sandboxes);
      const address = sandbox && addressOf(res, url, sandbox);
      if (address) sendJson(res, 200, { address, messages: sandbox.messagesTo(address).map(toSimMessage) });
    },
    '/sim/events': (req, res, url) => {
      const sandbox = sandboxOf(res, url, sandboxes);
      const address = sandbox && addressOf(res, url, sandbox);
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
