jest.setTimeout(300_000); // a service, its database and a browser start per file
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { linkoping } from '../../src/demo/seed-cases';
import { bearer, TestApi } from '../support/api';
import { expectAccessible, launchBrowser, newContext, screenshot } from '../support/browser';
import { signInLocally } from '../support/local-sign-in';
import { walk } from '../support/seed-walk';

const steps = (seed: object, until: string) => Object.keys(seed).slice(0, Object.keys(seed).indexOf(until) + 1);

/** A table's rows as a person reads them: each row's cells, the header row first. */
const rowsOf = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .locator('tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').replaceAll('\u00a0', ' ').trim())));

/**
 * Budget: an official of Linköping reads the year's commitments per body and per organisation,
 * moves between years, and downloads the CSV — the same file `GET /budget?format=csv` gives.
 */
describe('an official (Budget)', () => {
  let browser: Browser;
  let api: TestApi;
  let baseUrl: string;
  beforeAll(async () => {
    [browser, api] = await Promise.all([launchBrowser(), TestApi.start()]);
    await walk(api, 'linkoping', linkoping, steps(linkoping, 'payment2024'));
    api.clock.set(new Date());
    await api.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('reads a year per body and per organisation, moves to the next year, and downloads the same CSV as the API', async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    await page.goto('/budgetoversikt?ar=2024');
    await signInLocally(page, 'John Fristedt');
    await page.getByRole('heading', { level: 1, name: 'Budget' }).waitFor();
    await page.getByRole('heading', { name: 'År 2024' }).waitFor();
    await page.getByTestId('budget-bodies').waitFor();

    const api2024 = (
      await api
        .http()
        .get('/budget?year=2024')
        .set(await bearer({ roles: ['chef'], tenant: 'linkoping' }))
    ).body;
    const bodies = await rowsOf(page, 'budget-bodies');
    expect(bodies[0]).toEqual(['Beslutande organ', 'Ärenden', 'Planerat', 'Betalt', 'Kvar att betala', 'Överbetalt']);
    expect(bodies[1].slice(0, 2)).toEqual(['Social- och omsorgsnämnden (SON)', '1']);
    expect(bodies[1][3]).toBe('491 560,20 kr');
    expect(bodies.at(-1)![0]).toBe('Summa åtaganden');
    expect(bodies.at(-1)!.slice(1)).toEqual(bodies[1].slice(1));
    expect(api2024.total.paid).toBe('491560.20');
    expect((await rowsOf(page, 'budget-organisations'))[1][0]).toBe('Brottsofferjouren i Linköping 822004-0417');
    await expectAccessible(page, 'budget');
    await screenshot(page, 'budget');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ned som CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('budget-2024.csv');
    const csv = await api
      .http()
      .get('/budget?year=2024&format=csv')
      .set(await bearer({ roles: ['chef'], tenant: 'linkoping' }));
    expect(await readFile((await download.path())!, 'utf8')).toBe(csv.text);

    await page.getByRole('button', { name: 'Nästa år' }).click();
    await page.waitForURL(/ar=2025/);
    await page.getByRole('heading', { name: 'År 2025' }).waitFor();
    await page.getByTestId('budget-bodies').waitFor();
    await page.getByRole('button', { name: 'Nästa år' }).click();
    await page.getByText('Inga överenskommelser med betalningar 2026.').waitFor();
    await context.close();
  });
});
