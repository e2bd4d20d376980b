import { manualClock, silentLogger } from '@tidings/core';
import { describe, expect, it, vi } from 'vitest';
import { createNewsroom } from '../../src/create-app.js';
import { announced, focused, shot, useBrowser, viewports } from './browser-fixture.js';

const { state, openSignup } = useBrowser();

describe('the double opt-in in a real browser (F1, F3, F4)', () => {
  it('WhatsApp: number, channels, link and QR, START from the simulator, "You’re in" (English)', async () => {
    const { page, errors } = await openSignup('en');
    await page.getByRole('heading', { name: 'Get our news on your messenger' }).waitFor();
    await shot(page, 'en-1-choose');
    await page.getByRole('button', { name: 'WhatsApp (sandbox)' }).click();
    await page.getByRole('heading', { name: 'Sign up via WhatsApp (sandbox)' }).waitFor();
    // The consent notice is the server's, which it records with the sign-up.
    expect(await page.locator('tidings-optin [part~="notice"]').textContent()).toBe(
      'I agree to receive news from Newsroom in this messenger. I can unsubscribe at any time by sending "Stop". Privacy policy',
    );
    const phone = page.getByLabel('Mobile number');
    await page
      .getByRole('combobox', { name: 'Country' })
      .locator('option[value="AT"]')
      .waitFor({ state: 'attached' });
    await phone.pressSequentially('015112345678');
    // Formatted as typed, once libphonenumber-js has loaded with the phone step.
    await vi.waitFor(async () => expect(await phone.inputValue()).toBe('01511 2345678'));
    await page.getByLabel('Sport').check();
    expect(await page.getByRole('checkbox', { name: /News/ }).isDisabled()).toBe(true);
    await shot(page, 'en-2-form');
    await page.getByRole('button', { name: 'Sign up' }).click();

    await page.getByRole('heading', { name: 'Confirm in WhatsApp (sandbox)' }).waitFor();
    await page.getByText('+49 30 12345678', { exact: true }).waitFor();
    const qr = page.getByRole('img', { name: 'QR code that opens WhatsApp (sandbox) on your phone' });
    await qr.waitFor();
    expect(await qr.locator('path').getAttribute('d')).toMatch(/^M4 4h7v1h-7z/);
    const prepared = (await page.locator('tidings-optin [part~="prepared-text"]').textContent())!;
    expect(prepared).toMatch(/^START [a-z0-9]{20}$/);
    const open = page.getByRole('link', { name: 'Open WhatsApp (sandbox)' });
    expect(await open.getAttribute('href')).toBe(
      `${state.app.url}/phone?to=sandbox&text=${encodeURIComponent(prepared).replace('%20', '+')}`,
    );
    await vi.waitFor(async () => expect(await announced(page)).toBe('Waiting for your confirmation…'));
    await shot(page, 'en-3-link');

    // The subscriber opens the link: the simulator, with the message prefilled, as their phone.
    const [simulator] = await Promise.all([page.waitForEvent('popup'), open.click()]);
    await simulator.getByLabel('Your number').fill('+4915112345678');
    expect(await simulator.getByLabel('Message').inputValue()).toBe(prepared);
    await simulator.getByRole('button', { name: 'Send' }).click();
    await simulator.getByText(/^Welcome to the Newsroom!/).waitFor();
    await shot(simulator, 'en-4-simulator');

    await page.getByRole('heading', { name: 'You’re in!' }).waitFor();
    await page.getByText('You’ll get: News and Sport.', { exact: true }).waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'h2', text: 'You’re in!' });
    await vi.waitFor(async () =>
      expect(await announced(page)).toBe('You’re in! You’ll get: News and Sport.'),
    );
    await shot(page, 'en-5-done');
    expect(errors).toEqual([]);
  });

  it('German, on a phone-sized screen, from the widget to "Du bist dabei"', async () => {
    const { page, errors } = await openSignup('de', viewports.mobile);
    await page.getByRole('heading', { name: 'Unsere Neuigkeiten in deinem Messenger' }).waitFor();
    await shot(page, 'de-mobile-1-choose');
    await page.getByRole('button', { name: 'WhatsApp (Sandbox)' }).click();
    await page.getByRole('heading', { name: 'Anmelden über WhatsApp (Sandbox)' }).waitFor();
    expect(await page.locator('tidings-optin [part~="notice"]').textContent()).toMatch(
      /^Ich möchte Neuigkeiten von Newsroom in diesem Messenger erhalten\. .* Datenschutzerklärung$/,
    );
    await page
      .getByRole('combobox', { name: 'Land' })
      .locator('option[value="AT"]')
      .waitFor({ state: 'attached' });
    expect(await page.getByRole('combobox', { name: 'Land' }).inputValue()).toBe('DE');
    await page.getByLabel('Handynummer').fill('+49 151 23456789');
    await page.getByLabel('Culture').check();
    await shot(page, 'de-mobile-2-form');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { name: 'In WhatsApp (Sandbox) bestätigen' }).waitFor();
    await page.getByRole('img', { name: /^QR-Code/ }).waitFor();
    await page.getByText('Unsere (Sandbox-)Nummer: +49 30 12345678', { exact: true }).waitFor();
    await shot(page, 'de-mobile-3-link');
    const prepared = (await page.locator('tidings-optin [part~="prepared-text"]').textContent())!;
    await state.app.sandbox.simulateInbound({ from: '+4915123456789', text: prepared });
    await page.getByRole('heading', { name: 'Du bist dabei!' }).waitFor();
    await page.getByText('Du bekommst: News und Culture.', { exact: true }).waitFor();
    await shot(page, 'de-mobile-4-done');
    expect(errors).toEqual([]);
  });

  it('Telegram: no number, the link carries the token, the bot’s /start confirms', async () => {
    const { page, errors } = await openSignup('en');
    await page.getByRole('button', { name: 'Telegram (sandbox)' }).click();
    await page.getByRole('heading', { name: 'Sign up via Telegram (sandbox)' }).waitFor();
    expect(await page.getByLabel('Mobile number').count()).toBe(0);
    await page.getByLabel('Sport').check();
    await shot(page, 'en-telegram-1-form');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('heading', { name: 'Confirm in Telegram (sandbox)' }).waitFor();
    await page
      .getByText('Tap “Start” (or send the prepared message) in the chat.', { exact: true })
      .waitFor();
    const open = page.getByRole('link', { name: 'Open Telegram (sandbox)' });
    const link = new URL((await open.getAttribute('href'))!);
    expect(link.searchParams.get('transport')).toBe('sandbox-telegram');
    expect(link.searchParams.get('start')).toMatch(/^[a-z0-9]{20}$/);
    await page.getByRole('img', { name: /^QR code/ }).waitFor();
    await shot(page, 'en-telegram-2-link');

    const [simulator] = await Promise.all([page.waitForEvent('popup'), open.click()]);
    expect(await simulator.getByLabel('Message').inputValue()).toBe(
      `/start ${link.searchParams.get('start')}`,
    );
    await simulator.getByRole('button', { name: 'Send' }).click();
    await simulator.getByText(/^Welcome to the Newsroom!/).waitFor();
    await page.getByRole('heading', { name: 'You’re in!' }).waitFor();
    await page.getByText('You’ll get: News and Sport.', { exact: true }).waitFor();
    await shot(page, 'en-telegram-3-done');
    expect(errors).toEqual([]);
  });

  it('Messenger: the start payload (a ref) confirms; German', async () => {
    const { page, errors } = await openSignup('de');
    await page.getByRole('button', { name: 'Messenger (Sandbox)' }).click();
    await page.getByRole('heading', { name: 'Anmelden über Messenger (Sandbox)' }).waitFor();
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { name: 'In Messenger (Sandbox) bestätigen' }).waitFor();
    const href = await page.getByRole('link', { name: 'Messenger (Sandbox) öffnen' }).getAttribute('href');
    const token = new URL(href!).searchParams.get('start')!;
    await shot(page, 'de-messenger-1-link');
    // Messenger hands the token over as the ref of the m.me link, outside the text.
    await state.app.messenger.simulateInbound({ from: 'psid-4711', startPayload: token });
    await page.getByRole('heading', { name: 'Du bist dabei!' }).waitFor();
    await page.getByText('Du bekommst: News.', { exact: true }).waitFor();
    await shot(page, 'de-messenger-2-done');
    expect(errors).toEqual([]);
  });

  it('an expired sign-up offers to start again', async () => {
    // This test's server runs on a clock the test moves: a day passes without a wait.
    const clock = manualClock(Date.now());
    await state.app.close();
    state.app = await createNewsroom({ port: 0, logger: silentLogger, clock });
    const { page } = await openSignup('en');
    await page.getByRole('button', { name: 'Telegram (sandbox)' }).click();
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('heading', { name: 'Confirm in Telegram (sandbox)' }).waitFor();
    await clock.advance(24 * 60 * 60 * 1000 + 1);
    await page.getByRole('heading', { name: 'This sign-up has expired' }).waitFor();
    await shot(page, 'en-expired');
    await page.getByRole('button', { name: 'Start again' }).click();
    await page.getByRole('heading', { name: 'Sign up via Telegram (sandbox)' }).waitFor();
  });

  it('a token the server no longer knows (404) counts as expired', async () => {
    const { page } = await openSignup('de');
    await page.getByRole('button', { name: 'Telegram (Sandbox)' }).click();
    await page.route('**/tidings/optin/*', (route) =>
      route.fulfill({ status: 404, json: { title: 'Not Found' } }),
    );
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { name: 'Diese Anmeldung ist abgelaufen' }).waitFor();
  });
});
