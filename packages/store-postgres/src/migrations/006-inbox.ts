/**
 * The inbox (F26–F28). A conversation's state lives on its contact's row (assignee, last activity, last message,
 * unread count), so listing, filtering and keyset paging read one table through the partial indexes below, and
 * erasing the contact erases its conversation. Agents, the round-robin turn and canned answers get their own tables.
 */
export const inbox = `
ALTER TABLE contacts
  ADD COLUMN assignee text,
  ADD COLUMN last_activity_at double precision,
  ADD COLUMN last_message_id text,
  ADD COLUMN unread_count integer NOT NULL DEFAULT 0,
  ADD COLUMN read_at double precision;
CREATE INDEX contacts_inbox ON contacts (workspace_id, last_activity_at DESC, id DESC)
  WHERE last_activity_at IS NOT NULL;
CREATE INDEX contacts_inbox_assignee ON contacts (workspace_id, assignee, last_activity_at DESC, id DESC)
  WHERE last_activity_at IS NOT NULL;
CREATE INDEX contacts_inbox_unread ON contacts (workspace_id, last_activity_at DESC, id DESC)
  WHERE last_activity_at IS NOT NULL AND unread_count > 0;

ALTER TABLE messages ADD COLUMN agent_id text;
CREATE INDEX consent_ledger_at ON consent_ledger (workspace_id, at);

CREATE TABLE agents (
  workspace_id text NOT NULL,
  id text NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  name text NOT NULL,
  signature text,
  available boolean NOT NULL,
  -- When round-robin last picked the agent (0: never); the smallest available turn is next.
  turn bigint NOT NULL DEFAULT 0,
  created_at double precision NOT NULL,
  updated_at double precision NOT NULL,
  PRIMARY KEY (workspace_id, id)
);

CREATE TABLE inbox_settings (
  workspace_id text PRIMARY KEY,
  round_robin boolean NOT NULL DEFAULT false,
  turn_counter bigint NOT NULL DEFAULT 0
);

CREATE TABLE canned_answers (
  id text PRIMARY KEY,
  workspace_id text NOT NULL,
  shortcut text NOT NULL,
  title text NOT NULL,
  text text NOT NULL,
  created_at double precision NOT NULL,
  updated_at double precision NOT NULL,
  UNIQUE (workspace_id, shortcut)
);
`;
