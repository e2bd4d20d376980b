import type {
  Broadcast,
  Channel,
  ConsentEntry,
  Contact,
  Content,
  Delivery,
  Message,
  OptinToken,
} from '@tidings/core';

/** A row as the driver returns it. */
export type Row = Record<string, unknown>;

// node-postgres returns bigint and numeric as strings, PGlite as numbers: both become numbers here.
const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string => v as string;
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : (v as string));

/** Content goes to jsonb; media bytes are kept as base64 so they survive the trip. */
export function encodeContent(content: Content): unknown {
  const bytes = content.media?.bytes;
  if (!bytes) return content;
  return {
    ...content,
    media: { ...content.media, bytes: { base64: Buffer.from(bytes).toString('base64') } },
  };
}

export function decodeContent(value: unknown): Content {
  const content = value as Content & { media?: { bytes?: unknown } };
  const bytes = content.media?.bytes as { base64?: string } | undefined;
  if (!bytes?.base64 || !content.media) return content;
  return {
    ...content,
    media: { ...content.media, bytes: new Uint8Array(Buffer.from(bytes.base64, 'base64')) },
  };
}

export const toContact = (r: Row): Contact => ({
  id: str(r.id),
  workspaceId: str(r.workspace_id),
  transport: str(r.transport),
  address: str(r.address),
  phone: strOrNull(r.phone),
  name: strOrNull(r.name),
  locale: strOrNull(r.locale),
  senderId: str(r.sender_id),
  state: r.state as Contact['state'],
  blockedAt: numOrNull(r.blocked_at),
  blockedReason: strOrNull(r.blocked_reason),
  attributes: (r.attributes ?? {}) as Record<string, string>,
  tags: (r.tags ?? []) as string[],
  createdAt: num(r.created_at),
  updatedAt: num(r.updated_at),
  lastInboundAt: numOrNull(r.last_inbound_at),
  ...(r.assignee ? { assignee: str(r.assignee) } : {}),
});

/** The columns {@link toContact} reads (not the inbox's). */
export const CONTACT_COLUMNS = `id, workspace_id, transport, address, phone, name, locale, sender_id, state, blocked_at,
  blocked_reason, attributes, tags, created_at, updated_at, last_inbound_at, assignee`;

export const toChannel = (r: Row): Channel => ({
  id: str(r.id),
  workspaceId: str(r.workspace_id),
  slug: str(r.slug),
  name: str(r.name),
  description: strOrNull(r.description),
  keywords: r.keywords as string[],
  welcome: strOrNull(r.welcome),
  active: r.active as boolean,
  isDefault: r.is_default as boolean,
  createdAt: num(r.created_at),
  updatedAt: num(r.updated_at),
});

export const toEntry = (r: Row): ConsentEntry => ({
  id: str(r.id),
  workspaceId: str(r.workspace_id),
  contactId: strOrNull(r.contact_id),
  transport: str(r.transport),
  address: strOrNull(r.address),
  at: num(r.at),
  action: r.action as ConsentEntry['action'],
  method: r.method as ConsentEntry['method'],
  channels: r.channels as string[],
  noticeText: strOrNull(r.notice_text),
  senderId: strOrNull(r.sender_id),
  messageId: strOrNull(r.message_id),
  detail: strOrNull(r.detail),
});

export const toToken = (r: Row): OptinToken => ({
  token: str(r.token),
  workspaceId: str(r.workspace_id),
  transport: str(r.transport),
  senderId: str(r.sender_id),
  contactId: strOrNull(r.contact_id),
  address: strOrNull(r.address),
  channels: r.channels as string[],
  locale: strOrNull(r.locale),
  method: r.method as OptinToken['method'],
  noticeText: strOrNull(r.notice_text),
  createdAt: num(r.created_at),
  expiresAt: num(r.expires_at),
  usedAt: numOrNull(r.used_at),
  usedByContactId: strOrNull(r.used_by_contact_id),
  revokedAt: numOrNull(r.revoked_at),
});

export const toMessage = (r: Row): Message => ({
  id: str(r.id),
  workspaceId: str(r.workspace_id),
  contactId: str(r.contact_id),
  transport: str(r.transport),
  senderId: str(r.sender_id),
  direction: r.direction as Message['direction'],
  kind: r.kind as Message['kind'],
  purpose: strOrNull(r.purpose) as Message['purpose'],
  content: decodeContent(r.content),
  providerMessageId: strOrNull(r.provider_message_id),
  status: r.status as Message['status'],
  error: strOrNull(r.error),
  at: num(r.at),
  inReplyTo: strOrNull(r.in_reply_to),
  broadcastId: strOrNull(r.broadcast_id),
  ...(r.agent_id ? { agentId: str(r.agent_id) } : {}),
});

export const toBroadcast = (r: Row): Broadcast => ({
  id: str(r.id),
  workspaceId: str(r.workspace_id),
  name: strOrNull(r.name),
  status: r.status as Broadcast['status'],
  content: decodeContent(r.content) as Broadcast['content'],
  audience: r.audience as Broadcast['audience'],
  scheduledAt: numOrNull(r.scheduled_at),
  tracking: r.tracking as Broadcast['tracking'],
  referenceId: strOrNull(r.reference_id),
  spreadMs: num(r.spread_ms),
  fanout: {
    cursor: strOrNull(r.fanout_cursor),
    done: r.fanout_done as boolean,
    total: num(r.fanout_total),
    leaseUntil: numOrNull(r.fanout_lease_until),
  },
  createdAt: num(r.created_at),
  updatedAt: num(r.updated_at),
  startedAt: numOrNull(r.started_at),
  completedAt: numOrNull(r.completed_at),
  cancelledCount: num(r.cancelled_count),
});

export const LANE = { priority: 0, bulk: 1 } as const;

export const toDelivery = (r: Row): Delivery => ({
  id: String(r.id),
  workspaceId: str(r.workspace_id),
  broadcastId: strOrNull(r.broadcast_id),
  messageId: strOrNull(r.message_id),
  contactId: str(r.contact_id),
  transport: str(r.transport),
  senderId: str(r.sender_id),
  address: str(r.address),
  lane: num(r.lane) === LANE.priority ? 'priority' : 'bulk',
  purpose: r.purpose as Delivery['purpose'],
  inReplyTo: strOrNull(r.in_reply_to),
  attempts: num(r.attempts),
  notBefore: num(r.not_before),
  slotAt: numOrNull(r.slot_at),
  useTemplate: r.use_template as boolean,
  leaseOwner: strOrNull(r.lease_owner),
  leaseUntil: numOrNull(r.lease_until),
  lastError: strOrNull(r.last_error),
  createdAt: num(r.created_at),
});
