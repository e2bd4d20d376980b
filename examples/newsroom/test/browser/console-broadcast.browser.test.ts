import { describe, expect, it } from 'vitest';
import { noErrors, shot, token, useConsole } from './console-browser.js';

const { state, openConsole } = useConsole();

describe('the console: token gate and broadcasts', () => {
  it('shows nothing before the token, says why, and refuses a wrong one', async () => {
    const context = await state.browser.newContext();
    const page = await context.newPage();
    state.pages.push(page);
    await page.goto(`${state.app.url}/console/`);
    await page.getByText('so it asks for a token first').waitFor();
    expect(await page.locator('nav').count()).toBe(0);
    await page.getByLabel('Console token').fill(`${token}-wrong`);
    await page.getByRole('button', { name: 'Open the console' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('That is not the console token.');
    await shot(page, 'gate');
  });

  it('composes a broadcast with previews and preflight, sends it, and watches it complete', async () => {
    const readers = ['+4915112400001', '+4915112400002', '+4915112400003', '+4915112400004'];
    for (const from of readers) await state.app.sandbox.simulateInbound({ from, text: 'START' });
    const { page, errors } = await openConsole('#/broadcasts/new');

    await page.getByLabel('Name (for you)').fill('Evening briefing');
    await page.getByLabel('Message').fill('Good evening, {name|reader}! The day in five minutes.');
    await page.getByRole('checkbox', { name: 'News' }).check();
    // One preview per messenger, placeholders filled from a sample contact.
    const previews = page.locator('[data-preview]');
    await expect.poll(() => previews.count()).toBe(3);
    expect(await page.locator('[data-preview="sandbox"] .bubble').textContent()).toBe(
      'Good evening, Alex! The day in five minutes.',
    );
    expect(await page.locator('[data-preview="sandbox-telegram"] figcaption').textContent()).toContain(
      'Telegram (sandbox)',
    );
    // The preflight report (F25) comes by itself as the message is typed.
    await page.locator('[data-testid="preflight"][data-recipients="4"]').waitFor();
    expect(await page.getByTestId('preflight').textContent()).toContain('WhatsApp (sandbox): 4');
    await shot(page, 'compose');

    await page.getByRole('button', { name: 'Send now' }).click();
    await page.locator('section.broadcast[data-status="completed"]').waitFor();
    expect(await page.locator('.progress').getAttribute('data-sent')).toBe('4');
    expect(await page.locator('.funnel [data-step="sent"]').getAttribute('data-value')).toBe('4');
    for (const reader of readers) {
      expect(state.app.sandbox.messagesTo(reader).at(-1)?.content.text).toBe(
        'Good evening, reader! The day in five minutes.',
      );
    }
    await shot(page, 'broadcast-completed');
    await page.getByRole('link', { name: '← Broadcasts' }).click();
    await page.locator('[data-status="completed"]').getByText('4 sent of 4').waitFor();
    noErrors(errors);
  });

  it('follows a broadcast live: started elsewhere, its page moves to completed by itself (SSE)', async () => {
    await state.app.sandbox.simulateInbound({ from: '+4915112400009', text: 'START' });
    const later = await state.app.tidings.broadcasts.create({
      name: 'Started from a script',
      content: { text: 'Breaking news' },
      scheduledAt: Date.now() + 86_400_000,
    });
    const { page, errors } = await openConsole(`#/broadcasts/${later.id}`);
    await page.locator('section.broadcast[data-status="scheduled"]').waitFor();
    await state.app.tidings.broadcasts.update(later.id, { scheduledAt: 'now' });
    await page.locator('section.broadcast[data-status="completed"]').waitFor();
    await page.getByText('1 sent of 1').waitFor();
    noErrors(errors);
  });

  it('schedules a broadcast, pauses it, resumes it and cancels it', async () => {
    const { page, errors } = await openConsole('#/broadcasts/new');
    await page.getByLabel('Message').fill('Tomorrow');
    await page.getByRole('radio', { name: 'Schedule' }).check();
    await page.locator('input[name="at"]').fill('2099-01-01T08:00');
    await page.getByRole('button', { name: 'Schedule' }).click();
    const section = page.locator('section.broadcast');
    await section.and(page.locator('[data-status="scheduled"]')).waitFor();
    await page.getByRole('button', { name: 'Pause' }).click();
    await section.and(page.locator('[data-status="paused"]')).waitFor();
    await page.getByRole('button', { name: 'Resume' }).click();
    await section.and(page.locator('[data-status="scheduled"]')).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await section.and(page.locator('[data-status="cancelled"]')).waitFor();
    expect(await page.getByRole('button', { name: 'Pause' }).count()).toBe(0);
    noErrors(errors);
  });
});
