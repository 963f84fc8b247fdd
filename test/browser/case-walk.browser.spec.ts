jest.setTimeout(600_000); // a service, its database, an identity provider and a browser; two long walks
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, newContext, screenshot } from '../support/browser';
import { giveCommand, keyboard, mouse, openCaseBySearch, signInWithIdp, type Hands } from '../support/case-walk';
import { freePort } from '../support/free-port';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';
import { startWebService, type WebService } from '../support/web-service';

/**
 * The official's walk through the app, as the acceptance asks: Robertsfors's case (the
 * demo leaves it on the board's agenda) from the decision to both signatures, with nothing but
 * the app's forms; once with the mouse, once by keyboard alone, each on a fresh service.
 */
const DIARIENUMMER = 'KS 2017/001'; // the demo's register command takes the series' next number
const ACCOUNTS = {
  'jhonas.nilsson': { name: 'Jhonas Nilsson', roles: ['namndsekreterare', 'handlaggare', 'signatory'], tenant: 'robertsfors' },
  'eva.lindqvist': { name: 'Eva Lindqvist', roles: ['organisation'], tenant: 'robertsfors', org: '802012-3454' },
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function startWithIdp(): Promise<{ idp: TestOidcProvider; service: WebService }> {
  const port = await freePort();
  const idp = await startOidcProvider(ACCOUNTS, [`http://127.0.0.1:${port}/logga-in/oidc`]);
  // No scheduler: the decision's dates lie years back, so it would record finality itself the moment
  // the protocol is posted, and this walk is about the official doing every step in the app.
  return { idp, service: await startWebService({ ...idp.serviceEnv, SCHEDULER_ENABLED: 'false' }, port) };
}

/**
 * The walk itself; `shoot` saves screenshots (the mouse walk does, for the README). The
 * organisation's representative works in a browser of their own (`representative`).
 */
async function walk(page: Page, representative: Page, hands: (page: Page) => Hands, shoot: boolean): Promise<void> {
  await officialWalk(page, hands(page), shoot);
  await representativeSigns(representative, hands(representative));
  await officialSeesTheResult(page, hands(page), shoot);
}

async function officialWalk(page: Page, hands: Hands, shoot: boolean): Promise<void> {
  await page.goto('/arenden');
  await signInWithIdp(page, hands, 'jhonas.nilsson', 'Jhonas Nilsson');
  await openCaseBySearch(page, hands, DIARIENUMMER, shoot ? 'arenden' : undefined);
  await page.locator('.case-header .stage', { hasText: 'På dagordningen' }).waitFor();
  await page.locator('.statechart g.state.current[data-path="decision.pending.scheduled"]').waitFor();
  await expectAccessible(page, 'Ärende on the agenda');
  if (shoot) await screenshot(page, 'arende');

  await giveCommand(page, hands, 'Registrera beslut', { choices: { Beslut: 'Bifall' }, fields: { Paragraf: '§ 203' } }, /väntar på justering/);
  await expectAccessible(page, 'Ärende, decided');
  await giveCommand(page, hands, 'Registrera justering', { fields: { Justeringsdatum: '2017-12-15' } }, /väntar på anslag/);
  await giveCommand(page, hands, 'Registrera anslag', { fields: { Anslagsdatum: '2017-12-18' } }, /överklagandetiden löper/);
  await giveCommand(page, hands, 'Registrera laga kraft', {}, /väntar på kommunens underskrift/);
  await giveCommand(
    page,
    hands,
    'Underteckna överenskommelsen',
    {
      choices: { Part: 'Kommunen' },
      fields: { Namn: 'Kommunstyrelsens ordförande', Titel: 'Ordförande', Organisationsnummer: '212000-2742', 'Datum för underskrift': '2018-01-11' },
    },
    /undertecknad av kommunen/,
  );
  await expectAccessible(page, 'Ärende, signed by the municipality');
}

/** The organisation signs as itself: its representative signs in and finds the case. */
async function representativeSigns(page: Page, hands: Hands): Promise<void> {
  await page.goto('/arenden');
  await signInWithIdp(page, hands, 'eva.lindqvist', 'Eva Lindqvist');
  await openCaseBySearch(page, hands, DIARIENUMMER);
  await giveCommand(
    page,
    hands,
    'Underteckna överenskommelsen',
    {
      choices: { Part: 'Organisationen' },
      fields: {
        Namn: 'Ordförande, Brottsofferjouren i Umeå',
        Titel: 'Firmatecknare',
        Organisationsnummer: '802012-3454',
        'Datum för underskrift': '2018-01-10',
      },
    },
    /^Aktiv$/,
  );
}

/** The diagram shows the active state; the timeline each step with who did it. */
async function officialSeesTheResult(page: Page, hands: Hands, shoot: boolean): Promise<void> {
  await page.reload();
  await page.locator('.case-header .stage', { hasText: /^Aktiv$/ }).waitFor();
  await page.locator('.statechart g.state.current[data-path="active.running"]').waitFor();
  expect(await page.locator('.statechart g.state.visited[data-path="decision.approved.awaitingJustering"]').count()).toBe(1);
  await expectAccessible(page, 'Ärende, active');
  if (shoot) await screenshot(page, 'arende-aktiv');
  await hands.activate(page.getByRole('navigation', { name: 'Ärendets delar' }).getByRole('link', { name: 'Historik' }));
  await page.getByRole('heading', { level: 2, name: 'Historik' }).waitFor();
  const steps = await page
    .locator('.timeline-entry')
    .evaluateAll((entries) => entries.map((e) => (e as unknown as { innerText: string }).innerText.replace(/\s+/g, ' ')));
  const last = steps.slice(-6).map((text) => text.replace(/^.*? – /, ''));
  expect(last).toEqual([
    expect.stringMatching(/^Beslut registrerades Jhonas Nilsson \(Nämndsekreterare\) Skede: På dagordningen → Beslutad – väntar på justering/),
    expect.stringMatching(/^Protokollet justerades Jhonas Nilsson \(Nämndsekreterare\)/),
    expect.stringMatching(/^Protokollet anslogs Jhonas Nilsson \(Nämndsekreterare\)/),
    expect.stringMatching(/^Beslutet vann laga kraft Jhonas Nilsson \(Nämndsekreterare\)/),
    expect.stringMatching(/^Överenskommelsen undertecknades Jhonas Nilsson \(Firmatecknare\)/),
    expect.stringMatching(/^Överenskommelsen undertecknades Eva Lindqvist \(Organisationens företrädare\) Skede: .* → Aktiv/),
  ]);
  await expectAccessible(page, 'Historik');
  if (shoot) await screenshot(page, 'historik');
}

describe('an official walks Robertsfors from the agenda to both signatures', () => {
  let idp: TestOidcProvider;
  let service: WebService;
  beforeAll(async () => {
    ({ idp, service } = await startWithIdp());
  });
  afterAll(async () => {
    await service?.stop();
    await idp?.stop();
  });

  it('with the mouse, signing in through the identity provider', async () => {
    const official = await newContext(browser, service.baseUrl);
    const representative = await newContext(browser, service.baseUrl);
    await walk(await official.newPage(), await representative.newPage(), () => mouse, true);
    await Promise.all([official.close(), representative.close()]);
  });
});

describe('the same walk by keyboard alone', () => {
  let idp: TestOidcProvider;
  let service: WebService;
  beforeAll(async () => {
    ({ idp, service } = await startWithIdp());
  });
  afterAll(async () => {
    await service?.stop();
    await idp?.stop();
  });

  it('reaches every control with Tab, chooses with the arrow keys, submits with Enter', async () => {
    const official = await newContext(browser, service.baseUrl);
    const representative = await newContext(browser, service.baseUrl);
    await walk(await official.newPage(), await representative.newPage(), keyboard, false);
    await Promise.all([official.close(), representative.close()]);
  });
});
