import type { Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { focused, seriousViolations, shot, useBrowser } from './browser-fixture.js';

const { state, openSignup } = useBrowser();

/** Presses Tab until the focused element's text or id matches, failing after `max` presses. */
async function tabTo(page: Page, target: RegExp, max = 10) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (target.test(now.text) || target.test(now.id)) return now;
  }
  throw new Error(`Tab never reached ${target}; focus is on ${JSON.stringify(await focused(page))}`);
}

describe('keyboard only', () => {
  it('goes through the whole sign-up without a mouse, focus on each step’s heading', async () => {
    const { page, errors } = await openSignup('en');
    await page.getByRole('heading', { name: 'Get our news on your messenger' }).waitFor();
    // Loading the page does not pull focus into the widget.
    expect((await focused(page)).tag).toBe('body');

    await tabTo(page, /^WhatsApp \(sandbox\)$/);
    await page.keyboard.press('Enter');
    await vi.waitFor(async () =>
      expect(await focused(page)).toMatchObject({ tag: 'h2', text: 'Sign up via WhatsApp (sandbox)' }),
    );
    await page.locator('tidings-optin option[value="AT"]').waitFor({ state: 'attached' });
    await tabTo(page, /^tidings-country$/);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ id: 'tidings-phone' });
    await page.keyboard.type('015112345678');
    // The default channel is fixed (disabled), so Tab goes on to Sport.
    await tabTo(page, /^tidings-channel-sport$/, 1);
    await page.keyboard.press('Space');
    expect(await page.getByLabel('Sport').isChecked()).toBe(true);
    await tabTo(page, /^Sign up$/);
    await shot(page, 'en-keyboard-1-form');
    await page.keyboard.press('Enter');

    await vi.waitFor(async () =>
      expect(await focused(page)).toMatchObject({ tag: 'h2', text: 'Confirm in WhatsApp (sandbox)' }),
    );
    const open = await tabTo(page, /^Open WhatsApp \(sandbox\)$/);
    expect(open.tag).toBe('a');
    await shot(page, 'en-keyboard-2-link');
    const prepared = (await page.locator('tidings-optin [part~="prepared-text"]').textContent())!;
    await state.app.sandbox.simulateInbound({ from: '+4915112345678', text: prepared });
    await vi.waitFor(async () =>
      expect(await focused(page)).toMatchObject({ tag: 'h2', text: 'You’re in!' }),
    );
    await shot(page, 'en-keyboard-3-done');
    expect(errors).toEqual([]);
  });

  it('goes back from the form to the choice of messenger', async () => {
    const { page } = await openSignup('de');
    await tabTo(page, /^Telegram \(Sandbox\)$/);
    await page.keyboard.press('Enter');
    await vi.waitFor(async () => expect((await focused(page)).text).toBe('Anmelden über Telegram (Sandbox)'));
    await tabTo(page, /^Anderen Messenger wählen$/);
    await page.keyboard.press('Enter');
    await vi.waitFor(async () =>
      expect(await focused(page)).toMatchObject({
        tag: 'h2',
        text: 'Unsere Neuigkeiten in deinem Messenger',
      }),
    );
  });
});

describe('axe-core', () => {
  for (const lang of ['en', 'de'] as const) {
    it(`finds no serious or critical violation on any step (${lang})`, async () => {
      const { page } = await openSignup(lang);
      const labels =
        lang === 'en'
          ? { wa: 'WhatsApp (sandbox)', submit: 'Sign up' }
          : { wa: 'WhatsApp (Sandbox)', submit: 'Anmelden' };
      await page.getByRole('button', { name: labels.wa }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('button', { name: labels.wa }).click();
      await page.locator('tidings-optin option[value="AT"]').waitFor({ state: 'attached' });
      await page.getByRole('button', { name: labels.submit }).click();
      await page.locator('tidings-optin #tidings-phone[aria-invalid="true"]').waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      await page.locator('tidings-optin #tidings-phone').fill('015112345678');
      await page.getByRole('button', { name: labels.submit }).click();
      await page.locator('tidings-optin [part~="qr-code"]').waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      const prepared = (await page.locator('tidings-optin [part~="prepared-text"]').textContent())!;
      await state.app.sandbox.simulateInbound({ from: '+4915112345678', text: prepared });
      await page.locator('tidings-optin [part~="step-done"]').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, `${lang}-axe-done`);
    });
  }
});
