jest.setTimeout(300_000); // a service, its database and a browser start per file
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, newContext, screenshot } from '../support/browser';
import { giveCommand, mouse, openCaseBySearch } from '../support/case-walk';
import { startWebService, type WebService } from '../support/web-service';

/**
 * How a command form answers when the service refuses: the rule's Swedish message, the 412 of a
 * case changed elsewhere (with a reload), and a double click that writes once.
 */
const DIARIENUMMER = 'KS 2017/001';

let browser: Browser;
let service: WebService;
let context: BrowserContext;
let page: Page;
let caseId: string;

/** The API as the signed-in official, with their own token: what another tab of theirs would do. */
async function asOfficial(path: string, init: RequestInit = {}): Promise<Response> {
  const token = await page.evaluate(() =>
    (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage.getItem('iop.token'),
  );
  return fetch(`${service.baseUrl}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers } });
}

beforeAll(async () => {
  browser = await launchBrowser();
  service = await startWebService({ SCHEDULER_ENABLED: 'false' });
  context = await newContext(browser, service.baseUrl);
  page = await context.newPage();
  await page.goto('/arenden');
  await page.locator('label', { hasText: 'Jhonas Nilsson' }).click();
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await openCaseBySearch(page, mouse, DIARIENUMMER);
  caseId = page.url().split('/').pop()!;
  await giveCommand(page, mouse, 'Registrera beslut', { choices: { Beslut: 'Bifall' }, fields: { Paragraf: '§ 203' } }, /väntar på justering/);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await service?.stop();
});

it("checks a form in the browser first, then shows the rule's Swedish message when the service refuses, and changes nothing", async () => {
  await page.getByRole('button', { name: 'Registrera justering', exact: true }).click();
  const form = page.getByRole('form', { name: 'Registrera justering' });
  await form.getByRole('button', { name: 'Registrera justering' }).click();
  await form.getByText('Fyll i fältet.').waitFor();
  await form.getByLabel(/^Justeringsdatum/).fill('15 december');
  await form.getByRole('button', { name: 'Registrera justering' }).click();
  await form.getByText('Skriv ett datum som ÅÅÅÅ-MM-DD.').waitFor();
  expect(await form.getByLabel(/^Justeringsdatum/).getAttribute('aria-invalid')).toBe('true');

  await form.getByLabel(/^Justeringsdatum/).fill('2017-12-01');
  await form.getByRole('button', { name: 'Registrera justering' }).click();
  await form.getByRole('alert').getByText('Protokollet kan inte justeras (2017-12-01) före sammanträdet (2017-12-12).').waitFor();
  await expect(page.locator('.case-header .stage').textContent()).resolves.toBe('Beslutad – väntar på justering');
  await expectAccessible(page, 'refused by a rule');
  await screenshot(page, 'regel-nekad');
});

it('says someone else changed the case (412) and offers to reload, after which the command goes through', async () => {
  await page.reload();
  await page.getByRole('button', { name: 'Registrera justering', exact: true }).click();
  const form = page.getByRole('form', { name: 'Registrera justering' });
  await form.getByLabel(/^Justeringsdatum/).fill('2017-12-15');
  // Meanwhile, in another tab: the protocol is justerat and posted.
  for (const [command, body] of [
    ['record-justering', { justeradOn: '2017-12-14' }],
    ['record-posting', { postedOn: '2017-12-18' }],
  ] as const) {
    expect((await asOfficial(`/cases/${caseId}/commands/${command}`, { method: 'POST', body: JSON.stringify(body) })).status).toBe(200);
  }
  await form.getByRole('button', { name: 'Registrera justering' }).click();
  await form.getByRole('alert').getByText('Någon annan har ändrat ärendet sedan du öppnade det. Ladda om ärendet och försök igen.').waitFor();
  await expectAccessible(page, 'stale revision');
  await screenshot(page, 'andrat-av-annan');
  await form.getByRole('button', { name: 'Ladda om ärendet' }).click();
  await page.locator('.case-header .stage', { hasText: 'Anslagen – överklagandetiden löper' }).waitFor();
});

it('writes one event for a double-clicked submit (one Idempotency-Key per submission)', async () => {
  const posts: (string | undefined)[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/commands/record-final')) posts.push(request.headers()['idempotency-key']);
  });
  await page.getByRole('button', { name: 'Registrera laga kraft', exact: true }).click();
  await page.getByRole('form', { name: 'Registrera laga kraft' }).getByRole('button', { name: 'Registrera laga kraft' }).dblclick();
  await page.locator('.case-header .stage', { hasText: /väntar på kommunens underskrift/ }).waitFor();
  const history = (await (await asOfficial(`/cases/${caseId}/history`)).json()) as { events: { type: string }[] };
  expect(history.events.filter((e) => e.type === 'DecisionBecameFinal')).toHaveLength(1);
  expect(posts.length).toBeGreaterThanOrEqual(1);
  expect(new Set(posts).size).toBe(1);
});

it('shows the case as it was after an earlier event, marked historical and with nothing to do', async () => {
  await page.getByRole('navigation', { name: 'Ärendets delar' }).getByRole('link', { name: 'Historik' }).click();
  const decision = page.locator('.timeline-entry', { hasText: 'Beslut registrerades' }).last(); // the board's, after the committee's
  await decision.getByRole('link', { name: 'Visa ärendet som det var efter denna händelse' }).click();
  await page
    .getByRole('note')
    .getByText(/^Historisk vy: så här såg ärendet ut efter händelse \d+\. Inget kan ändras här\.$/)
    .waitFor();
  await expect(page.locator('.case-header .stage').textContent()).resolves.toBe('Beslutad – väntar på justering');
  await page.locator('.statechart g.state.current[data-path="decision.approved.awaitingJustering"]').waitFor();
  await expect(page.getByRole('heading', { name: 'Det här kan du göra nu' }).count()).resolves.toBe(0);
  await expectAccessible(page, 'as it was');
  await screenshot(page, 'som-det-var');
  await page.getByRole('link', { name: 'Visa ärendet som det är nu' }).click();
  await page.locator('.case-header .stage', { hasText: /väntar på kommunens underskrift/ }).waitFor();
});

it('works 360 px wide (no page-wide horizontal scrolling) and in English', async () => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.reload();
  await page.locator('.statechart').waitFor();
  const overflow = await page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page, '360 px');
  await screenshot(page, 'arende-360px');
  await page.getByRole('button', { name: 'In English' }).click();
  await page.getByRole('heading', { level: 2, name: 'What you can do now' }).waitFor();
  await expect(page.getByRole('button', { name: 'Sign the agreement', exact: true }).count()).resolves.toBe(1);
  await expectAccessible(page, 'English case page');
  await page.getByRole('button', { name: 'På svenska' }).click();
  await page.setViewportSize({ width: 1280, height: 900 });
});
