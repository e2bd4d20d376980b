import type { Contact } from '../../model/contact.js';

/**
 * The contacts by id, keeping how many contacts each sender account holds as rows come and go, so assigning a
 * sender to a new contact (least-loaded, F34) does not scan every contact.
 */
export class ContactTable extends Map<string, Contact> {
  /** `workspace\0transport` → sender id → contacts. */
  readonly #load = new Map<string, Map<string, number>>();

  /** Contacts per sender account of one messenger in one workspace. */
  loadOf(workspaceId: string, transport: string): Map<string, number> {
    return new Map(this.#load.get(`${workspaceId}\0${transport}`));
  }

  override set(id: string, row: Contact): this {
    const before = super.get(id);
    // Most changes (a name, the last inbound time) keep the contact where it is counted.
    if (
      before?.senderId !== row.senderId ||
      before.workspaceId !== row.workspaceId ||
      before.transport !== row.transport
    ) {
      if (before) this.#count(before, -1);
      this.#count(row, 1);
    }
    return super.set(id, row);
  }

  override delete(id: string): boolean {
    const before = super.get(id);
    if (before) this.#count(before, -1);
    return super.delete(id);
  }

  override clear(): void {
    this.#load.clear();
    super.clear();
  }

  #count(row: Contact, by: 1 | -1): void {
    const group = `${row.workspaceId}\0${row.transport}`;
    let senders = this.#load.get(group);
    if (!senders) {
      senders = new Map();
      this.#load.set(group, senders);
    }
    const next = (senders.get(row.senderId) ?? 0) + by;
    if (next === 0) senders.delete(row.senderId);
    else senders.set(row.senderId, next);
  }
}
