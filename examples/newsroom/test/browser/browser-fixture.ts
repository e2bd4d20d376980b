import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { silentLogger } from '@tidings/core';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createNewsroom, type Newsroom } from '../../src/create-app.js';

/** Debian's Chromium: the tests never download a browser. */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const artifacts = new URL('../../../../test-artifacts/widget/', import.meta.url);

export const viewports = {
  desktop: { width: 900, height: 1000 },
  mobile: { width: 375, height: 812 },
} as const;

/** One Chromium per test file, and a fresh demo per test (the sign-up limits count per server). */
export function useBrowser() {
  const state = {} as { browser: Browser; app: Newsroom; pages: Page[] };
  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    state.browser = await chromium.launch({ executablePath, args });
  });
  afterAll(() => state.browser?.close());
  beforeEach(async () => {
    state.app = await createNewsroom({ port: 0, logger: silentLogger });
    state.pages = [];
  });
  afterEach(async () => {
    for (const page of state.pages) await page.context().close();
    await state.app.close();
  });

  /** Opens the sign-up page with fast polling, as a visitor would; fails the test on a page error. */
  async function openSignup(
    lang: 'en' | 'de' = 'en',
    viewport: { width: number; height: number } = viewports.desktop,
  ) {
    const context = await state.browser.newContext({ viewport, locale: lang === 'de' ? 'de-DE' : 'en-US' });
    // Shorter than the test's own timeout, so a missing element fails with the locator's message.
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    state.pages.push(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${state.app.url}/?lang=${lang}`);
    // Fast polling keeps the tests quick; the back-off itself is unit-tested.
    await page.locator('tidings-optin').evaluate((el) => {
      el.setAttribute('poll-interval', '100');
      el.setAttribute('poll-max-interval', '200');
    });
    return { page, errors };
  }

  return { state, openSignup };
}

/** Saves a screenshot as a test artifact: `test-artifacts/widget/<name>.png` at the repository root. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: new URL(`${name}.png`, artifacts).pathname, fullPage: true });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe-core in the page (evaluated over the DevTools protocol, so the page's CSP still holds). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The element that has focus, looking into shadow roots: `{ tag, text, label }`. */
export function focused(page: Page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return {
      tag: active?.tagName.toLowerCase() ?? null,
      text: active?.textContent?.trim() ?? '',
      id: active?.id ?? '',
    };
  });
}

/** What the widget's live region says (`role=status`), for the announcements a screen reader hears. */
export function announced(page: Page) {
  return page.locator('tidings-optin [part~="announcer"]').textContent();
}
