export { storeContract, type StoreUnderTest, type ContractSubject } from './store-contract.js';
export type { StoreBackdoor } from './store-backdoor.js';
export { memoryStoreWithBackdoor } from './memory-with-backdoor.js';
export { manualClock, type ManualClock } from '../clock/manual-clock.js';
export { playSubscriber, type PlayedSubscriber } from './play-subscriber.js';
