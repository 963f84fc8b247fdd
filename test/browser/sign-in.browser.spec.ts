jest.setTimeout(180_000); // a service, its database and a browser start per file
import type { Browser } from 'playwright-core';
import { expectAccessible, launchBrowser, newContext, screenshot } from '../support/browser';
import { freePort } from '../support/free-port';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';
import { startWebService, type WebService } from '../support/web-service';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('signing in through the identity provider (OpenID Connect, code + PKCE)', () => {
  let idp: TestOidcProvider;
  let service: WebService;
  beforeAll(async () => {
    const port = await freePort();
    idp = await startOidcProvider({ 'jhonas.nilsson': { name: 'Jhonas Nilsson', roles: ['handlaggare', 'namndsekreterare'], tenant: 'robertsfors' } }, [
      `http://127.0.0.1:${port}/logga-in/oidc`,
    ]);
    service = await startWebService(idp.serviceEnv, port);
  });
  afterAll(async () => {
    await service?.stop();
    await idp?.stop();
  });

  it('signs an official in and back to the page they asked for, in Swedish, with no local sign-in offered', async () => {
    const context = await newContext(browser, service.baseUrl);
    const page = await context.newPage();
    await page.goto('/arenden');
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await expect(page.getByText('Lokal inloggning').count()).resolves.toBe(0);
    await expectAccessible(page, 'sign-in');
    await screenshot(page, 'logga-in');

    await page.getByRole('button', { name: 'Logga in med organisationens inloggning' }).click();
    await page.waitForURL(`${idp.issuer}/**`);
    await page.locator('input[name="login"]').fill('jhonas.nilsson');
    await page.locator('input[name="password"]').fill('valfritt');
    await page.locator('button[type="submit"]').click();

    await page.waitForURL(`${service.baseUrl}/arenden`);
    await page.getByText('Inloggad som Jhonas Nilsson').waitFor();
    await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Ärenden' }).getAttribute('aria-current')).resolves.toBe('page');
    await expect(page.getByRole('link', { name: 'Tillgänglighetsredogörelse' }).count()).resolves.toBe(1);
    await expectAccessible(page, 'signed in');

    // Signing out ends the session at the identity provider too: the next sign-in asks for the login again.
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.waitForURL(`${idp.issuer}/**`);
    await page.locator('button[name="logout"][value="yes"]').click();
    await page.waitForURL(`${service.baseUrl}/`);
    await page.getByRole('button', { name: 'Logga in med organisationens inloggning' }).click();
    await page.locator('input[name="login"]').waitFor();
    await context.close();
  });

  it('switches the whole app to English and back, with lang set', async () => {
    const context = await newContext(browser, service.baseUrl);
    const page = await context.newPage();
    await page.goto('/tillganglighet');
    await page.getByRole('button', { name: 'In English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Accessibility statement' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectAccessible(page, 'English');
    await page.getByRole('button', { name: 'På svenska' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await context.close();
  });
});

describe('local sign-in (loopback, no identity provider)', () => {
  let service: WebService;
  beforeAll(async () => {
    service = await startWebService();
  });
  afterAll(() => service?.stop());

  it('picks a demo person and some of their roles, and is reached by keyboard from the skip link on', async () => {
    const context = await newContext(browser, service.baseUrl);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 2, name: 'Lokal inloggning (endast för utveckling och demo)' }).waitFor();
    await expectAccessible(page, 'local sign-in');
    await screenshot(page, 'lokal-inloggning');

    await page.keyboard.press('Tab');
    await expect(page.locator(':focus').textContent()).resolves.toBe('Hoppa till innehållet');
    // react-aria keeps the native inputs visually hidden; a person clicks the label.
    await page.locator('label', { hasText: 'Frida Larsson' }).click();
    await expect(page.getByRole('radio', { name: /Frida Larsson/ }).isChecked()).resolves.toBe(true);
    await page.locator('label', { hasText: 'Administratör' }).click();
    await expect(page.getByRole('checkbox', { name: 'Administratör' }).isChecked()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Logga in', exact: true }).press('Enter');
    await page.getByText('Inloggad som Frida Larsson').waitFor();
    await expect(page.getByText('Administratör').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await context.close();
  });
});
