import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser } from 'playwright-core';

/**
 * Chromium from the npm package @sparticuz/chromium (a binary inside the package, unpacked to
 * /tmp): no download and no system package, so a fresh `npm ci && npm test` runs the browser
 * tests, and `npm run bench:web` measures in the same browser. No jest here: the bench uses it.
 */
export async function launchBrowser(): Promise<Browser> {
  // Its args are made for AWS Lambda; there a single process is all, here it dies with the first closed context.
  const args = chromium.args.filter((arg) => arg !== '--single-process');
  return playwright.launch({ executablePath: await chromium.executablePath(), args, headless: true });
}
