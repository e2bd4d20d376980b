import { type ManualClock, manualClock } from '@tidings/core';
import { describe, expect, it } from 'vitest';
import { noErrors, shot, useConsole } from './console-browser.js';

let clock: ManualClock;
const { state, openConsole } = useConsole(() => {
  clock = manualClock(Date.parse('2026-06-01T08:00:00Z'));
  return { clock, messengerWindows: true };
});

describe('the console: the reply window', () => {
  it('after 24 hours on WhatsApp, says only a template may go out and sends the one the agent names', async () => {
    const from = '+4915112345454';
    await state.app.sandbox.simulateInbound({ from, text: 'Can you call me back?', profileName: 'Mia' });
    await clock.advance(25 * 60 * 60 * 1000);
    const contact = await state.app.tidings.contacts.find({ transport: 'sandbox', address: from });
    const { page, errors } = await openConsole(`#/inbox/${contact!.id}`, (p) =>
      p.addInitScript(() => localStorage.setItem('newsroom-console-agent', 'anna')),
    );
    await page.locator('[data-window="template"]').waitFor();
    await page.getByTestId('window-hint').getByText('Only an approved template can go out now').waitFor();
    await page.getByLabel('Template name').fill('call_back');
    await page.getByLabel('Template parameters (comma-separated)').fill('Mia, tomorrow');
    await page.getByLabel('Reply').fill('We will call you tomorrow.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.locator('.msg-out').getByText('Template call_back (en): Mia, tomorrow').waitFor();
    await shot(page, 'inbox-template');
    await state.app.tidings.drain();
    expect(state.app.sandbox.messagesTo(from).at(-1)?.content.template).toEqual({
      name: 'call_back',
      language: 'en',
      parameters: ['Mia', 'tomorrow'],
    });
    noErrors(errors);
  });

  it('in compose, the preflight counts who is outside the window, and a template reaches them', async () => {
    const from = '+4915112345455';
    await state.app.sandbox.simulateInbound({ from, text: 'START' });
    await clock.advance(25 * 60 * 60 * 1000);
    const { page, errors } = await openConsole('#/broadcasts/new');
    await page.getByLabel('Message').fill('Good morning!');
    await page.getByTestId('preflight').getByText('Not sent to: 1 windowClosed.').waitFor();
    expect(await page.getByTestId('preflight').getAttribute('data-recipients')).toBe('0');
    await page.getByLabel('Template name').fill('morning_news');
    await page.locator('[data-testid="preflight"][data-recipients="1"]').waitFor();
    expect(await page.getByTestId('preflight').textContent()).toContain(
      'WhatsApp (sandbox): 1 (1 by template)',
    );
    await page.getByRole('button', { name: 'Send now' }).click();
    await page.locator('section.broadcast[data-status="completed"]').waitFor();
    expect(state.app.sandbox.messagesTo(from).at(-1)?.content.template?.name).toBe('morning_news');
    noErrors(errors);
  });
});
