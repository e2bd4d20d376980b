import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ConsoleFixture, startConsole } from './console-fixture.js';

let app: ConsoleFixture;
beforeEach(async () => {
  app = await startConsole();
});
afterEach(() => app.app.close());

interface ConversationRow {
  contact: { id: string; address: string };
  unread: number;
  assignee: { id: string; name: string } | null;
}
type Page = { items: ConversationRow[] };

const reader = '+4915112355555';
const write = (text: string) => app.app.sandbox.simulateInbound({ from: reader, text, profileName: 'Mia' });
const lastSent = () => app.app.sandbox.messagesTo(reader).at(-1)?.content.text;

describe('the inbox through the console API', () => {
  it('lists a new conversation as unread, shows its history, and sends a reply signed by the agent', async () => {
    await write('Is the paper late today?');
    const list = await app.call<Page>('GET', '/inbox?show=unread');
    expect(list.body.items).toHaveLength(1);
    const row = list.body.items[0]!;
    expect(row).toMatchObject({ unread: 1, assignee: null, contact: { address: reader } });

    const opened = await app.call<{ history: { content: { text?: string } }[] }>(
      'GET',
      `/inbox/${row.contact.id}`,
    );
    expect(opened.body.history.map((m) => m.content.text)).toContain('Is the paper late today?');

    const reply = await app.call<{ purpose: string }>('POST', `/inbox/${row.contact.id}/reply`, {
      text: 'It is on its way.',
      agent: 'anna',
    });
    expect(reply.status).toBe(200);
    expect(reply.body.purpose).toBe('agent');
    await app.app.tidings.drain();
    expect(lastSent()).toBe('It is on its way.\n\n— Anna, Newsroom reader desk');
    // Replying marks the conversation read.
    expect((await app.call<Page>('GET', '/inbox?show=unread')).body.items).toHaveLength(0);
  });

  it('sends a canned answer with its placeholders filled, and refuses a reply without an agent', async () => {
    await write('When are you open?');
    const contactId = (await app.call<Page>('GET', '/inbox')).body.items[0]!.contact.id;
    const canned = await app.call<{ items: { id: string; shortcut: string }[] }>('GET', '/canned');
    expect(canned.body.items.map((c) => c.shortcut)).toEqual(['/hours', '/thanks']);
    await app.call('POST', `/inbox/${contactId}/reply`, { canned: '/hours', agent: 'ben' });
    await app.app.tidings.drain();
    expect(lastSent()).toBe('Hi Mia, the reader desk is staffed Monday to Friday, 8:00–20:00.');
    const refused = await app.call<{ errors: { field: string }[] }>('POST', `/inbox/${contactId}/reply`, {
      text: 'x',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([{ field: 'agent', message: 'required' }]);
  });

  it('assigns, filters by assignee, hands over with a note, notes and marks read', async () => {
    await write('I have a tip for you');
    const contactId = (await app.call<Page>('GET', '/inbox')).body.items[0]!.contact.id;
    const assigned = await app.call<ConversationRow>('POST', `/inbox/${contactId}/assign`, {
      agent: 'anna',
      by: 'anna',
    });
    expect(assigned.body.assignee).toEqual({ id: 'anna', name: 'Anna' });
    expect((await app.call<Page>('GET', '/inbox?show=mine&agent=anna')).body.items).toHaveLength(1);
    expect((await app.call<Page>('GET', '/inbox?show=mine&agent=ben')).body.items).toHaveLength(0);
    expect((await app.call<Page>('GET', '/inbox?show=unassigned')).body.items).toHaveLength(0);

    const handed = await app.call<ConversationRow>('POST', `/inbox/${contactId}/hand-over`, {
      to: 'ben',
      note: 'Ben, this one is about sport.',
      by: 'anna',
    });
    expect(handed.body.assignee?.id).toBe('ben');
    await app.call('POST', `/inbox/${contactId}/note`, { text: 'Called the sports desk.', agent: 'ben' });
    const history = await app.call<{ history: { kind: string; content: { text?: string } }[] }>(
      'GET',
      `/inbox/${contactId}`,
    );
    expect(history.body.history.filter((m) => m.kind === 'note').map((m) => m.content.text)).toEqual([
      'Called the sports desk.',
      'Ben, this one is about sport.',
    ]);
    // Notes never reach the contact.
    expect(app.app.sandbox.messagesTo(reader).map((m) => m.content.text)).not.toContain(
      'Called the sports desk.',
    );

    await app.call('POST', `/inbox/${contactId}/read`, { agent: 'ben' });
    expect((await app.call<Page>('GET', '/inbox')).body.items[0]!.unread).toBe(0);
    expect((await app.call<Page>('GET', '/inbox?transport=sandbox&channel=news')).body.items).toHaveLength(1);
    expect((await app.call<Page>('GET', '/inbox?transport=sandbox-telegram')).body.items).toHaveLength(0);
    expect((await app.call<Page>('GET', '/inbox?channel=sport')).body.items).toHaveLength(0);
    const unassigned = await app.call<ConversationRow>('POST', `/inbox/${contactId}/assign`, { agent: null });
    expect(unassigned.body.assignee).toBeNull();
  });

  it('switches round-robin and agents’ availability', async () => {
    expect((await app.call('GET', '/round-robin')).body).toEqual({ on: false });
    expect((await app.call('PUT', '/round-robin', { on: true })).body).toEqual({ on: true });
    const away = await app.call<{ available: boolean }>('PUT', '/agents/anna', { available: false });
    expect(away.body.available).toBe(false);
    await write('Anyone there?');
    const row = (await app.call<Page>('GET', '/inbox')).body.items[0]!;
    expect(row.assignee?.id).toBe('ben');
  });
});

describe('the team through the console API', () => {
  it('adds an agent and a canned answer, refuses a taken shortcut, and removes it', async () => {
    const added = await app.call<{ id: string; available: boolean }>('POST', '/agents', {
      id: 'cleo',
      name: 'Cleo',
      signature: '',
    });
    expect(added.body).toMatchObject({ id: 'cleo', available: true, signature: null });
    const agents = await app.call<{ items: { id: string }[] }>('GET', '/agents');
    expect(agents.body.items.map((a) => a.id)).toEqual(['anna', 'ben', 'cleo']);

    const late = await app.call<{ id: string }>('POST', '/canned', {
      shortcut: '/late',
      title: 'Late',
      text: 'Sorry!',
    });
    expect(late.status).toBe(200);
    const taken = await app.call('POST', '/canned', { shortcut: '/late', title: 'Again', text: 'x' });
    expect(taken.status).toBe(422);
    expect((await app.call('DELETE', `/canned/${late.body.id}`)).body).toEqual({ removed: true });
    const left = await app.call<{ items: { shortcut: string }[] }>('GET', '/canned');
    expect(left.body.items.map((c) => c.shortcut)).toEqual(['/hours', '/thanks']);
  });
});

describe('statistics through the console API', () => {
  it('counts sign-ups per day, gives the funnel per broadcast, and both as CSV', async () => {
    await app.subscribe('+4915112366661', '+4915112366662');
    const consent = await app.call<{ days: { day: string; signups: number }[] }>(
      'GET',
      '/stats/consent?days=7',
    );
    expect(consent.body.days).toHaveLength(7);
    const today = new Date().toISOString().slice(0, 10);
    expect(consent.body.days.at(-1)).toMatchObject({ day: today, signups: 2 });

    await app.call('POST', '/broadcasts', { name: 'Sport', content: { text: 'Goal!' }, scheduledAt: 'now' });
    await app.app.tidings.drain();
    const funnels = await app.call<{ items: { name: string; sent: number; total: number }[] }>(
      'GET',
      '/stats/broadcasts',
    );
    expect(funnels.body.items).toMatchObject([{ name: 'Sport', total: 2, sent: 2 }]);

    const csv = await app.call('GET', '/stats/consent.csv?days=7');
    expect(csv.response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csv.response.text()).toMatch(/^day,channel,signups,confirmations,unsubscribes/);
    const broadcastsCsv = await app.call('GET', '/stats/broadcasts.csv');
    expect(broadcastsCsv.response.headers.get('content-disposition')).toBe(
      'attachment; filename="broadcasts.csv"',
    );
  });
});
