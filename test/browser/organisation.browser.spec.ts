jest.setTimeout(240_000); // a service, its database and a browser start per file
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, newContext, screenshot } from '../support/browser';
import { signInLocally } from '../support/local-sign-in';
import { startWebService, type WebService } from '../support/web-service';

const OWN = 'Brottsofferjouren Roslagen';

/** The organisation names in the representative's case table. */
async function organisationsListed(page: Page): Promise<string[]> {
  return page.getByTestId('own-cases').locator('tbody tr td:nth-of-type(1)').allTextContents();
}

describe("an organisation's representative (Organisationens sidor)", () => {
  let browser: Browser;
  let service: WebService;
  beforeAll(async () => {
    [browser, service] = await Promise.all([launchBrowser(), startWebService()]);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it("submits a new application, sees only its own organisation's cases, and gets 'not found' for another organisation's case by URL", async () => {
    const context = await newContext(browser, service.baseUrl);
    const page = await context.newPage();
    await page.goto('/');
    await signInLocally(page, 'Anna Berg');
    await page.getByRole('heading', { level: 1, name: 'Organisationens sidor' }).waitFor();
    await page.getByTestId('own-cases').waitFor();
    expect(await organisationsListed(page)).toEqual([OWN]);
    // What a representative may not do is not offered: no worklist, audit, notifications or administration.
    const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
    expect(await menu.getByRole('link').allTextContents()).toEqual(['Organisationens sidor', 'Ärenden', 'Tidsfrister']);
    await expectAccessible(page, 'organisation: own cases');
    await screenshot(page, 'organisationens-sidor');

    await page.getByRole('link', { name: 'Lämna in en ny ansökan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny ansökan om IOP' }).waitFor();
    await expectAccessible(page, 'application: empty form');
    const field = (label: string) => page.getByLabel(label, { exact: true });
    await field('Organisationens namn').fill(OWN);
    // A wrong check digit is caught before anything is sent, next to the field.
    await field('Organisationsnummer').fill('802478-9127');
    await field('Syfte').fill('Stöd till brottsutsatta i Österåker, även på kvällstid');
    await field('Målgrupper').fill('Brottsutsatta\nAnhöriga');
    await field('Verksamhet').fill('Samtalsstöd\nJourtelefon');
    await field('Belopp per år (kronor)').fill('150000');
    await field('Avtalstiden börjar').fill('2027-01-01');
    await field('Avtalstiden slutar (till och med)').fill('2028-12-31');
    await field('Namn').fill('Anna Berg');
    await field('E-post').fill('anna.berg@example.se');
    await page.getByRole('button', { name: 'Lämna in ansökan' }).click();
    await page.getByText('Ange ett organisationsnummer med tio siffror').waitFor();
    await expectAccessible(page, 'application: a field refused');
    await field('Organisationsnummer').fill('802478-9128');
    await page.getByRole('button', { name: 'Lämna in ansökan' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ansökan är inlämnad' }).waitFor();
    await expectAccessible(page, 'application: submitted');
    await screenshot(page, 'ny-ansokan-inlamnad');
    const newCase = (await page.getByRole('link', { name: 'Öppna ärendet' }).getAttribute('href'))!;

    // Back on the organisation's pages the new case is listed (the list follows within moments), still only its own.
    await page.getByRole('link', { name: 'Tillbaka till organisationens sidor' }).first().click();
    await page.getByTestId('own-cases').waitFor();
    for (let tries = 0; tries < 50 && (await page.locator(`a[href="${newCase}"]`).count()) === 0; tries++) {
      await page.waitForTimeout(200);
      await page.reload();
      await page.getByTestId('own-cases').waitFor();
    }
    await page.locator(`a[href="${newCase}"]`).waitFor();
    expect(await organisationsListed(page)).toEqual([OWN, OWN]);

    // Another organisation's case (Kvinnojouren's, found through an official's token) does not exist for the representative.
    const official = await fetch(`${service.baseUrl}/auth/local-token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ personId: 'frida.larsson', roles: ['handlaggare'] }),
    }).then((r) => r.json() as Promise<{ token: string }>);
    const all = await fetch(`${service.baseUrl}/cases?limit=200`, { headers: { Authorization: `Bearer ${official.token}` } }).then(
      (r) => r.json() as Promise<{ items: { id: string; organisationName: string }[] }>,
    );
    const other = all.items.find((c) => c.organisationName !== OWN)!;
    expect(other).toBeDefined();
    await page.goto(`/arenden/${other.id}`);
    await page.getByRole('heading', { level: 1, name: 'Sidan finns inte' }).waitFor();
    await expect(page.getByText(other.organisationName).count()).resolves.toBe(0);
    await expectAccessible(page, 'organisation: another organisation’s case');
    await context.close();
  });
});
