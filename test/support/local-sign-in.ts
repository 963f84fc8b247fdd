import type { Page } from 'playwright-core';

/**
 * Signs in through the app's local sign-in (loopback, no identity provider) as a demo person with
 * the roles preselected for them, from whatever page asked for it; the page is shown afterwards.
 */
export async function signInLocally(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 2, name: /Lokal inloggning/ }).waitFor();
  // react-aria keeps the native inputs visually hidden; a person clicks the label.
  await page.locator('label', { hasText: name }).click();
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await page.getByText(`Inloggad som ${name}`).waitFor();
}
