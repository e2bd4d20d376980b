/** Details of the events the element dispatches (they bubble and cross shadow roots). */
export interface TidingsOptinEventMap {
  /** The first step is shown and usable: channels and messengers have loaded. */
  'tidings-ready': CustomEvent<{ transports: string[] }>;
  /** A sign-up was accepted and waits for the subscriber's message. */
  'tidings-pending': CustomEvent<{ transport: string; expiresAt: string }>;
  /** The subscriber confirmed; `channels` are the channels they are in now. */
  'tidings-confirmed': CustomEvent<{ transport: string; channels: { slug: string; name: string }[] }>;
  'tidings-expired': CustomEvent<{ transport: string }>;
}
