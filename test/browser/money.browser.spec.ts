jest.setTimeout(300_000); // a service, its database and a browser start per file
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, newContext, screenshot } from '../support/browser';
import { signInLocally } from '../support/local-sign-in';
import { startWebService, type WebService } from '../support/web-service';

let browser: Browser;
let service: WebService;
beforeAll(async () => {
  [browser, service] = await Promise.all([launchBrowser(), startWebService()]);
});
afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

/** A table as a person reads it: each row's cells, spaces (no-break ones too) as plain spaces. */
async function rowsOf(page: Page, testId: string): Promise<string[][]> {
  const table = page.getByTestId(testId);
  await table.waitFor();
  return table
    .locator('tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim())));
}

describe('Pengar on the case page', () => {
  it("Linköping's case shows its funding lines and its payment plan per year, amounts in Swedish form, with the arithmetic", async () => {
    const context = await newContext(browser, service.baseUrl);
    const page = await context.newPage();
    await page.goto('/arenden');
    await signInLocally(page, 'John Fristedt');
    // The demo registers it in Social- och omsorgsnämnden's series (SON 2022-1).
    await page
      .getByRole('link', { name: /^SON \d{4}-\d+$/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 2, name: 'Pengar' }).waitFor();

    const funding = page.getByRole('region', { name: 'Finansiering enligt villkoren' });
    await funding.getByText('472 200,00 kr').waitFor();
    await funding.getByText('OPI från 1 januari 2024').waitFor();
    await funding.getByText('341 314,00 kr (1 500 timmar)').waitFor();

    const summary = await rowsOf(page, 'plan-summary');
    expect(summary[0]).toEqual(['År', 'Planerat', 'Utbetalt', 'Kvar att betala', 'Överbetalt']);
    expect(summary[1]).toEqual(['2023', '472 200,00 kr', '472 200,00 kr', '0,00 kr', '0,00 kr']);
    expect(summary.map((row) => row[0])).toEqual(['År', '2023', '2024', '2025', 'Totalt']);
    for (const row of summary.slice(1)) for (const amount of row.slice(1)) expect(amount).toMatch(/^\d{1,3}( \d{3})*,\d{2} kr$/);

    const lines2023 = await rowsOf(page, 'plan-lines-2023');
    expect(lines2023[1]).toEqual(['Bidrag från social- och omsorgsnämnden', '31 januari 2023', 'Fast belopp', '472 200,00 kr', '472 200,00 kr per år']);
    const lines2024 = await rowsOf(page, 'plan-lines-2024');
    // 472 200 kr uprated by the demo's final OPI 2024 (+3,90 %).
    expect(lines2024[1].slice(2, 4)).toEqual(['Indexerat med OPI', '490 615,80 kr']);
    expect(lines2024[1][4]).toContain('OPI');
    await page.getByText('813 514,00 kr').first().waitFor();
    // The facts do not repeat the funding as raw numbers.
    await expect(page.getByText('472200').count()).resolves.toBe(0);
    await expectAccessible(page, 'case: Pengar');
    await screenshot(page, 'arende-pengar');

    // In English, the English form and the English arithmetic.
    await page.getByRole('button', { name: 'In English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Money' }).waitFor();
    expect((await rowsOf(page, 'plan-summary'))[1]).toEqual(['2023', '472,200.00 kr', '472,200.00 kr', '0.00 kr', '0.00 kr']);
    expect((await rowsOf(page, 'plan-lines-2023'))[1][4]).toBe('472,200.00 kr a year');
    await expectAccessible(page, 'case: Money (English)');

    // On a phone (360 px): the wide tables scroll in their own regions, never the page.
    await page.setViewportSize({ width: 360, height: 800 });
    await page.getByTestId('plan-lines-2024').waitFor();
    expect(await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth)).toBe(0);
    await expectAccessible(page, 'case: Money at 360 px');
    await context.close();
  });
});

describe('Referensdata', () => {
  it('an admin sets up an index series, adds a value and its revision, and sees both versions in the history; refused input is marked at the field', async () => {
    const context = await newContext(browser, service.baseUrl);
    const page = await context.newPage();
    await page.goto('/');
    await signInLocally(page, 'Frida Larsson');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Referensdata' }).click();
    await page.getByRole('heading', { level: 1, name: 'Referensdata' }).waitFor();
    await page.getByRole('region', { name: 'Kommunen' }).getByText('212000-0035').waitFor();
    expect((await rowsOf(page, 'bodies'))[1]).toEqual([
      'KS',
      'Kommunstyrelsen',
      'Nämnd eller kommunstyrelse',
      `KS ${new Date().getFullYear()}/00001 (5 siffror)`,
    ]);
    expect((await rowsOf(page, 'inhabitants'))[1]).toEqual(['2023', '48 000', '31 december 2022']);
    await expectAccessible(page, 'reference data');

    const seriesForm = page.getByRole('form', { name: 'Lägg till eller byt namn på en indexserie' });
    await seriesForm.getByLabel('Kod', { exact: true }).fill('OPI');
    await seriesForm.getByLabel('Namn', { exact: true }).fill('Omsorgsprisindex (SKR)');
    await seriesForm.getByRole('button', { name: 'Spara serien' }).click();
    await page.getByRole('heading', { level: 3, name: 'OPI – Omsorgsprisindex (SKR)' }).waitFor();

    const valueForm = page.getByRole('form', { name: 'Lägg till ett värde i OPI' });
    // A percentage with three decimals is refused next to the field, in Swedish, before anything is sent.
    await valueForm.getByLabel('År', { exact: true }).fill('2025');
    await valueForm.getByLabel('Förändring (procent)', { exact: true }).fill('3,205');
    await valueForm.getByLabel('Publicerat', { exact: true }).fill('2024-12-12');
    await valueForm.getByRole('button', { name: 'Lägg till värdet' }).click();
    await valueForm.getByText('Ange en procentsats med högst två decimaler, till exempel 3,60.').waitFor();
    await expectAccessible(page, 'reference data: a field refused');

    await valueForm.getByLabel('Förändring (procent)', { exact: true }).fill('3,2');
    // Leaving the field clears its error (and moves the button up) before the person clicks.
    await page.keyboard.press('Tab');
    await valueForm.getByText('Ange en procentsats med högst två decimaler, till exempel 3,60.').waitFor({ state: 'detached' });
    await valueForm.getByRole('button', { name: 'Lägg till värdet' }).click();
    await page.getByTestId('index-OPI').waitFor();
    expect((await rowsOf(page, 'index-OPI')).slice(1)).toEqual([['2025', '+3,20 %', 'Prognos', '12 december 2024', '1', 'Gäller']]);

    // The final value a year later: a new version; the forecast stays in the history.
    await valueForm.getByLabel('År', { exact: true }).fill('2025');
    await valueForm.getByLabel('Förändring (procent)', { exact: true }).fill('3,4');
    await valueForm.locator('label', { hasText: 'Utfall (slutligt)' }).click();
    await valueForm.getByLabel('Publicerat', { exact: true }).fill('2025-12-11');
    await valueForm.getByRole('button', { name: 'Lägg till värdet' }).click();
    await page.getByTestId('index-OPI').getByText('Utfall (slutligt)').waitFor();
    expect((await rowsOf(page, 'index-OPI')).slice(1)).toEqual([
      ['2025', '+3,20 %', 'Prognos', '12 december 2024', '1', 'Historik'],
      ['2025', '+3,40 %', 'Utfall (slutligt)', '11 december 2025', '2', 'Gäller'],
    ]);
    await expectAccessible(page, 'reference data: a value revised');
    await screenshot(page, 'referensdata');
    await context.close();
  });

  it('others of the municipality read it without forms, and the menu offers it to admins only', async () => {
    const context = await newContext(browser, service.baseUrl);
    const page = await context.newPage();
    await page.goto('/referensdata');
    await signInLocally(page, 'John Fristedt');
    await page.getByRole('heading', { level: 1, name: 'Referensdata' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'OPI – Omsorgsprisindex (SKR)' }).waitFor();
    expect((await rowsOf(page, 'index-OPI')).slice(1).map((row) => row.slice(0, 3))).toEqual([
      ['2024', '+4,10 %', 'Prognos'],
      ['2024', '+3,90 %', 'Utfall (slutligt)'],
      ['2025', '+3,20 %', 'Prognos'],
      ['2026', '+2,80 %', 'Prognos'],
    ]);
    await expect(page.getByRole('form').count()).resolves.toBe(0);
    await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Referensdata' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'reference data: read only');
    await context.close();
  });
});
