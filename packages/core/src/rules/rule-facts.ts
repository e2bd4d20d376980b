import type { MediaKind } from '../model/content.js';
import { keywordKey } from './keyword-key.js';
import { maxPatternInput } from './regex-guard.js';

/** What started a run. `unsubscribed` with no channel is a STOP (unsubscribed from everything). */
export type RuleEvent = 'message' | 'call' | 'subscribed' | 'confirmed' | 'unsubscribed';

/** Everything a condition may look at, gathered once per run. */
export interface RuleFacts {
  event: RuleEvent;
  /** The channel a subscription event is about (slug); null otherwise. */
  channel: string | null;
  /** The message's text (or its media caption); empty for calls and consent events. */
  text: string;
  media: MediaKind | null;
  transport: string;
  at: number;
  /** The contact did not exist before this message. */
  firstMessage: boolean;
  /** The messenger's service window is open (always, right after the contact wrote). */
  windowOpen: boolean;
  /** Slugs of the contact's channels. Only `in channel` reads them, so the engine loads them only then. */
  channels: ReadonlySet<string>;
}

/** The facts with the derived values conditions share, each computed at most once per run. */
export class FactsView {
  #key: string | undefined;
  #lower: string | undefined;

  constructor(readonly facts: RuleFacts) {}

  /** The message as `keyword` conditions compare it. */
  get key(): string {
    this.#key ??= keywordKey(this.facts.text);
    return this.#key;
  }

  /** The text as `contains` compares it. */
  get lower(): string {
    this.#lower ??= this.facts.text.normalize('NFKC').toLowerCase();
    return this.#lower;
  }

  /** What a pattern runs on: bounded, so no message can make a pattern run long (see regex-guard). */
  get patternInput(): string {
    const { text } = this.facts;
    return text.length > maxPatternInput ? text.slice(0, maxPatternInput) : text;
  }
}
