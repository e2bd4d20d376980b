import type { Broadcast, BroadcastStats, TransportCapabilities } from '@tidings/core';

export type {
  Agent,
  Broadcast,
  BroadcastFunnel,
  BroadcastStats,
  CannedAnswer,
  Channel,
  ConsentEntry,
  ConsentStats,
  Contact,
  Conversation,
  Explanation,
  Message,
  Page,
  PreflightReport,
  RuleIssue,
  RuleSetView,
} from '@tidings/core';

export interface BroadcastView {
  broadcast: Broadcast;
  stats: BroadcastStats;
}

export interface TransportView {
  name: string;
  capabilities: TransportCapabilities;
  senders: { id: string; display: string }[];
}

/** The demo's sandboxes stand in for these messengers. */
export const messengerOf: Record<string, string> = {
  sandbox: 'WhatsApp (sandbox)',
  'sandbox-telegram': 'Telegram (sandbox)',
  'sandbox-messenger': 'Messenger (sandbox)',
  telegram: 'Telegram',
};

export const messenger = (transport: string) => messengerOf[transport] ?? transport;

export const when = (ms: number | null) => (ms === null ? '—' : new Date(ms).toLocaleString());
