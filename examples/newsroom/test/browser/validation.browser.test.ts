import { describe, expect, it, vi } from 'vitest';
import { announced, focused, shot, useBrowser } from './browser-fixture.js';

const { state, openSignup } = useBrowser();

/** The sign-up form for WhatsApp (the phone sandbox), ready to fill. */
async function phoneForm(lang: 'en' | 'de' = 'en') {
  const signup = await openSignup(lang);
  const { page } = signup;
  await page
    .getByRole('button', { name: lang === 'en' ? 'WhatsApp (sandbox)' : 'WhatsApp (Sandbox)' })
    .click();
  // The country list arrives with libphonenumber-js: from then on the number is checked as typed.
  await page.locator('tidings-optin option[value="AT"]').waitFor({ state: 'attached' });
  return signup;
}

const phoneError = (page: import('playwright-core').Page) =>
  page.locator('tidings-optin #tidings-phone-error');

describe('errors at their fields', () => {
  it('an empty number: said at the field, which gets focus', async () => {
    const { page } = await phoneForm();
    await page.getByRole('button', { name: 'Sign up' }).click();
    await vi.waitFor(async () =>
      expect(await phoneError(page).textContent()).toBe('Enter your mobile number.'),
    );
    expect(await page.getByLabel('Mobile number').getAttribute('aria-invalid')).toBe('true');
    expect(await focused(page)).toMatchObject({ tag: 'input', id: 'tidings-phone' });
    await vi.waitFor(async () => expect(await announced(page)).toBe('Please check the marked fields.'));
    await shot(page, 'en-error-phone-empty');
  });

  it('a number that cannot be right: said when leaving the field and on submit, in German too', async () => {
    const { page } = await phoneForm('de');
    const phone = page.getByLabel('Handynummer');
    await phone.fill('0151 12');
    await phone.press('Tab'); // leaving the field checks it
    await vi.waitFor(async () =>
      expect(await phoneError(page).textContent()).toBe(
        'Diese Nummer scheint nicht zu stimmen. Prüfe die Nummer und das Land.',
      ),
    );
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await vi.waitFor(async () => expect(await focused(page)).toMatchObject({ id: 'tidings-phone' }));
    await shot(page, 'de-error-phone-invalid');
    // Typing again clears the mark.
    await phone.pressSequentially('3');
    expect(await phone.getAttribute('aria-invalid')).toBeNull();
  });

  it('a number the server refuses: shown at the phone field', async () => {
    const { page } = await phoneForm();
    await page.route('**/tidings/optin', (route) =>
      route.fulfill({
        status: 422,
        contentType: 'application/problem+json',
        json: {
          title: 'Unprocessable Content',
          errors: [{ field: 'phone', message: 'not a valid phone number' }],
        },
      }),
    );
    await page.getByLabel('Mobile number').fill('015112345678');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await vi.waitFor(async () =>
      expect(await phoneError(page).textContent()).toBe(
        'This number does not look right. Check the number and the country.',
      ),
    );
  });

  it('a channel removed meanwhile (422 channels.0): shown at the channels', async () => {
    const { page } = await phoneForm();
    await page.getByLabel('Mobile number').fill('015112345678');
    await page.getByLabel('Culture').check();
    await state.app.tidings.channels.remove('culture');
    await page.getByRole('button', { name: 'Sign up' }).click();
    const error = page.locator('tidings-optin #tidings-channels-error');
    await vi.waitFor(async () =>
      expect(await error.textContent()).toBe('“Culture” is not available any more. Untick it and try again.'),
    );
    expect(await focused(page)).toMatchObject({ tag: 'input', id: 'tidings-channel-culture' });
    await shot(page, 'en-error-channel');
  });

  it('too many attempts (429): says when to try again', async () => {
    const { page } = await phoneForm();
    // Three sign-ups an hour per number are allowed; use them up from elsewhere.
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${state.app.url}/tidings/optin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ transport: 'sandbox', phone: '+4915112345678', channels: [] }),
      });
      expect(response.status).toBe(202);
    }
    await page.getByLabel('Mobile number').fill('015112345678');
    await page.getByRole('button', { name: 'Sign up' }).click();
    const error = page.locator('tidings-optin #tidings-form-error');
    await vi.waitFor(async () =>
      expect(await error.textContent()).toMatch(
        /^Too many attempts\. Please try again after \d{1,2}:\d{2}( [AP]M)?\.$/,
      ),
    );
    await vi.waitFor(async () => expect(await announced(page)).toBe(await error.textContent()));
    await shot(page, 'en-error-rate-limited');
  });

  it('no connection: says so, and the form stays as filled', async () => {
    const { page } = await phoneForm();
    await page.route('**/tidings/optin', (route) => route.abort('internetdisconnected'));
    await page.getByLabel('Mobile number').fill('015112345678');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await vi.waitFor(async () =>
      expect(await page.locator('tidings-optin #tidings-form-error').textContent()).toBe(
        'We could not reach the server. Check your connection and try again.',
      ),
    );
    expect(await page.getByLabel('Mobile number').inputValue()).toBe('01511 2345678');
  });

  it('the honeypot: a bot that fills it gets the same answer, and nothing is stored', async () => {
    const { page } = await phoneForm();
    // People cannot reach the field (it is inert and off-screen); a bot fills it in the DOM.
    await page.locator('tidings-optin #tidings-website').evaluate((input: HTMLInputElement) => {
      input.value = 'https://spam.example';
    });
    await page.getByLabel('Mobile number').fill('015112345678');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('heading', { name: 'Confirm in WhatsApp (sandbox)' }).waitFor();
    const prepared = (await page.locator('tidings-optin [part~="prepared-text"]').textContent())!;
    const token = prepared.split(' ')[1]!;
    expect((await fetch(`${state.app.url}/tidings/optin/${token}`)).status).toBe(404);
  });
});
