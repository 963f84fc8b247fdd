import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config';

/** The identity provider's origin, which the web app's sign-in (OpenID Connect) talks to. */
function issuerOrigin(config: AppConfig): string[] {
  try {
    return config.JWT_ISSUER ? [new URL(config.JWT_ISSUER).origin] : [];
  } catch {
    return []; // an issuer that is a name, not a URL: nothing for a browser to fetch
  }
}

/**
 * helmet's headers, with a Content-Security-Policy for the web app served from this origin (a
 * React/Vite single-page app): scripts, styles, fonts and images from here only, no inline
 * scripts, fetches to here and the identity provider. The API docs (Swagger UI) and the printable
 * HTML export carry a `<style>` of their own, so there inline styles are allowed; scripts never.
 */
export function useSecurityHeaders(app: NestExpressApplication, config: AppConfig): void {
  app.disable('x-powered-by');
  const directives = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'", ...issuerOrigin(config)],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
  const strict = helmet({ contentSecurityPolicy: { useDefaults: false, directives } });
  const inlineStyles = helmet({ contentSecurityPolicy: { useDefaults: false, directives: { ...directives, styleSrc: ["'self'", "'unsafe-inline'"] } } });
  app.use((req: { path: string }, res: unknown, next: () => void) => (OWN_STYLES.test(req.path) ? inlineStyles : strict)(req as never, res as never, next));
}

/** Pages that carry their own inline `<style>`: Swagger UI, and a case's printable export. */
const OWN_STYLES = /^\/docs(\/|$)|^\/audit\/cases\/[^/]+\/export$/;
