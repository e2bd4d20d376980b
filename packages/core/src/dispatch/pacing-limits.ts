import type { TransportCapabilities } from '../ports/transport.js';

/** The pacing a transport is sent at: its declared defaults, lowered (or raised) by options (F19). */
export interface PacingLimits {
  perSenderPerSecond: number;
  perRecipientGapMs: number;
  dailyUniqueRecipients: number | null;
}

export type PacingOverrides = { [K in keyof PacingLimits]?: PacingLimits[K] | undefined };

export function limitsFor(
  capabilities: TransportCapabilities,
  overrides: PacingOverrides = {},
): PacingLimits {
  return {
    perSenderPerSecond: overrides.perSenderPerSecond ?? capabilities.perSenderPerSecond,
    perRecipientGapMs: overrides.perRecipientGapMs ?? capabilities.perRecipientGapMs,
    dailyUniqueRecipients:
      overrides.dailyUniqueRecipients !== undefined
        ? overrides.dailyUniqueRecipients
        : capabilities.dailyUniqueRecipients,
  };
}
