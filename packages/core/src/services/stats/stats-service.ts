import { TidingsError } from '../../errors/tidings-error.js';
import type { CoreContext } from '../core-context.js';
import type { StatsApi } from './stats-api.js';

const notYet = (): never => {
  throw new TidingsError('STORE_FAILED', 'tidings.stats: not yet implemented');
};

export function statsApi(_ctx: CoreContext): StatsApi {
  return {
    consent: async () => notYet(),
    consentCsv: async () => notYet(),
    broadcast: async () => notYet(),
    broadcasts: async () => notYet(),
    broadcastsCsv: async () => notYet(),
  };
}
