jest.setTimeout(300_000); // a service, its database and a browser start per file
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { osterakerBrottsofferjouren, osterakerKvinnojouren } from '../../src/demo/seed-cases';
import { bearer, TestApi } from '../support/api';
import { expectAccessible, launchBrowser, newContext, screenshot } from '../support/browser';
import { signInLocally } from '../support/local-sign-in';
import { walk } from '../support/seed-walk';

const steps = (seed: object, until: string) => Object.keys(seed).slice(0, Object.keys(seed).indexOf(until) + 1);

/**
 * The auditor's screens. The service runs in-process on the test's clock, so that the two
 * Österåker cases are written step by step on the dates of their source documents (the built
 * service writes its demo cases all today, and "the day before the decision" would show nothing).
 */
describe('an auditor (Granskning)', () => {
  let browser: Browser;
  let api: TestApi;
  let baseUrl: string;
  let roslagen: string;
  let kvinnojouren: string;
  beforeAll(async () => {
    [browser, api] = await Promise.all([launchBrowser(), TestApi.start()]);
    ({ caseId: roslagen } = await walk(api, 'osteraker', osterakerBrottsofferjouren, steps(osterakerBrottsofferjouren, 'final')));
    ({ caseId: kvinnojouren } = await walk(api, 'osteraker', osterakerKvinnojouren, steps(osterakerKvinnojouren, 'signMunicipality')));
    api.clock.set(new Date());
    await api.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  const verifyAll = async (page: Page) => {
    await page.getByRole('button', { name: 'Granska alla' }).click();
    await page.getByTestId('verify-result').waitFor();
  };

  it('sees a case as it was the day before its decision, verifies all cases with progress, is offered no command, and is told which case and revision were changed behind its back', async () => {
    const context = await newContext(browser, baseUrl);
    const page = await context.newPage();
    await page.goto('/');
    await signInLocally(page, 'Lars Holm');
    await page.getByRole('heading', { level: 1, name: 'Granskning' }).waitFor();
    const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
    expect(await menu.getByRole('link').allTextContents()).toEqual(['Ärenden', 'Tidsfrister', 'Budget', 'Granskning']);
    await page.getByTestId('anchor-hash').waitFor();
    expect(await page.getByTestId('anchor-hash').textContent()).toMatch(/^[0-9a-f]{64}$/);
    await expectAccessible(page, 'audit');
    await screenshot(page, 'granskning');

    // Every case verified, page by page, with a progress bar.
    await verifyAll(page);
    await expect(page.getByRole('progressbar', { name: 'Granskade ärenden' }).getAttribute('aria-valuetext')).resolves.toBe('2 av 2');
    await page.getByText('Allt stämmer: 2 ärenden').waitFor();
    await expectAccessible(page, 'audit: all verified');
    await screenshot(page, 'granskning-allt-stammer');

    // Roslagen's case as it was at the end of 4 September 2023, the day before the board decided it (5 September).
    await page.goto(`/arenden/${roslagen}?datum=2023-09-04`);
    await page.getByRole('note').getByText('Historisk vy').waitFor();
    await expect(page.locator('.stage').textContent()).resolves.toBe('På dagordningen');
    await expect(page.getByRole('heading', { name: 'Det här kan du göra nu' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'case as it was');
    await screenshot(page, 'arende-som-det-var');

    // Now: approved and final, awaiting signatures; the auditor is offered no command.
    await page.goto(`/arenden/${roslagen}`);
    await page.getByText('Du kan inte göra något i ärendet just nu.').waitFor();
    await expect(page.locator('.stage').textContent()).resolves.toMatch(/Undertecknande/);
    await expect(page.locator('.disclosure-trigger').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Utför' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'case now, for an auditor');

    // Someone with database access changes the officer's name in Kvinnojouren's case (revision 2) by direct SQL.
    const { rowCount } = await api.db.pool.query(
      `UPDATE events SET data = jsonb_set(data, '{officer,name}', '"Mallory"') WHERE tenant = 'osteraker' AND stream_id = $1 AND revision = 2`,
      [`case-${kvinnojouren}`],
    );
    expect(rowCount).toBe(1);
    const { body: list } = await api
      .http()
      .get('/cases')
      .set(await bearer({ roles: ['auditor'], tenant: 'osteraker' }));
    const diarienummer = list.items.find((c: { id: string }) => c.id === kvinnojouren).diarienummer as string;

    await page.goto('/granskning');
    await verifyAll(page);
    const finding = page.getByTestId('verify-result').getByRole('listitem');
    await finding.first().waitFor();
    await expect(finding.count()).resolves.toBe(1);
    await expect(finding.textContent()).resolves.toContain(`${diarienummer}: första felaktiga revision 2`);
    await page.getByText('Avvikelser hittades').waitFor();
    await expectAccessible(page, 'audit: a changed event found');
    await screenshot(page, 'granskning-avvikelse');
    await context.close();
  });
});
