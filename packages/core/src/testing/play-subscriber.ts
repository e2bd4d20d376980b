import type { SandboxTransport } from '../sandbox/sandbox-transport.js';
import type { SandboxSentMessage } from '../sandbox/sandbox-types.js';

/** A subscriber on a sandbox phone: writes, and reads what arrived. */
export interface PlayedSubscriber {
  readonly address: string;
  send(text: string, extra?: { startPayload?: string; id?: string }): Promise<void>;
  /** Texts received so far, oldest first. */
  texts(): string[];
  /** Texts received since the last call of `newTexts` (or since the start). */
  newTexts(): string[];
  received(): SandboxSentMessage[];
}

/**
 * @example
 * const ada = playSubscriber(sandbox, '+4915112345678');
 * await ada.send('START');
 * expect(ada.newTexts()).toEqual(['Welcome!']);
 */
export function playSubscriber(sandbox: SandboxTransport, address: string): PlayedSubscriber {
  let seen = 0;
  const received = () => sandbox.messagesTo(address);
  const texts = () => received().map((m) => m.content.text ?? m.content.media?.caption ?? '');
  return {
    address,
    async send(text, extra = {}) {
      await sandbox.simulateInbound({ from: address, text, ...extra });
    },
    texts,
    newTexts() {
      const all = texts();
      const fresh = all.slice(seen);
      seen = all.length;
      return fresh;
    },
    received,
  };
}
