/** Rule sets (F30) and the durable queue of forwards the rules' actions send (F31). */
export const rulesAndForwards = `
CREATE TABLE rule_sets (
  workspace_id text PRIMARY KEY,
  version integer NOT NULL,
  source text NOT NULL,
  text text NOT NULL,
  json jsonb NOT NULL,
  updated_at double precision NOT NULL
);

CREATE TABLE forwards (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  workspace_id text NOT NULL,
  contact_id text,
  via text NOT NULL,
  target text NOT NULL,
  body text NOT NULL,
  status text NOT NULL,
  attempts integer NOT NULL,
  next_attempt_at double precision NOT NULL,
  lease_until double precision,
  last_error text,
  created_at double precision NOT NULL,
  updated_at double precision NOT NULL
);
CREATE INDEX forwards_due ON forwards (workspace_id, next_attempt_at) WHERE status = 'queued';
CREATE INDEX forwards_order ON forwards (workspace_id, seq);
CREATE INDEX forwards_contact ON forwards (workspace_id, contact_id) WHERE contact_id IS NOT NULL;
`;
