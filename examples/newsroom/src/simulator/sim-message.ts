import type { SandboxSentMessage } from '@tidings/core';

/** What the phone simulator shows of a message the sandbox delivered. */
export interface SimMessage {
  /** The sandbox's message id; the page drops what it already shows by it. */
  id: string;
  text: string;
  at: number;
  purpose: SandboxSentMessage['purpose'];
}

export function toSimMessage(message: SandboxSentMessage): SimMessage {
  const { content } = message;
  // The demo sends only text; media is named rather than shown, which is all a simulator needs.
  const text = content.text ?? content.media?.caption ?? `[${content.media?.kind ?? 'empty message'}]`;
  return { id: message.providerMessageId, text, at: message.at, purpose: message.purpose };
}
