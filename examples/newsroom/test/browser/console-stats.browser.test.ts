import { describe, expect, it } from 'vitest';
import { noErrors, shot, useConsole } from './console-browser.js';

const { state, openConsole } = useConsole();

describe('the console: statistics, contacts and channels', () => {
  it('draws sign-ups per day and the funnel of a broadcast as SVG charts', async () => {
    for (const n of [1, 2, 3])
      await state.app.sandbox.simulateInbound({ from: `+491511238800${n}`, text: 'START' });
    await state.app.tidings.broadcasts.create({
      name: 'Weekly',
      content: { text: 'The week' },
      scheduledAt: 'now',
    });
    await state.app.tidings.drain();
    const { page, errors } = await openConsole('#/stats');
    const days = page.locator('svg.days g[data-day]');
    await expect.poll(() => days.count()).toBe(30);
    const today = new Date().toISOString().slice(0, 10);
    expect(await page.locator(`svg.days g[data-day="${today}"]`).getAttribute('data-value')).toBe('3');
    const bar = await page.locator(`svg.days g[data-day="${today}"] rect`).boundingBox();
    expect(bar!.height).toBeGreaterThan(50);
    expect(await page.getByTestId('consent-totals').textContent()).toContain('3 sign-ups');

    await page.locator('svg.funnel g[data-step="sent"][data-value="3"]').waitFor();
    const sent = await page.locator('svg.funnel g[data-step="sent"] rect').boundingBox();
    const queued = await page.locator('svg.funnel g[data-step="queued"] rect').boundingBox();
    expect(sent!.width).toBeCloseTo(queued!.width, 0);
    await page.getByLabel('Range').selectOption('7');
    await expect.poll(() => days.count()).toBe(7);
    await shot(page, 'statistics');
    noErrors(errors);
  });

  it('shows a contact’s consent ledger and erases the contact', async () => {
    await state.app.sandbox.simulateInbound({ from: '+4915112399999', text: 'START', profileName: 'Lea' });
    const { page, errors } = await openConsole('#/contacts');
    await page.getByRole('link', { name: 'Lea' }).click();
    await page.locator('table.ledger').getByText('opted-in').waitFor();
    const exportLink = page.getByRole('link', { name: 'Export (JSON)' });
    expect(await exportLink.getAttribute('href')).toMatch(/^\/console\/api\/contacts\/[^/]+\/export$/);
    await shot(page, 'contact');
    await page.getByRole('button', { name: 'Erase…' }).click();
    await page.getByRole('button', { name: 'Erase for good' }).click();
    await page.getByText('No contacts.').waitFor();
    expect(
      await state.app.tidings.contacts.find({ transport: 'sandbox', address: '+4915112399999' }),
    ).toBeNull();
    noErrors(errors);
  });

  it('pages through contacts 50 at a time', async () => {
    for (let n = 0; n < 52; n++) {
      await state.app.sandbox.simulateInbound({
        from: `+49151124${String(n).padStart(5, '0')}`,
        text: 'START',
      });
    }
    const { page, errors } = await openConsole('#/contacts');
    const rows = page.locator('tr[data-contact]');
    await expect.poll(() => rows.count()).toBe(50);
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByRole('button', { name: 'Next →' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: '← Previous' }).click();
    await expect.poll(() => rows.count()).toBe(50);
    noErrors(errors);
  });

  it('adds a channel and switches one off', async () => {
    const { page, errors } = await openConsole('#/channels');
    await page.getByLabel('Slug').fill('tanz');
    await page.getByLabel('Name', { exact: true }).fill('Tanz');
    await page.getByLabel('Keywords (comma-separated)').fill('TANZ, DANCE');
    await page.getByRole('button', { name: 'Add' }).click();
    await page.locator('[data-channel="tanz"]').getByText('tanz, dance').waitFor();
    const culture = page.getByLabel('Culture active');
    await culture.click();
    await expect.poll(async () => (await state.app.tidings.channels.get('culture'))?.active).toBe(false);
    await expect.poll(() => culture.isChecked()).toBe(false);
    noErrors(errors);
  });
});
