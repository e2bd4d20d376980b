/**
 * The first schema. Times are milliseconds since the epoch as `double precision` (pacing slots can fall between
 * milliseconds). Every table carries `workspace_id` (F43); `seq` columns give stable orders for cursors.
 */
export const initialSchema = `
CREATE TABLE contacts (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  workspace_id text NOT NULL,
  transport text NOT NULL,
  address text NOT NULL,
  phone text,
  name text,
  locale text,
  sender_id text NOT NULL,
  state text NOT NULL,
  blocked_at double precision,
  blocked_reason text,
  attributes jsonb NOT NULL DEFAULT '{}',
  tags text[] NOT NULL DEFAULT '{}',
  created_at double precision NOT NULL,
  updated_at double precision NOT NULL,
  last_inbound_at double precision,
  UNIQUE (workspace_id, transport, address)
);
CREATE INDEX contacts_order ON contacts (workspace_id, seq);
CREATE INDEX contacts_sender ON contacts (workspace_id, transport, sender_id);

CREATE TABLE consent_ledger (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  workspace_id text NOT NULL,
  contact_id text,
  transport text NOT NULL,
  address text,
  at double precision NOT NULL,
  action text NOT NULL,
  method text NOT NULL,
  channels text[] NOT NULL,
  notice_text text,
  sender_id text,
  message_id text,
  detail text
);
CREATE INDEX consent_ledger_contact ON consent_ledger (workspace_id, contact_id, seq);
CREATE INDEX consent_ledger_address ON consent_ledger (workspace_id, transport, address);

CREATE TABLE channels (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  workspace_id text NOT NULL,
  slug text NOT NULL,
  name text NOT NULL,
  description text,
  keywords text[] NOT NULL,
  welcome text,
  active boolean NOT NULL,
  is_default boolean NOT NULL,
  created_at double precision NOT NULL,
  updated_at double precision NOT NULL,
  UNIQUE (workspace_id, slug)
);

CREATE TABLE subscriptions (
  workspace_id text NOT NULL,
  contact_id text NOT NULL,
  channel_id text NOT NULL,
  created_at double precision NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  PRIMARY KEY (workspace_id, contact_id, channel_id)
);
CREATE INDEX subscriptions_channel ON subscriptions (workspace_id, channel_id);

CREATE TABLE optin_tokens (
  workspace_id text NOT NULL,
  token text NOT NULL,
  transport text NOT NULL,
  sender_id text NOT NULL,
  contact_id text,
  address text,
  channels text[] NOT NULL,
  locale text,
  method text NOT NULL,
  notice_text text,
  created_at double precision NOT NULL,
  expires_at double precision NOT NULL,
  used_at double precision,
  used_by_contact_id text,
  revoked_at double precision,
  PRIMARY KEY (workspace_id, token)
);
CREATE INDEX optin_tokens_contact ON optin_tokens (workspace_id, contact_id);

CREATE TABLE messages (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  workspace_id text NOT NULL,
  contact_id text NOT NULL,
  transport text NOT NULL,
  sender_id text NOT NULL,
  direction text NOT NULL,
  kind text NOT NULL,
  purpose text,
  content jsonb NOT NULL,
  provider_message_id text,
  status text NOT NULL,
  error text,
  at double precision NOT NULL,
  in_reply_to text,
  broadcast_id text
);
CREATE INDEX messages_contact ON messages (workspace_id, contact_id, seq);
CREATE UNIQUE INDEX messages_inbound_provider ON messages (workspace_id, transport, provider_message_id)
  WHERE direction = 'in';
CREATE INDEX messages_outbound_provider ON messages (workspace_id, transport, provider_message_id)
  WHERE direction = 'out' AND provider_message_id IS NOT NULL;
CREATE INDEX messages_broadcast ON messages (broadcast_id, contact_id) WHERE broadcast_id IS NOT NULL;

CREATE TABLE rate_limits (
  workspace_id text NOT NULL,
  key text NOT NULL,
  tat double precision NOT NULL,
  PRIMARY KEY (workspace_id, key)
);

CREATE TABLE broadcasts (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  workspace_id text NOT NULL,
  name text,
  status text NOT NULL,
  content jsonb NOT NULL,
  audience jsonb NOT NULL,
  scheduled_at double precision,
  tracking text NOT NULL,
  reference_id text,
  spread_ms double precision NOT NULL,
  fanout_cursor text,
  fanout_done boolean NOT NULL,
  fanout_total integer NOT NULL,
  fanout_lease_until double precision,
  created_at double precision NOT NULL,
  updated_at double precision NOT NULL,
  started_at double precision,
  completed_at double precision,
  cancelled_count integer NOT NULL
);
CREATE INDEX broadcasts_list ON broadcasts (workspace_id, created_at DESC, seq DESC);
CREATE INDEX broadcasts_fanout ON broadcasts (workspace_id, status) WHERE status IN ('scheduled', 'sending');

-- The outbox. due_at is when the row is next claimable: not_before while waiting, lease_until while leased,
-- so one index serves due rows and run-out leases alike. Finished rows are deleted (their outcome becomes a
-- message), which keeps the table small; fillfactor leaves room for HOT updates of the lease columns.
CREATE TABLE deliveries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id text NOT NULL,
  broadcast_id text,
  message_id text,
  contact_id text NOT NULL,
  transport text NOT NULL,
  sender_id text NOT NULL,
  address text NOT NULL,
  lane smallint NOT NULL,
  purpose text NOT NULL,
  in_reply_to text,
  attempts integer NOT NULL,
  not_before double precision NOT NULL,
  due_at double precision NOT NULL,
  slot_at double precision,
  use_template boolean NOT NULL,
  lease_owner text,
  lease_until double precision,
  last_error text,
  created_at double precision NOT NULL,
  from_fanout boolean NOT NULL DEFAULT false
) WITH (fillfactor = 80);
CREATE INDEX deliveries_claim ON deliveries (workspace_id, lane, due_at);
CREATE INDEX deliveries_broadcast ON deliveries (broadcast_id) WHERE broadcast_id IS NOT NULL;
CREATE INDEX deliveries_contact ON deliveries (workspace_id, contact_id);
CREATE INDEX deliveries_sender ON deliveries (workspace_id, transport, sender_id);
-- A second guard behind the fan-out's row lock: one fanned-out delivery per broadcast and contact.
CREATE UNIQUE INDEX deliveries_fanout_once ON deliveries (broadcast_id, contact_id) WHERE from_fanout;

CREATE TABLE pacing (
  workspace_id text NOT NULL,
  key text NOT NULL,
  next_at double precision NOT NULL,
  PRIMARY KEY (workspace_id, key)
);

CREATE TABLE daily_recipients (
  workspace_id text NOT NULL,
  sender_key text NOT NULL,
  day text NOT NULL,
  recipient_key text NOT NULL,
  PRIMARY KEY (workspace_id, sender_key, day, recipient_key)
);

CREATE TABLE daily_counts (
  workspace_id text NOT NULL,
  sender_key text NOT NULL,
  day text NOT NULL,
  admitted integer NOT NULL,
  PRIMARY KEY (workspace_id, sender_key, day)
);

CREATE TABLE sender_states (
  workspace_id text NOT NULL,
  transport text NOT NULL,
  sender_id text NOT NULL,
  paused_at double precision NOT NULL,
  reason text NOT NULL,
  PRIMARY KEY (workspace_id, transport, sender_id)
);

CREATE TABLE links (
  workspace_id text NOT NULL,
  code text NOT NULL,
  broadcast_id text,
  url text NOT NULL,
  contact_id text,
  created_at double precision NOT NULL,
  PRIMARY KEY (workspace_id, code)
);
CREATE INDEX links_broadcast ON links (workspace_id, broadcast_id);
CREATE INDEX links_contact ON links (workspace_id, contact_id) WHERE contact_id IS NOT NULL;

CREATE TABLE link_clicks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id text NOT NULL,
  code text NOT NULL,
  broadcast_id text,
  contact_id text,
  at double precision NOT NULL
);
CREATE INDEX link_clicks_code ON link_clicks (workspace_id, code);
CREATE INDEX link_clicks_broadcast ON link_clicks (workspace_id, broadcast_id);
CREATE INDEX link_clicks_contact ON link_clicks (workspace_id, contact_id) WHERE contact_id IS NOT NULL;
`;
