import { TidingsError } from '../errors/tidings-error.js';
import type { Transport } from '../ports/transport.js';
import type { CoreContext } from './core-context.js';

export function transportFor(ctx: CoreContext, name: string): Transport {
  const transport = ctx.transports.get(name);
  if (!transport) {
    const known = [...ctx.transports.keys()].join(', ');
    throw new TidingsError(
      'UNKNOWN_TRANSPORT',
      `No transport named "${name}"; this installation has: ${known}.`,
      {
        issues: [{ field: 'transport', message: `unknown transport "${name}"` }],
      },
    );
  }
  return transport;
}
