import type { Locator, Page } from 'playwright-core';
import { expectAccessible, screenshot } from './browser';

/**
 * How a person works the app: with the mouse (click, fill) or by keyboard alone (Tab to a
 * control, type, Enter, arrow keys in a radio group). The walk below is the same for both.
 */
export interface Hands {
  activate(target: Locator): Promise<void>;
  type(field: Locator, text: string): Promise<void>;
  choose(option: Locator): Promise<void>;
}

export const mouse: Hands = {
  activate: (target) => target.click(),
  type: (field, text) => field.fill(text),
  // react-aria keeps the native input visually hidden: a person clicks its label.
  choose: (option) => option.locator('xpath=ancestor::label[1]').click(),
};

/** Presses Tab until focus is on `target` or inside it (focus wraps round the page), failing after `limit` presses. */
export async function tabTo(page: Page, target: Locator, limit = 400): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((el) => el.contains(el.ownerDocument.activeElement))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

export function keyboard(page: Page): Hands {
  return {
    async activate(target) {
      await tabTo(page, target);
      await page.keyboard.press('Enter');
    },
    async type(field, text) {
      await tabTo(page, field);
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(text);
    },
    async choose(option) {
      // Tab enters the group at its selected (or first) option, Space selects it; arrow keys move and select.
      await tabTo(page, option.locator('xpath=ancestor::*[@role="radiogroup"][1]'));
      await page.keyboard.press('Space');
      for (let presses = 0; presses < 10 && !(await option.isChecked()); presses++) await page.keyboard.press('ArrowRight');
      if (!(await option.isChecked())) throw new Error(`could not choose ${option}`);
    },
  };
}

export type Fields = Record<string, string>;

/**
 * Gives a command through the case page's form: opens its disclosure, chooses the radio options
 * (`choices`: group label → option label), types the fields (label → text), submits, and waits for the
 * stage to read `stage`.
 */
export async function giveCommand(
  page: Page,
  hands: Hands,
  title: string,
  { fields = {}, choices = {} }: { fields?: Fields; choices?: Fields },
  stage: RegExp,
) {
  await hands.activate(page.getByRole('button', { name: title, exact: true }).first());
  const form = page.getByRole('form', { name: title });
  await form.waitFor();
  for (const [group, option] of Object.entries(choices)) {
    await hands.choose(form.getByRole('radiogroup', { name: new RegExp(`^${group}`) }).getByRole('radio', { name: option, exact: true }));
  }
  for (const [label, text] of Object.entries(fields)) await hands.type(form.getByLabel(new RegExp(`^${label} \\(`)), text);
  await hands.activate(form.getByRole('button', { name: title, exact: true }));
  await page.locator('.case-header .stage', { hasText: stage }).waitFor();
}

/** Signs in through the identity provider's login page. */
export async function signInWithIdp(page: Page, hands: Hands, login: string, name: string): Promise<void> {
  await hands.activate(page.getByRole('button', { name: 'Logga in med organisationens inloggning' }));
  await page.locator('input[name="login"]').waitFor();
  await hands.type(page.locator('input[name="login"]'), login);
  await hands.type(page.locator('input[name="password"]'), 'valfritt');
  await hands.activate(page.locator('button[type="submit"]'));
  await page.getByText(`Inloggad som ${name}`).waitFor();
}

/** Finds a case by its diarienummer in Ärenden and opens it. */
export async function openCaseBySearch(page: Page, hands: Hands, diarienummer: string, shoot?: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Ärenden' }).waitFor();
  await hands.type(page.getByRole('searchbox', { name: 'Sök ärende' }), diarienummer);
  await hands.activate(page.getByRole('button', { name: 'Sök', exact: true }));
  const link = page.getByRole('table').getByRole('link', { name: diarienummer, exact: true });
  await page
    .getByRole('table')
    .getByText(/Ärende 1–1 av 1/)
    .waitFor();
  await expectAccessible(page, 'Ärenden, searched');
  if (shoot) await screenshot(page, shoot);
  await hands.activate(link);
  await page.getByRole('heading', { level: 1, name: `Ärende ${diarienummer}` }).waitFor();
}
