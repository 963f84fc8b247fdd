jest.setTimeout(180_000); // a service, its database and a browser start per file
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext } from '../support/browser';
import { startWebService, type WebService } from '../support/web-service';

/**
 * Issue 12: the service's Content-Security-Policy (src/http/security-headers.ts) must fit the web
 * app it serves: a page used through sign-in breaks none of its rules.
 */
describe("the web app under the service's Content-Security-Policy", () => {
  let browser: Browser;
  let service: WebService;
  beforeAll(async () => {
    [browser, service] = await Promise.all([launchBrowser(), startWebService()]);
  });
  afterAll(async () => {
    await service?.stop();
    await browser?.close();
  });

  it('is served with the policy and violates none of it, from sign-in to the case list', async () => {
    const context = await newContext(browser, service.baseUrl);
    // Runs in the page (a string: this file is compiled without the DOM's types).
    await context.addInitScript({
      content: `window.cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));`,
    });
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (message) => void (/Content Security Policy/i.test(message.text()) && refused.push(message.text())));

    const index = await page.goto('/');
    expect(index?.headers()['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    await page.getByRole('heading', { level: 2, name: 'Lokal inloggning (endast för utveckling och demo)' }).waitFor();
    await page.locator('label', { hasText: 'Frida Larsson' }).click();
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.getByText('Inloggad som Frida Larsson').waitFor();
    await page.goto('/arenden');
    await page.getByText('Inloggad som Frida Larsson').waitFor();

    expect(await page.evaluate('window.cspViolations')).toEqual([]);
    expect(refused).toEqual([]);
    await context.close();
  });
});
