import type { SandboxTransport } from '@tidings/core';
import type { ApiRoute } from '../api-router.js';

/**
 * For playing the demo: subscribers on the phone sandbox, made by writing `START` from made-up numbers (the
 * subscriber acts first, so they are confirmed at once). Numbers in the fictional +49 151 5550 range.
 */
export function sandboxRoutes(sandbox: SandboxTransport): ApiRoute[] {
  let next = 0;
  return [
    {
      method: 'POST',
      path: '/sandbox/subscribers',
      handler: async ({ body }) => {
        const count = Math.min(Math.max(Number(body.count) || 5, 1), 100);
        const added: string[] = [];
        for (let i = 0; i < count; i++) {
          const from = `+49151555${String(++next).padStart(4, '0')}`;
          await sandbox.simulateInbound({ from, text: 'START', profileName: `Reader ${next}` });
          added.push(from);
        }
        return { added };
      },
    },
  ];
}
