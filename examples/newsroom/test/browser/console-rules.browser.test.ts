import { describe, expect, it } from 'vitest';
import { noErrors, shot, useConsole } from './console-browser.js';

const { state, openConsole } = useConsole();

describe('the console: the rules editor', () => {
  it('marks a problem at its line and column as you type, refuses to save, and saves once fixed', async () => {
    const { page, errors } = await openConsole('#/rules');
    const editor = page.getByLabel('Rules', { exact: true });
    await editor.fill(
      'when keyword TANZ then reply "Du bist dabei"\nwhen keyword X then add to channel sprot',
    );
    // The check runs as you type: the issue is listed and the source marked at line 2, column 36 ("sprot").
    const mark = page.locator('.rule-source mark[data-issue-line="2"]');
    await mark.waitFor();
    expect(await mark.getAttribute('data-issue-column')).toBe('36');
    expect(await mark.textContent()).toBe('sprot');
    expect(await page.locator('.rule-source li.has-issue').count()).toBe(1);
    const issue = page.getByTestId('rule-issues').locator('li');
    expect(await issue.textContent()).toMatch(/^line 2, column 36: .*sprot/);
    expect(await editor.getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'rules-error');

    // Clicking the issue puts the caret on it in the editor.
    await issue.getByRole('button').click();
    const caret = await editor.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd]);
    const offset = 'when keyword TANZ then reply "Du bist dabei"\n'.length + 35;
    expect(caret).toEqual([offset, offset + 1]);

    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('Not saved: fix the problems marked below.').waitFor();
    expect((await state.app.tidings.rules.get()).version).toBe(0);

    await editor.fill(
      'when keyword TANZ then reply "Du bist dabei"\nwhen keyword X then add to channel sport',
    );
    await expect.poll(() => page.locator('.rule-source mark').count()).toBe(0);
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('Saved (version 1).').waitFor();
    expect((await state.app.tidings.rules.get()).text).toContain('channel sport');
    noErrors(errors);
  });

  it('explains which rules a message would run, and why', async () => {
    await state.app.tidings.rules.set(
      'when keyword TANZ then reply "Du bist dabei"\nwhen contains "hilfe" then reply "Wir helfen"',
    );
    const { page, errors } = await openConsole('#/rules');
    await page.getByLabel('Message', { exact: true }).fill('Tanz!');
    await page.getByRole('button', { name: 'Explain' }).click();
    const rules = page.getByTestId('explanation').locator('li');
    await expect.poll(() => rules.count()).toBe(2);
    expect(await rules.nth(0).getAttribute('data-runs')).toBe('true');
    expect(await rules.nth(1).getAttribute('data-runs')).toBe('false');
    expect(await rules.nth(0).textContent()).toContain('line 1');
    await shot(page, 'rules-explain');
    noErrors(errors);
  });
});
