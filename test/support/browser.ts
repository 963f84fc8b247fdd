import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export { launchBrowser } from './chromium';

/** WCAG 2.0 and 2.1, levels A and AA: what the app promises (its accessibility statement says so). */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// Every run saves here (ignored by git); `npm run screenshots` copies them to docs/screenshots for the README.
const SCREENSHOTS = join(__dirname, '../../test-output/screenshots');

/** A fresh context (cookies, storage) against the service, in Swedish and Stockholm's time. */
export function newContext(browser: Browser, baseURL: string, viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  return browser.newContext({ baseURL, locale: 'sv-SE', timezoneId: 'Europe/Stockholm', viewport });
}

/** Fails with every WCAG 2.0/2.1 A/AA violation axe finds on the page as it is now, named with the page's state. */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  const found = violations.map(
    (v) => `${state}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`).join(', ')}`,
  );
  expect(found).toEqual([]);
}

/** Saves test-output/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
