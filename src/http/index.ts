import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import type { AppConfig } from '../config/app-config';
import { useJsonBody } from './json-body';
import { useRateLimits } from './rate-limits';
import { useSecurityHeaders } from './security-headers';
import { setServerTimeouts } from './server-timeouts';
import { refuseIllFormedText } from './well-formed-text';

export { RequestRefused } from './request-refused';

/**
 * The HTTP edge, in the order a request meets it: trusted proxies (for the source address), security
 * headers, rate limits, the one bounded JSON body parser, then text PostgreSQL cannot store. Each
 * refusal is a typed error answered by the error filter. Needs createApp's `bodyParser: false`.
 */
export function hardenHttp(app: NestExpressApplication, config: AppConfig): void {
  if (config.TRUST_PROXY !== undefined) app.set('trust proxy', /^\d+$/.test(config.TRUST_PROXY) ? Number(config.TRUST_PROXY) : config.TRUST_PROXY);
  setServerTimeouts(app.getHttpServer() as Server, config);
  useSecurityHeaders(app, config);
  useRateLimits(app, config);
  useJsonBody(app, config);
  app.use(refuseIllFormedText);
}
