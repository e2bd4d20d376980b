import { memoryStoreWithBackdoor, storeContract } from '../src/testing/index.js';

storeContract('memory', async () => memoryStoreWithBackdoor());
