import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { noErrors, shot, useConsole } from './console-browser.js';

const { state, openConsole } = useConsole();
const reader = '+4915112377777';

/** The console as one agent: picked once, remembered in the browser like a real agent's choice. */
const asAgent = (agent: string) => (page: Page) =>
  page.addInitScript((id) => localStorage.setItem('newsroom-console-agent', id), agent);

describe('the console: the inbox', () => {
  it('shows an inbound message live, answers it, and the reply reaches the phone', async () => {
    // A subscriber whose conversation was read already.
    await state.app.sandbox.simulateInbound({ from: reader, text: 'START', profileName: 'Mia' });
    const contact = await state.app.tidings.contacts.find({ transport: 'sandbox', address: reader });
    await state.app.tidings.inbox.markRead(contact!.id);
    const { page, errors } = await openConsole('#/inbox', asAgent('anna'));
    await page.locator('[data-conversation][data-unread="0"]').waitFor();
    // The reader writes while the agent looks at the inbox: it shows up without a reload (SSE).
    await state.app.sandbox.simulateInbound({
      from: reader,
      text: 'Is there a paper on Sunday?',
      profileName: 'Mia',
    });
    const row = page.locator('[data-conversation]');
    await row.and(page.locator('[data-unread="1"]')).waitFor();
    expect(await row.locator('.snippet').textContent()).toBe('Is there a paper on Sunday?');

    await row.getByRole('link').click();
    const conversation = page.locator('article.conversation');
    await conversation.getByText('Is there a paper on Sunday?').waitFor();
    // Opening it marks it read, for everyone.
    await row.and(page.locator('[data-unread="0"]')).waitFor();

    await page.getByLabel('Reply').fill('Yes, from 7 o’clock.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await conversation.locator('.msg-out').getByText('Yes, from 7 o’clock.').waitFor();
    await state.app.tidings.drain();
    expect(state.app.sandbox.messagesTo(reader).at(-1)?.content.text).toBe(
      'Yes, from 7 o’clock.\n\n— Anna, Newsroom reader desk',
    );
    // The reader answers; the open conversation shows it at once.
    await state.app.sandbox.simulateInbound({ from: reader, text: 'Thanks!' });
    await conversation.locator('.msg-in').getByText('Thanks!').waitFor();
    // A call is noted in the conversation (F29).
    await state.app.sandbox.simulateCall(reader);
    await conversation.locator('[data-kind="call"]').getByText('Incoming call').waitFor();
    await shot(page, 'inbox-reply');
    noErrors(errors);
  });

  it('assigns a conversation, and a second agent sees it and the notes live', async () => {
    await state.app.sandbox.simulateInbound({
      from: reader,
      text: 'I saw a fire on Main Street',
      profileName: 'Mia',
    });
    const contact = await state.app.tidings.contacts.find({ transport: 'sandbox', address: reader });
    const anna = await openConsole(`#/inbox/${contact!.id}`, asAgent('anna'));
    const ben = await openConsole(`#/inbox/${contact!.id}`, asAgent('ben'));
    await anna.page.locator('article.conversation[data-assignee=""]').waitFor();
    await ben.page.locator('article.conversation[data-assignee=""]').waitFor();

    await anna.page.getByRole('button', { name: 'Assign to me' }).click();
    await anna.page.locator('article.conversation[data-assignee="anna"]').waitFor();
    // Ben's screen follows without a reload; his list filtered to "Mine" stays empty, Anna's shows it.
    await ben.page.locator('article.conversation[data-assignee="anna"]').waitFor();
    expect(await ben.page.getByLabel('Assigned to').inputValue()).toBe('anna');
    await anna.page.getByRole('button', { name: 'Mine' }).click();
    await anna.page.locator(`[data-conversation="${contact!.id}"]`).waitFor();
    await ben.page.getByRole('button', { name: 'Mine' }).click();
    await ben.page.getByText('No conversations.').waitFor();

    // Ben takes it over by hand from the select, and leaves an internal note.
    await ben.page.getByLabel('Assigned to').selectOption('ben');
    await anna.page.locator('article.conversation[data-assignee="ben"]').waitFor();
    await ben.page.getByRole('button', { name: 'Internal note' }).click();
    await ben.page.getByLabel('Note').fill('Photo desk informed.');
    await ben.page.getByRole('button', { name: 'Add note' }).click();
    await anna.page.locator('.msg-note').getByText('Photo desk informed.').waitFor();
    expect(state.app.sandbox.messagesTo(reader).map((m) => m.content.text)).not.toContain(
      'Photo desk informed.',
    );
    await shot(anna.page, 'inbox-assigned');
    noErrors(anna.errors);
    noErrors(ben.errors);
  });

  it('answers with a canned answer, its placeholders filled for the contact', async () => {
    await state.app.sandbox.simulateInbound({ from: reader, text: 'When can I call?', profileName: 'Mia' });
    const contact = await state.app.tidings.contacts.find({ transport: 'sandbox', address: reader });
    const { page, errors } = await openConsole(`#/inbox/${contact!.id}`, asAgent('ben'));
    await page.getByLabel('Canned answer').selectOption({ label: '/hours · Opening hours' });
    expect(await page.getByLabel('Reply').inputValue()).toBe(
      'Hi {name|there}, the reader desk is staffed Monday to Friday, 8:00–20:00.',
    );
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.locator('.msg-out').getByText('Hi Mia, the reader desk').waitFor();

    await page.getByLabel('Round-robin').check();
    await expect.poll(() => state.app.tidings.inbox.roundRobin()).toBe(true);
    await page.getByLabel('I am available').uncheck();
    await expect.poll(async () => (await state.app.tidings.inbox.agents.get('ben'))?.available).toBe(false);
    noErrors(errors);
  });

  it('adds a canned answer on the Team screen, and it is offered in the inbox at once', async () => {
    await state.app.sandbox.simulateInbound({ from: reader, text: 'Where is my paper?', profileName: 'Mia' });
    const contact = await state.app.tidings.contacts.find({ transport: 'sandbox', address: reader });
    const { page, errors } = await openConsole('#/team', asAgent('anna'));
    await page.getByLabel('Shortcut (e.g. /late)').fill('/late');
    await page.getByLabel('Title').fill('Late delivery');
    await page
      .getByLabel('Text ({name|there} is filled in)')
      .fill('Sorry {name|there}, the van is late today.');
    await page.getByRole('button', { name: 'Add canned answer' }).click();
    await page.locator('[data-canned="/late"]').waitFor();
    await page.goto(`${state.app.url}/console/#/inbox/${contact!.id}`);
    await page.getByLabel('Canned answer').selectOption({ label: '/late · Late delivery' });
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.locator('.msg-out').getByText('Sorry Mia, the van is late today.').waitFor();
    noErrors(errors);
  });

  it('shows a conversation an auto-reply rule assigned, live', async () => {
    await state.app.tidings.rules.set('when contains "abo" then assign to ben');
    const { page, errors } = await openConsole('#/inbox', asAgent('ben'));
    await page.getByRole('button', { name: 'Mine' }).click();
    await page.getByText('No conversations.').waitFor();
    await state.app.sandbox.simulateInbound({
      from: reader,
      text: 'Mein Abo kommt nicht',
      profileName: 'Mia',
    });
    // Ben's "Mine" list gets it without a reload.
    const row = page.locator('[data-conversation]');
    await row.getByText('Mia').waitFor();
    expect(await row.locator('.meta').textContent()).toContain('Ben');
    noErrors(errors);
  });

  it('catches up after the live connection dropped: what changed meanwhile shows once it is back', async () => {
    await state.app.sandbox.simulateInbound({ from: reader, text: 'Hello?', profileName: 'Mia' });
    const contact = await state.app.tidings.contacts.find({ transport: 'sandbox', address: reader });
    const { page, errors } = await openConsole(`#/inbox/${contact!.id}`, asAgent('anna'));
    await page.locator('article.conversation[data-assignee=""]').waitFor();
    // The connection drops (a restart, a proxy) and cannot come back for a while; meanwhile Ben takes the
    // conversation, an event this page never gets.
    await page.route('**/console/api/events', (route) => route.abort());
    state.app.server.closeAllConnections();
    await page.locator('html[data-live="reconnecting"]').waitFor({ state: 'attached' });
    await state.app.tidings.inbox.assign(contact!.id, 'ben');
    await page.unroute('**/console/api/events');
    // The page reconnects by itself (the stream's retry) and loads what it shows again.
    await page.locator('html[data-live="open"]').waitFor({ state: 'attached' });
    await page.locator('article.conversation[data-assignee="ben"]').waitFor();
    noErrors(errors.filter((e) => !e.includes('ERR_') && !e.includes('events')));
  });
});
