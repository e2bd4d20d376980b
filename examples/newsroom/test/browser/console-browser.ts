import { mkdirSync } from 'node:fs';
import { silentLogger } from '@tidings/core';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createNewsroom, type Newsroom, type NewsroomOptions } from '../../src/create-app.js';

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
const artifacts = new URL('../../../../test-artifacts/console/', import.meta.url);
export const token = 'browser-test-token';

/** One Chromium per test file and a fresh demo (memory store, sandboxes) per test, made with `options()`. */
export function useConsole(options: () => NewsroomOptions = () => ({})) {
  const state = {} as { browser: Browser; app: Newsroom; pages: Page[] };
  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    state.browser = await chromium.launch({ executablePath, args });
  });
  afterAll(() => state.browser?.close());
  beforeEach(async () => {
    state.app = await createNewsroom({ port: 0, logger: silentLogger, consoleToken: token, ...options() });
    state.pages = [];
  });
  afterEach(async () => {
    for (const page of state.pages) await page.context().close();
    await state.app.close();
  });

  /**
   * Opens the console as staff would: the token first, then the given screen (`#/inbox`). Waits until the live
   * event stream is connected, so nothing the test does afterwards can be missed. Fails on any page error.
   */
  async function openConsole(hash = '#/broadcasts', init?: (page: Page) => Promise<unknown>) {
    const context = await state.browser.newContext({ viewport: { width: 1200, height: 900 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    state.pages.push(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await init?.(page);
    await page.goto(`${state.app.url}/console/${hash}`);
    await page.getByLabel('Console token').fill(token);
    await page.getByRole('button', { name: 'Open the console' }).click();
    await page.locator('html[data-live="open"]').waitFor({ state: 'attached' });
    return { page, errors };
  }

  return { state, openConsole };
}

/** Saves a screenshot as a test artifact: `test-artifacts/console/<name>.png` at the repository root. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: new URL(`${name}.png`, artifacts).pathname, fullPage: true });
}

export function noErrors(errors: string[]): void {
  expect(errors).toEqual([]);
}
