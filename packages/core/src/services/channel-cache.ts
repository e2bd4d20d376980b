import type { Clock } from '../clock/clock.js';
import type { WordsByLocale } from '../consent/vocabulary.js';
import { buildVocabulary, type Vocabulary } from '../consent/vocabulary.js';
import type { Channel } from '../model/channel.js';
import type { Store } from '../ports/store.js';

/**
 * Channels and the keyword vocabulary, read on every inbound message, so cached.
 * Local changes invalidate at once; changes by another process show after `ttlMs`.
 */
export class ChannelCache {
  #loaded: { at: number; channels: Channel[]; vocabulary: Vocabulary } | null = null;
  #loading: Promise<{ channels: Channel[]; vocabulary: Vocabulary }> | null = null;

  constructor(
    private readonly store: Store,
    private readonly workspaceId: string,
    private readonly clock: Clock,
    private readonly words: { stop: WordsByLocale; start: WordsByLocale },
    private readonly ttlMs = 2_000,
  ) {}

  invalidate(): void {
    this.#loaded = null;
    this.#loading = null;
  }

  async get(): Promise<{ channels: Channel[]; vocabulary: Vocabulary }> {
    if (this.#loaded && this.clock.now() - this.#loaded.at < this.ttlMs) return this.#loaded;
    this.#loading ??= this.#load();
    return this.#loading;
  }

  async #load() {
    const loading = this.#loading;
    const channels = await this.store.channels.list(this.workspaceId);
    const loaded = {
      at: this.clock.now(),
      channels,
      vocabulary: buildVocabulary(channels, this.words.stop, this.words.start),
    };
    if (this.#loading === loading) {
      this.#loaded = loaded;
      this.#loading = null;
    }
    return loaded;
  }
}
