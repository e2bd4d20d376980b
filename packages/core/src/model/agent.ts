/**
 * A staff member who answers conversations in the inbox (F27, F28). The id is chosen by staff (`anna`) and is the
 * same string an auto-reply rule's `assign to anna` names.
 */
export interface Agent {
  id: string;
  workspaceId: string;
  /** Shown to colleagues in the inbox. */
  name: string;
  /** Appended to the agent's replies (after a blank line) where set; null: no sign-off. */
  signature: string | null;
  /** Takes part in round-robin assignment while true. */
  available: boolean;
  createdAt: number;
  updatedAt: number;
}

export type NewAgent = Omit<Agent, 'createdAt' | 'updatedAt'>;
export type AgentPatch = Partial<Pick<Agent, 'name' | 'signature' | 'available'>>;
