import type { Media, TemplateContent } from './content.js';

/** A WhatsApp-style approved template: the body for recipients outside the 24-hour window (F24). */
/** Body parameters in order; placeholders such as `{name}` are filled per recipient. */
export type Template = TemplateContent;

export interface BroadcastContent {
  text?: string;
  media?: Media;
  template?: Template;
}

/** Who gets a broadcast (F16). All given parts must hold; an empty audience is everyone. */
export interface Audience {
  /** Subscribed to at least one of these channel slugs. */
  channels?: string[];
  /** Only these contact ids. */
  contacts?: string[];
  /** Only contacts on these messengers. */
  transports?: string[];
  /** Only contacts of these sender accounts. */
  senders?: string[];

  /** Attributes that must equal these values. */
  attributes?: Record<string, string>;
  /** The outcome of an earlier broadcast for the contact. */
  outcome?: { broadcastId: string; is: 'not-delivered' | 'not-read' | 'clicked' | 'delivered' | 'read' };
}

export type BroadcastStatus = 'draft' | 'scheduled' | 'sending' | 'paused' | 'completed' | 'cancelled';
export type LinkTracking = 'off' | 'anonymous' | 'individual';

export interface Broadcast {
  id: string;
  workspaceId: string;
  name: string | null;
  status: BroadcastStatus;
  content: BroadcastContent;
  audience: Audience;
  /** When it starts sending; null for a draft. */
  scheduledAt: number | null;
  tracking: LinkTracking;
  /** A short id appended to the text for support tracing (F23); null when off. */
  referenceId: string | null;
  /** Each delivery is due at a random moment within this spread after the start (F19); 0 sends at once. */
  spreadMs: number;

  /** Fan-out progress: the audience is turned into deliveries in chunks that resume after a crash. */
  fanout: { cursor: string | null; done: boolean; total: number; leaseUntil: number | null };
  createdAt: number;
  updatedAt: number;
  startedAt: number | null;
  completedAt: number | null;
  /** Deliveries dropped by a cancel before they were sent. */
  cancelledCount: number;
}

export type NewBroadcast = Omit<Broadcast, 'id'>;
export type BroadcastPatch = Partial<
  Pick<
    Broadcast,
    | 'name'
    | 'status'
    | 'content'
    | 'audience'
    | 'scheduledAt'
    | 'tracking'
    | 'referenceId'
    | 'spreadMs'
    | 'fanout'
    | 'startedAt'
    | 'completedAt'
    | 'cancelledCount'
  >
>;
