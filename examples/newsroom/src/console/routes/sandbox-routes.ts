import type { SandboxTransport, Tidings } from '@tidings/core';
import type { ApiRoute } from '../api-router.js';

/**
 * For playing the demo: subscribers on the phone sandbox, made by writing `START` from made-up numbers (the
 * subscriber acts first, so they are confirmed at once). Numbers in the +49 151 555 range, skipping any that are
 * contacts already (PGlite keeps them across restarts).
 */
export function sandboxRoutes(tidings: Tidings, sandbox: SandboxTransport): ApiRoute[] {
  let next = 0;
  const freeNumber = async () => {
    for (;;) {
      const from = `+49151555${String(++next).padStart(4, '0')}`;
      if (!(await tidings.contacts.find({ transport: sandbox.name, address: from }))) return from;
    }
  };
  return [
    {
      method: 'POST',
      path: '/sandbox/subscribers',
      handler: async ({ body }) => {
        const count = Math.min(Math.max(Number(body.count) || 5, 1), 100);
        const added: string[] = [];
        for (let i = 0; i < count; i++) {
          const from = await freeNumber();
          await sandbox.simulateInbound({ from, text: 'START', profileName: `Reader ${next}` });
          added.push(from);
        }
        return { added };
      },
    },
  ];
}
