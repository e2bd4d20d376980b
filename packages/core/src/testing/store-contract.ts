import { afterAll, beforeAll, describe } from 'vitest';
import type { Store } from '../ports/store.js';
import { broadcastSuite } from './contract/broadcasts-suite.js';
import { channelSuite } from './contract/channels-suite.js';
import { contactSuite } from './contract/contacts-suite.js';
import { eraseSuite } from './contract/erase-suite.js';
import { inboxSuite } from './contract/inbox-suite.js';
import { messageSuite } from './contract/messages-suite.js';
import { outboxSuite } from './contract/outbox-suite.js';
import { rateLimitSuite } from './contract/rate-limits-suite.js';
import { rulesSuite } from './contract/rules-suite.js';
import { tokenSuite } from './contract/tokens-suite.js';
import type { StoreBackdoor } from './store-backdoor.js';

export interface StoreUnderTest {
  store: Store;
  backdoor: StoreBackdoor;
  /** Drops what the run created (a schema, a database, a folder). */
  cleanup?: () => Promise<void>;
}

/** What each part of the suite receives: the store and its back door, once set up. */
export type ContractSubject = () => StoreUnderTest;

/**
 * The suite every Store adapter must pass (F40). It checks what was really stored through the
 * back door, not only what the repositories answer. Each test works in its own workspace.
 *
 * @example
 * // test/store.contract.test.ts
 * import { storeContract, memoryStoreWithBackdoor } from '@tidings/core/testing';
 * storeContract('memory', async () => memoryStoreWithBackdoor());
 */
export function storeContract(name: string, setup: () => Promise<StoreUnderTest>): void {
  describe(`store contract: ${name}`, () => {
    let subject: StoreUnderTest | null = null;
    beforeAll(async () => {
      subject = await setup();
      await subject.store.init?.();
    });
    afterAll(async () => {
      await subject?.store.close?.();
      await subject?.cleanup?.();
    });
    const get: ContractSubject = () => {
      if (!subject) throw new Error('storeContract: setup did not finish');
      return subject;
    };

    contactSuite(get);
    channelSuite(get);
    tokenSuite(get);
    messageSuite(get);
    rateLimitSuite(get);
    eraseSuite(get);
    rulesSuite(get);
    outboxSuite(get);
    broadcastSuite(get);
    inboxSuite(get);
  });
}
