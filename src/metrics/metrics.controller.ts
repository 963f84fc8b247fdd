import { Controller, Get, Header, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../auth/auth.guard';
import { ErrorDto } from '../cases/shared/case-result.dto';
import { AppConfig } from '../config/app-config';
import { Metrics } from './metrics';
import { admitScraper } from './scrape-access';

/** Prometheus' scrape endpoint. Officials' tokens play no part: scraping is the monitoring system's, see {@link admitScraper}. */
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
    admitScraper({ remoteAddress: request.socket.remoteAddress, authorization: request.headers.authorization }, this.config.METRICS_TOKEN);
    request.res!.setHeader('Content-Type', this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}
