/**
 * A map keyed by (workspace, transport, id), held as nested maps: a lookup builds no composite key string, and the
 * innermost key is the id string the row already holds (a contact's address, a message's provider id), so an
 * entry costs no string of its own. For the indexes every inbound message reads and writes.
 */
export class TripleIndex<V> {
  readonly #workspaces = new Map<string, Map<string, Map<string, V>>>();

  get(workspaceId: string, transport: string, id: string): V | undefined {
    return this.#workspaces.get(workspaceId)?.get(transport)?.get(id);
  }

  has(workspaceId: string, transport: string, id: string): boolean {
    return this.#workspaces.get(workspaceId)?.get(transport)?.has(id) ?? false;
  }

  set(workspaceId: string, transport: string, id: string, value: V): void {
    let transports = this.#workspaces.get(workspaceId);
    if (!transports) {
      transports = new Map();
      this.#workspaces.set(workspaceId, transports);
    }
    let ids = transports.get(transport);
    if (!ids) {
      ids = new Map();
      transports.set(transport, ids);
    }
    ids.set(id, value);
  }

  delete(workspaceId: string, transport: string, id: string): boolean {
    return this.#workspaces.get(workspaceId)?.get(transport)?.delete(id) ?? false;
  }

  /** Every key as the composite it stands for (the parts joined by NUL, as `key` in memory-tables does). */
  *keys(): IterableIterator<string> {
    for (const [workspaceId, transports] of this.#workspaces)
      for (const [transport, ids] of transports)
        for (const id of ids.keys()) yield `${workspaceId}\u0000${transport}\u0000${id}`;
  }
}
