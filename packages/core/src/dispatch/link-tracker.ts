import { customAlphabet } from 'nanoid';
import type { Broadcast } from '../model/broadcast.js';
import type { Contact } from '../model/contact.js';
import type { Store } from '../ports/store.js';

const newCode = customAlphabet('0123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ', 10);
const urlPattern = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

/**
 * Rewrites links to `/l/<code>` on the handler (F22). Anonymous: one code per link of a broadcast, counting
 * clicks only. Individual: one code per link and recipient, so a click is the contact's.
 */
export class LinkTracker {
  /** Promises, not codes: concurrent sends of one broadcast must share one code, not race to make several. */
  readonly #perBroadcast = new Map<string, Promise<string>>();

  constructor(
    private readonly store: Store,
    private readonly workspaceId: string,
    private readonly baseUrl: string,
    private readonly now: () => number,
  ) {}

  async rewrite(text: string, broadcast: Broadcast, contact: Contact): Promise<string> {
    const urls = [...new Set(text.match(urlPattern) ?? [])];
    let out = text;
    for (const url of urls) {
      const code =
        broadcast.tracking === 'individual'
          ? await this.#create(url, broadcast, contact.id)
          : await this.#shared(url, broadcast);
      out = out.split(url).join(`${this.baseUrl}/l/${code}`);
    }
    return out;
  }

  #shared(url: string, broadcast: Broadcast): Promise<string> {
    const cacheKey = `${broadcast.id}\u0000${url}`;
    let code = this.#perBroadcast.get(cacheKey);
    if (!code) {
      code = this.#create(url, broadcast, null);
      this.#perBroadcast.set(cacheKey, code);
      code.catch(() => this.#perBroadcast.delete(cacheKey));
    }
    return code;
  }

  async #create(url: string, broadcast: Broadcast, contactId: string | null): Promise<string> {
    const code = newCode();
    await this.store.links.create({
      code,
      workspaceId: this.workspaceId,
      broadcastId: broadcast.id,
      url,
      contactId,
      createdAt: this.now(),
    });
    return code;
  }
}
