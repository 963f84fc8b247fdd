import { Controller, Get, Header, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { AccessDenied } from '../auth/access-denied';
import { Public } from '../auth/auth.guard';
import { ErrorDto } from '../cases/shared/case-result.dto';
import { AppConfig } from '../config/app-config';
import { Metrics } from './metrics';

const digest = (value: string) => createHash('sha256').update(value).digest();
const isLoopback = (address: string | undefined) => address !== undefined && /^(127\.|::1$|::ffff:127\.)/.test(address);

/** Prometheus' scrape endpoint. Officials' tokens play no part: scraping is the monitoring system's, see {@link MetricsController.scrape}. */
@ApiTags('Operations')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'metrics',
    summary: 'Prometheus metrics (text exposition format)',
    description:
      'With `METRICS_TOKEN` set: for requests carrying `Authorization: Bearer <METRICS_TOKEN>`, from anywhere. ' +
      'Without it: for requests from this machine (loopback) only.',
  })
  @ApiOkResponse({ description: 'text/plain; version=0.0.4', content: { 'text/plain': { schema: { type: 'string' } } } })
  @ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHENTICATED: not from loopback and no (or a wrong) METRICS_TOKEN.' })
  async scrape(@Req() request: Request): Promise<string> {
    this.admit(request);
    request.res!.setHeader('Content-Type', this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }

  private admit(request: Request): void {
    const expected = this.config.METRICS_TOKEN;
    if (expected === undefined) {
      if (isLoopback(request.socket.remoteAddress)) return;
      throw new AccessDenied('UNAUTHENTICATED', 'Metrics are served to this machine only; set METRICS_TOKEN to let a scraper elsewhere in.');
    }
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    // Compared as digests: equal lengths for timingSafeEqual, and no hint of the token's length.
    if (scheme?.toLowerCase() !== 'bearer' || !token || !timingSafeEqual(digest(token), digest(expected))) {
      throw new AccessDenied('UNAUTHENTICATED', 'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.');
    }
  }
}
