import type { Clock } from '../clock/clock.js';
import type { Logger } from '../logger.js';
import type { StoredRuleSet } from '../ports/rule-store.js';
import type { Store } from '../ports/store.js';
import { analyzeRules } from './analyze-rules.js';
import { CompiledRules } from './compiled-rules.js';

/**
 * The workspace's rule set, compiled once per version: every inbound message reads it. A local `set`
 * takes effect at once; a set replaced by another process shows after `ttlMs` (as the channel cache).
 */
export class RuleCache {
  #loaded: { at: number; version: number; compiled: CompiledRules | null } | null = null;
  #loading: Promise<CompiledRules | null> | null = null;

  constructor(
    private readonly store: Store,
    private readonly workspaceId: string,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly ttlMs = 2_000,
  ) {}

  /** The rules as last loaded, without waiting: undefined before the first load, null for no rules. */
  peek(): CompiledRules | null | undefined {
    return this.#loaded ? this.#loaded.compiled : undefined;
  }

  async get(): Promise<CompiledRules | null> {
    if (this.#loaded && this.clock.now() - this.#loaded.at < this.ttlMs) return this.#loaded.compiled;
    this.#loading ??= this.#load();
    return this.#loading;
  }

  /** After a local replace: the new version, already compiled. */
  put(stored: StoredRuleSet, compiled: CompiledRules): void {
    this.#loaded = { at: this.clock.now(), version: stored.version, compiled };
    this.#loading = null;
  }

  async #load(): Promise<CompiledRules | null> {
    const loading = this.#loading;
    try {
      const stored = await this.store.rules.get(this.workspaceId);
      const version = stored?.version ?? 0;
      const compiled =
        this.#loaded?.version === version ? this.#loaded.compiled : stored ? this.#compile(stored) : null;
      if (this.#loading === loading) this.#loaded = { at: this.clock.now(), version, compiled };
      return compiled;
    } finally {
      if (this.#loading === loading) this.#loading = null;
    }
  }

  /** A stored set was valid when it was set; compiled again it keeps its text's line numbers. */
  #compile(stored: StoredRuleSet): CompiledRules | null {
    const analyzed = analyzeRules(stored.source === 'text' ? stored.text : stored.json);
    if (analyzed.issues.length > 0) {
      this.logger.error(
        'the stored rules do not compile any more; running without rules until they are set again',
        {
          issues: analyzed.issues,
        },
      );
      return null;
    }
    return new CompiledRules(analyzed.json, analyzed.text, analyzed.lines);
  }
}
