import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Metrics } from './metrics';

/**
 * Times every request, refused ones too (a middleware runs before the guards), labelled with the
 * route's template (`/cases/:id/commands/sign`), never the raw path, so that case ids and query
 * strings do not multiply the series; a path no route matches is `unmatched`.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: Metrics) {}

  use(request: Request, response: Response, next: () => void): void {
    const stop = this.metrics.httpDuration.startTimer();
    // 'close' comes for every response, also one whose client went away before the end.
    response.once('close', () =>
      stop({ method: request.method, route: (request.route as { path?: string } | undefined)?.path ?? 'unmatched', status: response.statusCode }),
    );
    next();
  }
}
