import { describe, expect, it } from 'vitest';
import { seriousViolations } from './browser-fixture.js';
import { useConsole } from './console-browser.js';

const { state, openConsole } = useConsole();

describe('the console: accessibility', () => {
  it('has no serious or critical axe-core violations on the gate and the screens', async () => {
    await state.app.sandbox.simulateInbound({
      from: '+4915112311000',
      text: 'Hello desk',
      profileName: 'Ada',
    });
    const contact = await state.app.tidings.contacts.find({
      transport: 'sandbox',
      address: '+4915112311000',
    });
    await state.app.tidings.broadcasts.create({
      name: 'Daily',
      content: { text: 'News' },
      scheduledAt: 'now',
    });
    await state.app.tidings.drain();

    const context = await state.browser.newContext();
    const gate = await context.newPage();
    state.pages.push(gate);
    await gate.goto(`${state.app.url}/console/`);
    await gate.getByLabel('Console token').waitFor();
    expect(await seriousViolations(gate)).toEqual([]);

    const { page } = await openConsole('#/broadcasts', (p) =>
      p.addInitScript(() => localStorage.setItem('newsroom-console-agent', 'anna')),
    );
    const screens: [string, string][] = [
      ['#/broadcasts', '[data-broadcast]'],
      ['#/broadcasts/new', 'textarea[name="text"]'],
      [`#/inbox/${contact!.id}`, 'article.conversation'],
      ['#/contacts', 'tr[data-contact]'],
      [`#/contacts/${contact!.id}`, 'table.ledger'],
      ['#/channels', '[data-channel="news"]'],
      ['#/team', '[data-agent="anna"]'],
      ['#/rules', 'textarea[name="rules"]'],
      ['#/stats', 'svg.days'],
    ];
    for (const [hash, ready] of screens) {
      await page.evaluate((h) => {
        location.hash = h;
      }, hash);
      await page.locator(ready).first().waitFor();
      const violations = await seriousViolations(page);
      expect(
        violations.map((v) => `${hash}: ${v.id} ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`),
      ).toEqual([]);
    }
  });
});
