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

export function deliveryRow(
  workspaceId: string,
  contactId: string,
  overrides: Partial<import('../model/delivery.js').NewDelivery> = {},
): import('../model/delivery.js').NewDelivery {
  return {
    workspaceId,
    broadcastId: null,
    messageId: null,
    contactId,
    transport: 'sandbox',
    senderId: 'sandbox',
    address: '+4915100000000',
    lane: 'bulk',
    purpose: 'broadcast',
    inReplyTo: null,
    attempts: 0,
    notBefore: T0,
    slotAt: null,
    useTemplate: false,
    lastError: null,
    createdAt: T0,
    ...overrides,
  };
}

export function broadcastRow(
  workspaceId: string,
  overrides: Partial<import('../model/broadcast.js').NewBroadcast> = {},
): import('../model/broadcast.js').NewBroadcast {
  return {
    workspaceId,
    name: null,
    status: 'sending',
    content: { text: 'hello' },
    audience: {},
    scheduledAt: T0,
    tracking: 'off',
    referenceId: null,
    spreadMs: 0,
    fanout: { cursor: null, done: false, total: 0, leaseUntil: null },
    createdAt: T0,
    updatedAt: T0,
    startedAt: null,
    completedAt: null,
    cancelledCount: 0,
    ...overrides,
  };
}

export function channelRow(
  workspaceId: string,
  slug: string,
  overrides: Partial<import('../model/channel.js').NewChannel> = {},
): import('../model/channel.js').NewChannel {
  return {
    workspaceId,
    slug,
    name: slug.toUpperCase(),
    description: null,
    keywords: [],
    welcome: null,
    active: true,
    isDefault: true,
    ...overrides,
  };
}
