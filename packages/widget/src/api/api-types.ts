import type { ChannelInfo } from '../config/channels.js';
import type { ServerTransport } from '../config/transports.js';

/** `GET {endpoint}/channels?lang=` */
export interface ChannelsResponse {
  channels: ChannelInfo[];
  /** The consent notice in the asked language; the server records this very text with the sign-up. */
  notice: string;
  transports: ServerTransport[];
}

/** The body of `POST {endpoint}/optin`. */
export interface OptinRequest {
  transport: string;
  phone?: string;
  country?: string;
  channels: string[];
  locale: string;
  /** The honeypot: people leave it empty. */
  website: string;
}

/** `202` from `POST {endpoint}/optin`: the same for a new number and a known one. */
export interface OptinStarted {
  status: 'pending';
  token: string;
  expiresAt: string;
  transport: string;
  phone: string | null;
  /** The sender account to save, as shown to people (a phone number or a bot's name). */
  sender: string;
  /** The deep link that carries the token. */
  link: string;
  /** The prepared message, when the messenger pre-fills one. */
  text: string | null;
  /** What the QR code encodes. */
  qr: string;
  channels: string[];
  notice: string;
}

/** `GET {endpoint}/optin/:token` */
export interface OptinStatus {
  status: 'pending' | 'confirmed' | 'expired';
  expiresAt: string;
  channels: { slug: string; name: string }[];
}

/** One bad field of an RFC 9457 problem body: `phone`, `channels.0`, … */
export interface FieldIssue {
  field: string;
  message: string;
}
