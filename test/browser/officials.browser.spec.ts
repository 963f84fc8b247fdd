jest.setTimeout(300_000); // a service, its database and a browser start per file
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, newContext, screenshot } from '../support/browser';
import { signInLocally } from '../support/local-sign-in';
import { readPdf, squeezed } from '../support/pdf-text';
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

/** The case list as a person sees it: the header row, then each row's cells. */
async function caseTable(page: Page): Promise<string[][]> {
  const table = page.locator('main table');
  await table.waitFor();
  return table.locator('tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')));
}

describe('saved views of the case list', () => {
  it('a view saved and shared by one official, opened from its URL in a new browser context by another person, shows the same list', async () => {
    const first = await newContext(browser, service.baseUrl);
    const page = await first.newPage();
    await page.goto('/arenden');
    await signInLocally(page, 'Frida Larsson');
    await page.getByRole('heading', { level: 1, name: 'Ärenden' }).waitFor();
    await page.getByRole('searchbox', { name: 'Sök ärende' }).fill('jouren');
    await page.getByLabel('Status').selectOption('open');
    await page.getByLabel('Sortera efter').selectOption('diarienummer');
    await page.getByLabel('Ordning').selectOption('asc');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.waitForURL(/sort=diarienummer/);
    // Columns: the organisationsnummer instead of the officer.
    await page.locator('label', { hasText: 'Handläggare' }).click();
    await page.locator('label', { hasText: 'Organisationsnummer' }).click();
    await page.waitForURL(/kolumner=/);
    const shown = await caseTable(page);
    expect(shown[0]).toEqual(['Diarienummer', 'Organisation', 'Organisationsnummer', 'Skede', 'Inkom', 'Senast ändrat']);
    expect(shown.length).toBeGreaterThan(1);

    await page.getByLabel('Vyns namn').fill('Pågående jourer');
    await page.locator('label', { hasText: 'Dela med teamet' }).click();
    await page.getByRole('button', { name: 'Spara listan som vy' }).click();
    await page.getByText('Vyn Pågående jourer är sparad.').waitFor();
    const link = (await page.getByRole('link', { name: 'Länk till vyn' }).getAttribute('href'))!;
    expect(link).toMatch(/^\/arenden\?vy=[0-9a-f-]{36}$/);
    await expectAccessible(page, 'cases: view saved');
    await screenshot(page, 'arenden-sparad-vy');
    await first.close();

    // Another browser, another person of the team (the auditor sees shared views): the same list from the URL alone.
    const second = await newContext(browser, service.baseUrl);
    const other = await second.newPage();
    await other.goto(link);
    await signInLocally(other, 'Lars Holm');
    await other.getByText('Vy: Pågående jourer').waitFor();
    expect(await caseTable(other)).toEqual(shown);
    await expectAccessible(other, 'cases: saved view opened from its URL');
    await second.close();
  });
});

describe("an official's other screens", () => {
  let context: Awaited<ReturnType<typeof newContext>>;
  let page: Page;
  beforeAll(async () => {
    context = await newContext(browser, service.baseUrl);
    page = await context.newPage();
    await page.goto('/');
    await signInLocally(page, 'Frida Larsson');
  });
  afterAll(() => context?.close());

  it('Att göra: the cases waiting on me with what I may do, my deadlines, open cases per stage', async () => {
    await page.getByRole('heading', { level: 1, name: 'Att göra' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /väntar på dig/ }).waitFor();
    const rows = page.getByRole('region', { name: 'Ärenden som väntar på dig' }).locator('tbody tr');
    await expect(rows.count()).resolves.toBeGreaterThan(0);
    // Österåker's demo cases wait on the municipality's signature: the signatory may sign.
    await expect(rows.first().textContent()).resolves.toContain('Underteckna överenskommelsen');
    await page.getByRole('heading', { level: 2, name: 'Öppna ärenden per skede' }).waitFor();
    await expectAccessible(page, 'worklist');
    await screenshot(page, 'att-gora');
  });

  it('Tidsfrister: a list, a month calendar, and a subscription link shown once and revoked', async () => {
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Tidsfrister' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tidsfrister' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Tidsfrister' }).waitFor();
    await expectAccessible(page, 'deadlines: list');
    await page.locator('label', { hasText: 'Månad' }).click();
    await page.locator('table.calendar').waitFor();
    await expectAccessible(page, 'deadlines: month');
    await page.getByRole('button', { name: 'Skapa länk' }).click();
    const url = await page.getByTestId('feed-url').inputValue();
    expect(url).toMatch(/\/deadlines\.ics\?token=iopfeed_/);
    const feed = await fetch(url.replace(/^https?:\/\/[^/]+/, service.baseUrl));
    expect(feed.status).toBe(200);
    await expectAccessible(page, 'deadlines: link shown once');
    await screenshot(page, 'tidsfrister');
    await page.getByRole('button', { name: /^Återkalla länken/ }).click();
    await page.getByText(/återkallad/).waitFor();
    expect((await fetch(url.replace(/^https?:\/\/[^/]+/, service.baseUrl))).status).toBe(403);
  });

  it('Ärende: the documents the case reached, final or draft, each a link that downloads its PDF', async () => {
    await page.goto('/arenden');
    await page.getByRole('heading', { level: 1, name: 'Ärenden' }).waitFor();
    await page.getByRole('searchbox', { name: 'Sök ärende' }).fill('Roslagen');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page
      .getByRole('table')
      .getByText(/Ärende 1–1 av 1/)
      .waitFor();
    await page.getByRole('table').getByRole('link', { name: /^KS / }).click();
    const documents = page.getByRole('region', { name: 'Handlingar' });
    await documents.getByRole('link', { name: 'Ladda ner Överenskommelse (PDF)' }).waitFor();
    expect(await documents.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^Ladda ner Kvittens \(PDF\) Slutlig\s+Expedierad med CaseRegistered, SHA-256 [0-9a-f]{64}$/),
      expect.stringMatching(/^Ladda ner Tjänsteutlåtande \(PDF\) Slutlig/),
      expect.stringMatching(/^Ladda ner Protokollsutdrag \(PDF\) Slutlig/),
      'Ladda ner Överenskommelse (PDF) Utkast',
    ]);
    await expectAccessible(page, 'Ärende with its documents');
    await screenshot(page, 'arende-handlingar');

    const [download] = await Promise.all([page.waitForEvent('download'), documents.getByRole('link', { name: 'Ladda ner Tjänsteutlåtande (PDF)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^tjansteutlatande-KS-2023-\d+\.pdf$/);
    const { text } = await readPdf(readFileSync(await download.path()));
    for (const needle of ['Brottsofferjouren Roslagen', '802478-9128', 'Staffan Erlandsson', 'Godkänna bifogade IOP-överenskommelse'])
      expect(squeezed(text)).toContain(squeezed(needle));
  });

  it('Notiser: failed deliveries, escalations, and a bulk retry that starts with a dry run', async () => {
    await page.goto('/notiser');
    await page.getByRole('heading', { level: 1, name: 'Notiser' }).waitFor();
    await page.getByText('Inga utskick att visa.').waitFor();
    await page.getByRole('button', { name: 'Provkör' }).click();
    await page.getByText('Det finns inga misslyckade utskick att försöka igen.').waitFor();
    await expectAccessible(page, 'notifications');
    await screenshot(page, 'notiser');
  });

  it('Administration: erasing a data subject says what it will do and asks again', async () => {
    await page.goto('/administration');
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    // The municipality's reference data has its own page (test/browser/money.browser.spec.ts).
    await expect(page.getByRole('link', { name: 'Visa och ändra referensdata' }).getAttribute('href')).resolves.toBe('/referensdata');
    await page.getByLabel('Personens e-postadress').fill('anna.berg@example.se');
    await page.getByRole('button', { name: 'Radera …' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Radera personuppgifterna?' });
    await dialog.getByText('Det går inte att ångra.').waitFor();
    await expectAccessible(page, 'administration: confirm erasure');
    await screenshot(page, 'administration-radera');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await expect(dialog.count()).resolves.toBe(0);
  });

  it('Administration: the machine-migration preview of the live cases under a version of the lifecycle', async () => {
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.getByTestId('preview-result').getByText('2 pågående ärenden: 2 oförändrade').waitFor();
    await expect(page.getByTestId('preview-result').locator('tbody tr').count()).resolves.toBe(2);
    await expectAccessible(page, 'administration: migration preview');
    await screenshot(page, 'administration');
  });

  it('the accessibility statement has what DIGG asks for and links DIGG’s reporting form', async () => {
    await page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' }).waitFor();
    for (const heading of ['Vem som tillhandahåller tjänsten', 'Hur tillgänglig är tjänsten?', 'Innehåll som inte är tillgängligt', 'Hur vi testat tjänsten']) {
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    }
    await expect(page.getByRole('link', { name: 'Anmäl bristande tillgänglighet till Digg' }).getAttribute('href')).resolves.toBe(
      'https://www.digg.se/tdosanmalan',
    );
    await expectAccessible(page, 'accessibility statement');
  });

  it('every screen of part B fits 360 px and 200 % zoom without sideways scrolling of the page, and passes axe there', async () => {
    for (const width of [360, 640]) {
      await page.setViewportSize({ width, height: 800 });
      for (const path of ['/att-gora', '/arenden', '/tidsfrister', '/notiser', '/administration', '/referensdata', '/tillganglighet']) {
        await page.goto(path);
        await page.locator('main h1').waitFor();
        await page.waitForLoadState('networkidle');
        const overflow = await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
        expect({ path, width, overflow }).toEqual({ path, width, overflow: 0 });
        await expectAccessible(page, `${path} at ${width} px`);
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

/** Presses Tab until focus is on `target` (focus goes round the page), failing after `limit` presses. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, limit = 200): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** The focused element has a visible focus indicator: an outline that is drawn. */
async function focusVisible(page: Page): Promise<boolean> {
  return page.locator(':focus').evaluate((el) => {
    const style = el.ownerDocument.defaultView!.getComputedStyle(el);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  });
}

describe('by keyboard alone', () => {
  it('a chef reassigns a case from the worklist to another official, with visible focus at every step', async () => {
    const context = await newContext(browser, service.baseUrl);
    const page = await context.newPage();
    await page.goto('/');
    await signInLocally(page, 'Jhonas Nilsson');
    await page.getByRole('heading', { level: 1, name: 'Att göra' }).waitFor();
    const row = page.getByRole('region', { name: 'Ärenden som väntar på dig' }).locator('tbody tr', { hasText: 'KS 2017/' });
    const reassign = row.getByRole('button', { name: 'Tilldela annan' });
    await tabTo(page, reassign);
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /Tilldela KS 2017\/.* en annan handläggare/ });
    await dialog.waitFor();
    await expectAccessible(page, 'worklist: reassign dialog');
    // Focus starts in the dialog's first field.
    await page.keyboard.type('maria.lund');
    await page.keyboard.press('Tab');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.type('Maria Lund');
    await page.keyboard.press('Enter');
    await expect(dialog.waitFor({ state: 'detached' })).resolves.toBeUndefined();
    // The worklist reads the case list's read model, which follows the command within moments.
    for (let tries = 0; tries < 50 && (await row.getByText('Maria Lund').count()) === 0; tries++) {
      await page.waitForTimeout(200);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Att göra' }).waitFor();
      await row.waitFor();
    }
    await row.getByText('Maria Lund').waitFor();
    await expectAccessible(page, 'worklist: reassigned');
    await context.close();
  });
});
