export { type ManualClock, manualClock } from '../clock/manual-clock.js';
export { maxInWindow } from './max-in-window.js';
export { memoryStoreWithBackdoor } from './memory-with-backdoor.js';
export { type PlayedSubscriber, playSubscriber } from './play-subscriber.js';
export { type SeedOptions, seededAddress, seedSubscribers } from './seed-subscribers.js';
export { type SteppingClock, steppingClock } from './stepping-clock.js';
export type { StoreBackdoor } from './store-backdoor.js';
export { type ContractSubject, type StoreUnderTest, storeContract } from './store-contract.js';
export { type TransportHarness, transportContract } from './transport-contract.js';
