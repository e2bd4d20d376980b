import { nanoid } from 'nanoid';
import type { NewConsentEntry } from '../model/consent.js';
import type { NewMessage } from '../model/message.js';
import type { OptinToken } from '../model/optin-token.js';
import type { NewContactInput } from '../ports/store.js';

export const T0 = Date.parse('2026-06-01T10:00:00Z');

/** A fresh workspace per test, so suites can share one database without colliding. */
export const freshWorkspace = () => `ws-${nanoid(10)}`;

export function contactInput(
  workspaceId: string,
  address: string,
  overrides: Partial<NewContactInput> = {},
): NewContactInput {
  return {
    workspaceId,
    transport: 'sandbox',
    address,
    phone: address.startsWith('+') ? address : null,
    name: null,
    locale: 'de',
    state: 'pending',
    blockedAt: null,
    blockedReason: null,
    attributes: {},
    tags: [],
    lastInboundAt: null,
    ...overrides,
  };
}

export function ledgerLine(
  workspaceId: string,
  contactId: string | null,
  overrides: Partial<NewConsentEntry> = {},
): NewConsentEntry {
  return {
    workspaceId,
    contactId,
    transport: 'sandbox',
    address: null,
    at: T0,
    action: 'requested',
    method: 'widget',
    channels: [],
    noticeText: null,
    senderId: null,
    messageId: null,
    detail: null,
    ...overrides,
  };
}

export function tokenRow(workspaceId: string, overrides: Partial<OptinToken> = {}): OptinToken {
  return {
    token: nanoid(20)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, 'x'),
    workspaceId,
    transport: 'sandbox',
    senderId: 'sandbox',
    contactId: null,
    address: null,
    channels: ['news'],
    locale: 'de',
    method: 'widget',
    noticeText: 'notice',
    createdAt: T0,
    expiresAt: T0 + 60_000,
    usedAt: null,
    usedByContactId: null,
    revokedAt: null,
    ...overrides,
  };
}

export function messageRow(
  workspaceId: string,
  contactId: string,
  overrides: Partial<NewMessage> = {},
): NewMessage {
  return {
    workspaceId,
    contactId,
    transport: 'sandbox',
    senderId: 'sandbox',
    direction: 'in',
    kind: 'message',
    purpose: null,
    content: { text: 'hello' },
    providerMessageId: `pm-${nanoid(8)}`,
    status: 'received',
    error: null,
    at: T0,
    inReplyTo: null,
    broadcastId: null,
    ...overrides,
  };
}
