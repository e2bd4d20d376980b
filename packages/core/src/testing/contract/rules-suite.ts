import { describe, expect, it } from 'vitest';
import type { NewForward } from '../../ports/rule-store.js';
import { contactInput, freshWorkspace, ledgerLine, T0 } from '../contract-fixtures.js';
import type { ContractSubject } from '../store-contract.js';

const forwardRow = (workspaceId: string, overrides: Partial<NewForward> = {}): NewForward => ({
  workspaceId,
  contactId: null,
  via: 'http',
  target: 'https://crm.example.com/hook',
  body: '{"type":"message.received"}',
  ...overrides,
});

export function rulesSuite(get: ContractSubject): void {
  describe('rule sets', () => {
    it('replaces a workspace’s set as a whole, counting versions', async () => {
      const { store, backdoor } = get();
      const ws = freshWorkspace();
      expect(await store.rules.get(ws)).toBeNull();
      const json = {
        rules: [
          { condition: { type: 'keyword' as const, keyword: '😡' }, actions: [{ type: 'stop' as const }] },
        ],
      };
      const first = await store.rules.replace(
        ws,
        { source: 'text', text: 'when keyword "😡" then stop\n', json },
        T0,
      );
      expect(first).toMatchObject({ workspaceId: ws, version: 1, source: 'text', updatedAt: T0 });
      expect(await backdoor.ruleSet(ws)).toEqual(first);
      const second = await store.rules.replace(ws, { source: 'json', text: '', json: { rules: [] } }, T0 + 1);
      expect(second.version).toBe(2);
      expect(await store.rules.get(ws)).toEqual(second);
      expect(await store.rules.get(freshWorkspace())).toBeNull();
    });
  });

  describe('forward queue', () => {
    it('claims each due forward once, with a lease, and counts the attempt', async () => {
      const { store, backdoor } = get();
      const ws = freshWorkspace();
      const a = await store.forwards.enqueue(forwardRow(ws, { body: '{"n":1}' }), T0);
      await store.forwards.enqueue(
        forwardRow(ws, { body: '{"n":2}', via: 'email', target: 'a@example.com' }),
        T0 + 1,
      );
      expect(a).toMatchObject({ status: 'queued', attempts: 0, nextAttemptAt: T0, leaseUntil: null });
      expect(await backdoor.forwards(ws)).toHaveLength(2);
      expect(await store.forwards.claimDue(ws, T0 - 1, 10, 1000)).toEqual([]);
      const claims = await Promise.all(
        Array.from({ length: 5 }, () => store.forwards.claimDue(ws, T0 + 5, 10, 1000)),
      );
      const claimed = claims.flat();
      expect(claimed.map((f) => f.body).sort()).toEqual(['{"n":1}', '{"n":2}']);
      expect(claimed[0]).toMatchObject({ attempts: 1, leaseUntil: T0 + 1005 });
      // The lease holds until it runs out; then a crashed worker's forward is claimed again.
      expect(await store.forwards.nextDueAt(ws)).toBe(T0 + 1005);
      expect(await store.forwards.claimDue(ws, T0 + 1004, 10, 1000)).toEqual([]);
      expect((await store.forwards.claimDue(ws, T0 + 1005, 1, 1000)).map((f) => f.attempts)).toEqual([2]);
      expect(await store.forwards.claimDue(freshWorkspace(), T0 + 9999, 10, 1000)).toEqual([]);
    });

    it('requeues after a failed attempt, fails for good, retries on request and completes', async () => {
      const { store, backdoor } = get();
      const ws = freshWorkspace();
      const f = await store.forwards.enqueue(forwardRow(ws), T0);
      await store.forwards.claimDue(ws, T0, 10, 1000);
      const again = await store.forwards.fail(
        ws,
        f.id,
        { error: 'HTTP 503', nextAttemptAt: T0 + 500 },
        T0 + 10,
      );
      expect(again).toMatchObject({
        status: 'queued',
        nextAttemptAt: T0 + 500,
        leaseUntil: null,
        lastError: 'HTTP 503',
      });
      expect(await store.forwards.nextDueAt(ws)).toBe(T0 + 500);
      expect(await store.forwards.claimDue(ws, T0 + 499, 10, 1000)).toEqual([]);
      await store.forwards.claimDue(ws, T0 + 500, 10, 1000);
      const dead = await store.forwards.fail(ws, f.id, { error: 'HTTP 500', nextAttemptAt: null }, T0 + 600);
      expect(dead).toMatchObject({ status: 'failed', attempts: 2, lastError: 'HTTP 500' });
      expect(await store.forwards.nextDueAt(ws)).toBeNull();
      expect((await store.forwards.list(ws, { status: 'failed', limit: 10 })).items.map((x) => x.id)).toEqual(
        [f.id],
      );
      expect((await store.forwards.list(ws, { status: 'queued', limit: 10 })).items).toEqual([]);
      expect(await store.forwards.retry(ws, f.id, T0 + 700)).toMatchObject({
        status: 'queued',
        nextAttemptAt: T0 + 700,
      });
      expect(await store.forwards.retry(ws, f.id, T0 + 700)).toBeNull();
      await store.forwards.claimDue(ws, T0 + 700, 10, 1000);
      await store.forwards.complete(ws, f.id);
      expect(await store.forwards.get(ws, f.id)).toBeNull();
      expect(await backdoor.forwards(ws)).toEqual([]);
    });

    it('pages through forwards oldest first', async () => {
      const { store } = get();
      const ws = freshWorkspace();
      for (let i = 0; i < 5; i++)
        await store.forwards.enqueue(forwardRow(ws, { body: `{"n":${i}}` }), T0 + i);
      const first = await store.forwards.list(ws, { limit: 3 });
      const rest = await store.forwards.list(ws, { limit: 3, cursor: first.nextCursor });
      expect([...first.items, ...rest.items].map((f) => f.body)).toEqual(
        [0, 1, 2, 3, 4].map((n) => `{"n":${n}}`),
      );
      expect(rest.nextCursor).toBeNull();
    });

    it('erasing a contact removes the forwards about them (invariant 6)', async () => {
      const { store, backdoor } = get();
      const ws = freshWorkspace();
      const address = `+43660${Math.floor(Math.random() * 1e7)
        .toString()
        .padStart(7, '0')}`;
      const { contact } = await store.contacts.getOrCreate(contactInput(ws, address), { senderId: 's' }, T0);
      const other = await store.forwards.enqueue(forwardRow(ws, { body: '{"about":"someone else"}' }), T0);
      await store.forwards.enqueue(
        forwardRow(ws, { contactId: contact!.id, body: JSON.stringify({ contact: { address } }) }),
        T0,
      );
      expect(await backdoor.rowsMentioning(address)).toContain('forwards');
      await store.contacts.erase(
        ws,
        contact!.id,
        ledgerLine(ws, null, { action: 'erased', method: 'staff' }),
      );
      expect(await backdoor.rowsMentioning(address)).toEqual([]);
      expect((await backdoor.forwards(ws)).map((f) => f.id)).toEqual([other.id]);
    });
  });
}
