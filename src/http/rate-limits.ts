import { createHash } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { rateLimit, type Options } from 'express-rate-limit';
import type { AppConfig } from '../config/app-config';
import { RequestRefused } from './request-refused';

/** The bearer token sent, if any: a caller's session. Its hash is the per-caller key (the token itself is never kept). */
function callerKey(req: Request): string | undefined {
  const header = req.headers.authorization;
  return header ? createHash('sha256').update(header).digest('base64url') : undefined;
}

/** 429 RATE_LIMITED through the error filter; express-rate-limit has set Retry-After already. */
function refuse(what: string) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    const retryAfter = Number(res.getHeader('Retry-After'));
    next(new RequestRefused('RATE_LIMITED', `Too many ${what}; try again in ${retryAfter} s.`, { retryAfterSeconds: retryAfter }));
  };
}

function limiter(windowMs: number, limit: number, what: string, options: Partial<Options>): RequestHandler {
  return rateLimit({ windowMs, limit, standardHeaders: 'draft-7', legacyHeaders: false, handler: refuse(what), ...options });
}

/**
 * Rate limits in a fixed window of RATE_LIMIT_WINDOW_MS, each off when its limit is 0:
 * - per source address (RATE_LIMIT_PER_ADDRESS), every request;
 * - per caller (RATE_LIMIT_PER_CALLER), keyed by the bearer token;
 * - failed authentication per source address (RATE_LIMIT_FAILED_AUTH): only 401s count, and once
 *   over, the address gets 429 for the rest of the window — guessing tokens costs a window per few tries.
 * Source addresses are `req.ip`, so behind a reverse proxy set TRUST_PROXY.
 */
export function useRateLimits(app: NestExpressApplication, config: AppConfig): void {
  const window = config.RATE_LIMIT_WINDOW_MS;
  if (config.RATE_LIMIT_FAILED_AUTH > 0) {
    app.use(
      limiter(window, config.RATE_LIMIT_FAILED_AUTH, 'failed authentications from this address', {
        skipSuccessfulRequests: true,
        requestWasSuccessful: (_req, res) => res.statusCode !== 401,
        identifier: 'failed-auth',
      }),
    );
  }
  if (config.RATE_LIMIT_PER_ADDRESS > 0) app.use(limiter(window, config.RATE_LIMIT_PER_ADDRESS, 'requests from this address', { identifier: 'address' }));
  if (config.RATE_LIMIT_PER_CALLER > 0) {
    app.use(
      limiter(window, config.RATE_LIMIT_PER_CALLER, 'requests with this token', {
        identifier: 'caller',
        skip: (req) => callerKey(req) === undefined,
        keyGenerator: (req) => callerKey(req) as string,
      }),
    );
  }
}
